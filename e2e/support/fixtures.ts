/** Playwright fixtures: the built renderer served once, a test host per page, and helpers a user's hands would do. */
import { test as base, expect, type Page } from '@playwright/test';
import { closeSync, mkdirSync, openSync, readSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { serveDirectory } from './static-server.js';
import { TestHost } from './test-host.js';
import { loadTruth, makeTempDir, samplePath } from '../../shared/testing/samples.node.js';

export const SCREENSHOTS = resolve('e2e', 'screenshots');
export const truth = loadTruth();

interface Fixtures {
  host: TestHost;
  tempDir: string;
}

export const test = base.extend<Fixtures, { rendererUrl: string }>({
  rendererUrl: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await serveDirectory(resolve('dist', 'renderer'));
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],
  // eslint-disable-next-line no-empty-pattern
  tempDir: async ({}, use) => {
    const temp = makeTempDir();
    await use(temp.dir);
    temp.remove();
  },
  // Every test gets the app, whether or not it talks to the host.
  host: [
    async ({ page, rendererUrl }, use) => {
      const host = new TestHost(page);
      await host.install();
      await page.goto(rendererUrl);
      await use(host);
      host.dispose();
    },
    { auto: true },
  ],
});

export { expect };

function firstBytes(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    return buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0)).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

/**
 * Drops files on the window with a real drop event carrying a DataTransfer of File objects. Each
 * file's path is what Electron's webUtils.getPathForFile would return for it; the File carries the
 * first bytes of the file (the app reads the file by path, as it does in Electron).
 */
export async function dropFiles(page: Page, files: Array<{ name: string; path?: string }>): Promise<void> {
  const paths = Object.fromEntries(files.filter((f) => f.path).map((f) => [f.name, f.path as string]));
  await page.evaluate((p) => Object.assign((window as unknown as { __testFilePaths: Record<string, string> }).__testFilePaths, p), paths);
  const payload = files.map((f) => ({ name: f.name, text: f.path ? firstBytes(f.path) : '' }));
  const dataTransfer = await page.evaluateHandle((items) => {
    const transfer = new DataTransfer();
    for (const item of items) transfer.items.add(new File([item.text], item.name, { type: 'text/xml' }));
    return transfer;
  }, payload);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer });
  await page.dispatchEvent('body', 'dragover', { dataTransfer });
  await page.dispatchEvent('body', 'drop', { dataTransfer });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

export function sample(file: string): { name: string; path: string } {
  return { name: basename(file), path: samplePath(file) };
}
