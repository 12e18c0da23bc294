/**
 * The review as a reviewer does it: marks by keyboard and by button, kept beside the export and
 * restored when it is opened again, stale where the next cycle's change differs, the delete banner's
 * progress and ready state, and the reviewed rows exported to CSV.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Page } from '@playwright/test';
import { dropFiles, expect, sample, screenshot, test } from './support/fixtures.js';
import { REVIEWER } from './support/test-host.js';
import { CHANGED_ID, writeNextCycleOfAadSample } from '../shared/testing/next-cycle.node.js';

const CHEN = '{00000003-1111-4A4A-9B9B-000000001003}';
const EVE = '{00000004-1111-4A4A-9B9B-000000001004}';
const BIRGIT = '{00000002-1111-4A4A-9B9B-000000001002}';

const row = (page: Page, id: string) => page.locator(`.ag-grid-scrolling-container .ag-row[row-id="${id}"]`);
const reviewCell = (page: Page, id: string) => row(page, id).locator('[col-id="review"]');
const chip = (page: Page, label: string) => page.getByRole('group', { name: 'Review' }).getByRole('button', { name: new RegExp(`^${label} \\d`) });

/** The AAD sample copied to a folder of the test's own, as export.xml. */
function exportIn(tempDir: string): { name: string; path: string } {
  const path = join(tempDir, 'export.xml');
  copyFileSync(sample('aad-connector-utf8.xml').path, path);
  return { name: 'export.xml', path };
}

async function open(page: Page, file: { name: string; path: string }): Promise<void> {
  await dropFiles(page, [file]);
  await expect(page.getByTestId('shown-count')).toHaveText('11');
  await expect(page.getByTestId('review-storage')).toBeVisible();
}

function savedMarks(path: string): Record<string, { verdict: string; note: string; by: string }> {
  return (JSON.parse(readFileSync(`${path}.review.json`, 'utf8')) as { marks: Record<string, { verdict: string; note: string; by: string }> }).marks;
}

test('marks set by keyboard and by button are saved beside the export and restored when it is opened again', async ({ page, host, tempDir }) => {
  const file = exportIn(tempDir);
  await open(page, file);
  await expect(chip(page, 'Unreviewed')).toHaveText(/Unreviewed 11/);

  await row(page, CHEN).locator('[col-id="userPrincipalName"]').click();
  await page.keyboard.press('a');
  await expect(reviewCell(page, CHEN)).toHaveText('✓ Approved');
  await expect(page.getByTestId('announcer')).toHaveText(/Approved 1 row\./);

  await row(page, EVE).locator('[col-id="userPrincipalName"]').click();
  await page.keyboard.press('n');
  const note = page.getByRole('dialog', { name: 'Review note' });
  await expect(note.getByRole('radio', { name: /Flagged/ })).toBeChecked();
  await note.getByRole('textbox', { name: 'Note' }).fill('Formula name: check with HR first');
  await screenshot(page, '31-note-dialog');
  await note.getByRole('button', { name: 'Save' }).click();
  await expect(note).toBeHidden();
  await expect(reviewCell(page, EVE)).toHaveText('⚑ Flagged');
  // Focus is back on the grid, so the next key marks the next row.
  await expect(page.locator('.ag-cell-focus')).toBeFocused();

  await row(page, BIRGIT).locator('[col-id="userPrincipalName"]').click();
  await page.keyboard.press('Enter');
  const details = page.getByRole('complementary', { name: 'Details' });
  await details.getByRole('button', { name: 'Approve A' }).click();
  await expect(details.getByTestId('detail-review-state')).toHaveText('✓ Approved');
  await expect(details.getByText(`Approved by ${REVIEWER}`)).toBeVisible();

  await expect(chip(page, 'Approved')).toHaveText(/Approved 2/);
  await expect(chip(page, 'Flagged')).toHaveText(/Flagged 1/);
  await expect(chip(page, 'Unreviewed')).toHaveText(/Unreviewed 8/);
  await expect(page.getByTestId('delete-review')).toHaveText('Deletes reviewed 2 of 4 · 1 flagged');
  await screenshot(page, '30-review-marks');

  await chip(page, 'Flagged').click();
  await expect(page.getByTestId('shown-count')).toHaveText('1');
  await expect(chip(page, 'Flagged')).toHaveAttribute('aria-pressed', 'true');
  await screenshot(page, '32-review-chip-flagged');
  await chip(page, 'Flagged').click();
  await expect(page.getByTestId('shown-count')).toHaveText('11');

  // Saved at most a second after the last change, beside the export.
  await expect.poll(() => existsSync(`${file.path}.review.json`) && Object.keys(savedMarks(file.path)).length, { timeout: 5000 }).toBe(3);
  expect(savedMarks(file.path)[EVE]).toEqual(expect.objectContaining({ verdict: 'flagged', note: 'Formula name: check with HR first', by: REVIEWER }));

  host.service.close();
  await expect(page.getByRole('heading', { name: 'Drop export.xml here, or press Ctrl+O' })).toBeVisible();
  await open(page, file);
  await expect(reviewCell(page, CHEN)).toHaveText('✓ Approved');
  await expect(reviewCell(page, EVE)).toHaveText('⚑ Flagged');
  await expect(chip(page, 'Approved')).toHaveText(/Approved 2/);
});

