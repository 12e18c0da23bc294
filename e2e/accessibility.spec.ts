/**
 * Every state a reviewer passes through, checked by axe-core in Chromium: empty, loaded, details
 * open, marks, each dialog, the delete banner's alert. (Reading is checked in large-file.spec.ts,
 * where a read lasts long enough to look at.) Keyboard use: chips are toggle buttons, marks and
 * reads are announced, focus returns to the grid after a dialog.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dropFiles, expect, sample, screenshot, test } from './support/fixtures.js';
import { expectNoAxeViolations } from './support/axe.js';

const CHEN = '{00000003-1111-4A4A-9B9B-000000001003}';
const row = (page: import('@playwright/test').Page, id: string) => page.locator(`.ag-grid-scrolling-container .ag-row[row-id="${id}"]`);

test('no axe-core violation in the empty, loaded, details, marks and banner states', async ({ page, tempDir }) => {
  await expectNoAxeViolations(page, 'empty');
  const path = join(tempDir, 'export.xml');
  copyFileSync(sample('aad-connector-utf8.xml').path, path);
  await dropFiles(page, [{ name: 'export.xml', path }]);
  await expect(page.getByTestId('shown-count')).toHaveText('11');
  await expect(page.getByTestId('review-storage')).toBeVisible();
  await expect(page.getByTestId('announcer')).toHaveText(/Read 12 objects: 11 pending changes/);
  await expectNoAxeViolations(page, 'loaded');

  await row(page, CHEN).locator('[col-id="userPrincipalName"]').click();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: 'Details' }).getByRole('heading', { name: 'chen.wei@contoso.com' })).toBeVisible();
  await expectNoAxeViolations(page, 'details open');

  await page.keyboard.press('f');
  await expect(row(page, CHEN).locator('[col-id="review"]')).toHaveText('⚑ Flagged');
  await expect(page.getByTestId('announcer')).toHaveText(/Flagged 1 row\./);
  const flagged = page.getByRole('group', { name: 'Review' }).getByRole('button', { name: /^⚑? ?Flagged 1/ });
  await flagged.click();
  await expect(flagged).toHaveAttribute('aria-pressed', 'true');
  await expectNoAxeViolations(page, 'marks');
  await flagged.click();

  await page.getByRole('spinbutton', { name: 'Delete threshold' }).fill('1');
  await expect(page.getByRole('alert')).toContainText('exceed the threshold of 1');
  await expectNoAxeViolations(page, 'delete banner alert');
  await page.getByRole('spinbutton', { name: 'Delete threshold' }).fill('500');
});

test('no axe-core violation in any dialog, and focus returns to the grid when each closes', async ({ page, tempDir }) => {
  const path = join(tempDir, 'export.xml');
  copyFileSync(sample('aad-connector-utf8.xml').path, path);
  await dropFiles(page, [{ name: 'export.xml', path }]);
  await expect(page.getByTestId('shown-count')).toHaveText('11');
  const focusedCell = page.locator('.ag-cell-focus');

  await row(page, CHEN).locator('[col-id="userPrincipalName"]').click();
  await page.keyboard.press('n');
  await expect(page.getByRole('dialog', { name: 'Review note' })).toBeVisible();
  await expectNoAxeViolations(page, 'note dialog');
  await page.keyboard.press('Escape');
  await expect(focusedCell).toBeFocused();

  await page.getByRole('button', { name: 'Approve all shown…' }).click();
  await expect(page.getByRole('dialog', { name: 'Approve all shown' })).toBeVisible();
  await expectNoAxeViolations(page, 'approve all shown');
  await page.getByRole('dialog', { name: 'Approve all shown' }).getByRole('button', { name: 'Cancel' }).click();
  await expect(focusedCell).toBeFocused();

  await page.getByRole('button', { name: 'Export CSV…' }).click();
  await expect(page.getByRole('dialog', { name: 'Export CSV' })).toBeVisible();
  await expectNoAxeViolations(page, 'export dialog');
  await page.getByRole('dialog', { name: 'Export CSV' }).getByRole('button', { name: 'Cancel' }).click();
  await expect(focusedCell).toBeFocused();
});

test('no axe-core violation when the review file cannot be read', async ({ page, tempDir }) => {
  const path = join(tempDir, 'export.xml');
  copyFileSync(sample('aad-connector-utf8.xml').path, path);
  writeFileSync(`${path}.review.json`, 'not json');
  await dropFiles(page, [{ name: 'export.xml', path }]);
  await expect(page.getByRole('dialog', { name: 'The review marks cannot be read' })).toBeVisible();
  await expectNoAxeViolations(page, 'review file problem');
  await screenshot(page, '37-review-file-problem-dialog');
});

test('the check itself finds what it is there to find: a planted image without alt text, outside any landmark', async ({ page }) => {
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'));
  const violations = await import('@axe-core/playwright').then(async ({ default: AxeBuilder }) => (await new AxeBuilder({ page }).analyze()).violations);
  expect(violations.map((v) => v.id)).toEqual(expect.arrayContaining(['image-alt', 'region']));
});
