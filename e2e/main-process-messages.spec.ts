/**
 * What the main process has to tell the admin reaches the window: a refused "Open with" or second
 * launch, and a CSV export that could not be written because the file changed while the save dialog
 * was up. Nothing fails in silence, and no message carries Electron's "Error invoking remote method".
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { dropFiles, expect, sample, screenshot, test } from './support/fixtures.js';

test('a file the main process could not open is named in the window', async ({ page, host }) => {
  await host.notify({ kind: 'error', text: 'export.xml does not exist or cannot be read. It was removed from Open Recent.' });
  const alert = page.getByRole('alert').filter({ hasText: 'export.xml does not exist or cannot be read.' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('It was removed from Open Recent.');
  await screenshot(page, '20-refused-open');
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toBeHidden();
});

test('a CSV export whose file was replaced while the save dialog was up says why, and writes nothing', async ({ page, host, tempDir }) => {
  await dropFiles(page, [sample('aad-connector-utf8.xml')]);
  await expect(page.getByTestId('shown-count')).toHaveText('11');
  const target = join(tempDir, 'late.csv');
  host.chooseOnSave(target, () => host.service.open(sample('mim-sql-deltas-only.xml').path));
  await page.getByRole('button', { name: 'Export CSV…' }).click();
  await page.getByRole('dialog', { name: 'Export CSV' }).getByRole('button', { name: 'Export 11 rows…' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'The CSV was not written' });
  await expect(alert).toHaveText(/^The CSV was not written: That file is no longer open\.\s*×?$/);
  await expect(page.getByRole('heading', { name: 'mim-sql-deltas-only.xml' })).toBeVisible();
  await expect(page.getByTestId('shown-count')).toHaveText('5');
  await expect(page.getByText(/^Reading…/)).toBeHidden();
  expect(existsSync(target)).toBe(false);
  await screenshot(page, '21-export-file-changed');
});
