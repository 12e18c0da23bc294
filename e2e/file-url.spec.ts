/**
 * The fake Electron that runs the glue in the unit tests (electron/testing) spells the URL of a
 * loaded page as Chromium commits it: checked here against Debian's Chromium, for the install folders
 * whose spelling once locked users out of their own window.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumCommittedUrl, electronLoadFileUrl } from '../electron/testing/chromium-file-url.js';
import { expect, test } from './support/fixtures.js';

for (const folder of ['JOHNSM~1', '[x]', '100% done', 'jörg', 'sp ace{}^`|']) {
  test(`Chromium commits the fake's URL for a page under ${folder}`, async ({ page, tempDir }) => {
    const dir = join(tempDir, folder);
    mkdirSync(dir);
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>loaded</title>');
    const url = electronLoadFileUrl(dir, 'index.html');
    await page.goto(url);
    await expect(page).toHaveTitle('loaded');
    expect(page.url()).toBe(chromiumCommittedUrl(url));
  });
}