test('a newer export with one change different shows that row stale; approving all deletes makes the banner ready', async ({ page, host, tempDir }) => {
  const file = exportIn(tempDir);
  await open(page, file);
  await page.getByRole('button', { name: 'Approve all shown…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Approve all shown' });
  await expect(confirm).toContainText('Approve all 11 pending changes shown by the filters?');
  await confirm.getByRole('button', { name: 'Approve 11' }).click();
  await expect(chip(page, 'Approved')).toHaveText(/Approved 11/);
  await expect(page.getByTestId('delete-review')).toHaveText('✓ All 4 deletes approved: ready for go-live.');
  host.service.close();

  // The next sync cycle's export, written over the same file as csexport does.
  writeNextCycleOfAadSample(file.path);
  await open(page, file);
  await expect(reviewCell(page, CHANGED_ID)).toHaveText('↻ Stale');
  await expect(chip(page, 'Stale')).toHaveText(/Stale 1/);
  await expect(chip(page, 'Approved')).toHaveText(/Approved 10/);
  await row(page, CHANGED_ID).locator('[col-id="userPrincipalName"]').click();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: 'Details' }).getByText('This change is different from the one that was marked')).toBeVisible();
  await screenshot(page, '33-review-stale');

  // The deletes are unchanged, so their marks carried over: the banner is ready, and stays so over the threshold.
  await page.getByRole('spinbutton', { name: 'Delete threshold' }).fill('1');
  await expect(page.getByTestId('delete-review')).toHaveText('✓ All 4 deletes approved: ready for go-live.');
  await expect(page.getByText('4 pending deletes (3 delete, 1 delete-add), over the threshold of 1.')).toBeVisible();
  await screenshot(page, '34-delete-banner-ready');
  await page.getByRole('spinbutton', { name: 'Delete threshold' }).fill('500');
});

test('the delete banner shows progress while deletes are reviewed, over the threshold', async ({ page, tempDir }) => {
  await open(page, exportIn(tempDir));
  await page.getByRole('spinbutton', { name: 'Delete threshold' }).fill('2');
  await page.getByRole('alert').getByRole('button', { name: 'Show deletes' }).click();
  await expect(page.getByTestId('shown-count')).toHaveText('4');
  await row(page, CHEN).locator('input.row-select').check();
  await row(page, EVE).locator('input.row-select').check();
  await row(page, EVE).locator('[col-id="userPrincipalName"]').click();
  await page.keyboard.press('f');
  await expect(page.getByTestId('announcer')).toHaveText(/Flagged 2 rows\./);
  await expect(page.getByTestId('delete-review')).toHaveText('Deletes reviewed 2 of 4 · 2 flagged');
  await expect(page.getByRole('alert')).toContainText('exceed the threshold of 2');
  await screenshot(page, '35-delete-banner-progress');
  await page.getByRole('spinbutton', { name: 'Delete threshold' }).fill('500');
});

