/**
 * The real app, through Playwright's Electron support: open a sample from the command line, filter
 * the deletes, export them. Runs wherever an Electron binary is installed (`npm start` fetches it);
 * reported as skipped, with the reason, where there is none (this project's build machines).
 */
import { _electron as electron } from '@playwright/test';
import { cpSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, sample, test } from './support/fixtures.js';
import { installedElectronBinary } from './support/electron-binary.js';

const binary = installedElectronBinary();
const SKIP_REASON =
  'No Electron binary on this machine: its download is blocked here, so the real app cannot start. The renderer, preload contract and main-process services are covered by review.spec.ts and the unit tests.';

test.describe('the real Electron app', () => {
  test.skip(!binary, SKIP_REASON);
  if (!binary) console.log(`[electron.spec] SKIPPED: ${SKIP_REASON}`);

  test('opens a sample from the command line, filters the deletes and exports them', async ({ tempDir }) => {
    const app = await electron.launch({ executablePath: binary, args: [resolve('.'), sample('aad-connector-utf8.xml').path] });
    try {
      const window = await app.firstWindow();
      await expect(window.getByRole('heading', { name: 'aad-connector-utf8.xml' })).toBeVisible();
      await expect(window.getByTestId('shown-count')).toHaveText('11');
      await window.getByRole('button', { name: /^Delete \d+$/ }).click();
      await expect(window.getByTestId('shown-count')).toHaveText('3');
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle())).toBe('aad-connector-utf8.xml — Export Review');

      const target = join(tempDir, 'deletes.csv');
      // The one native dialog a test cannot click: answer it from the main process.
      await app.evaluate(({ dialog }, path) => {
        dialog.showSaveDialog = (async () => ({ canceled: false, filePath: path })) as typeof dialog.showSaveDialog;
      }, target);
      await window.getByRole('button', { name: 'Export CSV…' }).click();
      await window.getByRole('dialog', { name: 'Export CSV' }).getByRole('button', { name: 'Export 3 rows…' }).click();
      await expect(window.getByRole('status').filter({ hasText: 'Wrote 3 rows' })).toBeVisible();
      expect(readFileSync(target, 'utf8').trim().split('\r\n')).toHaveLength(4);
    } finally {
      await app.close();
    }
  });

  test('trusts its own window when started from a folder named JOHNSM~1 [x] 100% jörg', async ({ tempDir }) => {
    // Chromium spells such a page URL unlike Node's pathToFileURL: the sender check compares file paths.
    const appDir = join(tempDir, 'JOHNSM~1 [x] 100% jörg');
    cpSync(resolve('dist'), join(appDir, 'dist'), { recursive: true });
    cpSync(resolve('package.json'), join(appDir, 'package.json'));
    const app = await electron.launch({ executablePath: binary, args: [appDir, sample('mim-sql-deltas-only.xml').path] });
    try {
      const window = await app.firstWindow();
      await expect(window.getByRole('heading', { name: 'mim-sql-deltas-only.xml' })).toBeVisible();
      await expect(window.getByTestId('shown-count')).toHaveText('5');
    } finally {
      await app.close();
    }
  });
});