test('the reviewed rows export to a CSV with the review columns', async ({ page, host, tempDir }) => {
  const file = exportIn(tempDir);
  await open(page, file);
  await row(page, CHEN).locator('[col-id="userPrincipalName"]').click();
  await page.keyboard.press('a');
  await row(page, EVE).locator('[col-id="userPrincipalName"]').click();
  await page.keyboard.press('f');
  await expect(chip(page, 'Flagged')).toHaveText(/Flagged 1/);

  const target = join(tempDir, 'reviewed.csv');
  host.chooseOnSave(target);
  await page.getByRole('button', { name: 'Export CSV…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export CSV' });
  await dialog.getByRole('radio', { name: 'Reviewed rows (every row with a mark) (2)' }).check();
  await dialog.getByRole('button', { name: 'Export 2 rows…' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Wrote 2 rows (2 objects) to ${target}` })).toBeVisible();
  const cells = parse(readFileSync(target, 'utf8'), { bom: true }) as string[][];
  const header = cells[0] ?? [];
  expect(header.slice(-4)).toEqual(['Review', 'Review note', 'Reviewed by', 'Reviewed at']);
  const column = (name: string) => header.indexOf(name);
  expect(cells.slice(1).map((r) => [r[column('Id')], r[column('Review')], r[column('Reviewed by')]])).toEqual([
    [CHEN, 'approved', REVIEWER],
    [EVE, 'flagged', REVIEWER],
  ]);
});

test('a review file that cannot be read is left alone; the admin continues without saving, or chooses another file', async ({ page, host, tempDir }) => {
  const file = exportIn(tempDir);
  const broken = `${file.path}.review.json`;
  writeFileSync(broken, '{"format":"export-review/review-marks","version":3,"marks":{}}');
  await dropFiles(page, [file]);
  const problem = page.getByRole('dialog', { name: 'The review marks cannot be read' });
  await expect(problem).toContainText(`The review file ${broken} was written by a newer Export Review (review file version 3)`);
  await screenshot(page, '36-review-file-problem');
  await problem.getByRole('button', { name: 'Continue without saving marks' }).click();
  await expect(page.getByTestId('review-storage')).toContainText('Marks are not being saved');
  await row(page, CHEN).locator('[col-id="userPrincipalName"]').click();
  await page.keyboard.press('a');
  await expect(reviewCell(page, CHEN)).toHaveText('✓ Approved');
  await page.waitForTimeout(1500);
  expect(readFileSync(broken, 'utf8')).toBe('{"format":"export-review/review-marks","version":3,"marks":{}}');

  const other = join(tempDir, 'team.review.json');
  host.chooseOnReviewFile(other);
  await page.getByTestId('review-storage').getByRole('button', { name: 'Review file…' }).click();
  await expect(page.getByTestId('review-storage')).toContainText(`Marks saved in ${other}`);
  await row(page, EVE).locator('[col-id="userPrincipalName"]').click();
  await page.keyboard.press('f');
  // The mark made while nothing was saved is kept, and saved with the new one in the chosen file.
  await expect
    .poll(() => existsSync(other) && Object.keys(JSON.parse(readFileSync(other, 'utf8')).marks as object).sort(), { timeout: 5000 })
    .toEqual([CHEN, EVE]);
  await expect(reviewCell(page, CHEN)).toHaveText('✓ Approved');
  expect(readFileSync(broken, 'utf8')).toBe('{"format":"export-review/review-marks","version":3,"marks":{}}');
});
