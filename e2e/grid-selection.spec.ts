/**
 * The grid's own selection and filters, which run beside AG Grid's Infinite Row Model: the header's
 * "select every row shown", a shift-click range, Space on a row, and a column filter.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { dropFiles, expect, sample, screenshot, test, truth } from './support/fixtures.js';

const aad = truth.find((t) => t.file === 'aad-connector-utf8.xml');
if (!aad) throw new Error('truth.json has no aad-connector-utf8.xml');
const aadPending = Object.values(aad.operations).reduce((a, b) => a + b, 0);
const deletes = aad.operations['delete'] ?? 0;

const gridRows = (page: import('@playwright/test').Page) => page.locator('.ag-grid-scrolling-container .ag-row');
const rowAt = (page: import('@playwright/test').Page, index: number) => page.locator(`.ag-grid-scrolling-container .ag-row[row-index="${index}"]`);

test('"select every row shown" selects exactly the deletes shown, and they export in the order shown', async ({ page, host, tempDir }) => {
  await dropFiles(page, [sample('aad-connector-utf8.xml')]);
  await expect(page.getByTestId('shown-count')).toHaveText(String(aadPending));
  await page.getByRole('button', { name: /^Delete \d/ }).click();
  await expect(page.getByTestId('shown-count')).toHaveText(String(deletes));
  const selectAll = page.getByRole('checkbox', { name: 'Select every row shown' });
  await selectAll.check();
  await expect(page.getByTestId('selected-count')).toHaveText(String(deletes));
  await expect(gridRows(page).locator('input.row-select:checked')).toHaveCount(deletes);
  await screenshot(page, '30-deletes-selected');

  // All rows shown again: the deletes stay selected, the header box is now partly checked.
  await page.getByRole('button', { name: /^All \d/ }).click();
  await expect(page.getByTestId('shown-count')).toHaveText(String(aadPending));
  await expect(selectAll).not.toBeChecked();
  expect(await selectAll.evaluate((box) => (box as HTMLInputElement).indeterminate)).toBe(true);

  const target = join(tempDir, 'deletes.csv');
  host.chooseOnSave(target);
  await page.getByRole('button', { name: 'Export CSV…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export CSV' });
  await dialog.getByRole('radio', { name: new RegExp(`Selected rows \\(${deletes}\\)`) }).check();
  await dialog.getByRole('button', { name: `Export ${deletes} rows…` }).click();
  await expect(page.getByRole('status').filter({ hasText: `to ${target}` })).toBeVisible();
  const cells = parse(readFileSync(target, 'utf8'), { bom: true }) as string[][];
  const operation = cells[0]?.indexOf('Operation') ?? -1;
  expect(cells.slice(1).map((r) => r[operation])).toEqual(Array(deletes).fill('delete'));

  // Clicking the header box again selects every row shown; once more clears the selection.
  await selectAll.check();
  await expect(page.getByTestId('selected-count')).toHaveText(String(aadPending));
  await selectAll.uncheck();
  await expect(page.getByTestId('selected-count')).toHaveText('0');
});

test('a shift-click selects the range from the last row clicked, and Space selects the focused row', async ({ page }) => {
  await dropFiles(page, [sample('aad-connector-utf8.xml')]);
  await expect(page.getByTestId('shown-count')).toHaveText(String(aadPending));
  await rowAt(page, 1).locator('input.row-select').click();
  await rowAt(page, 4)
    .locator('input.row-select')
    .click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('selected-count')).toHaveText('4');
  for (const index of [1, 2, 3, 4]) await expect(rowAt(page, index).locator('input.row-select')).toBeChecked();
  await expect(rowAt(page, 0).locator('input.row-select')).not.toBeChecked();

  await rowAt(page, 6).locator('[col-id="objectType"]').click();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('selected-count')).toHaveText('5');
  await expect(rowAt(page, 6).locator('input.row-select')).toBeChecked();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('selected-count')).toHaveText('4');
});

test('the Changed attributes column filter keeps the rows that change an attribute, and sorting keeps them', async ({ page }) => {
  await dropFiles(page, [sample('aad-connector-utf8.xml')]);
  await expect(page.getByTestId('shown-count')).toHaveText(String(aadPending));
  const changedText = async () =>
    (await page.locator('.ag-grid-scrolling-container .ag-row [col-id="changedAttributes"]').allTextContents()).map((t) => t.split(', '));
  // The attribute the most rows change, short of all of them: a filter that leaves several rows to sort.
  const all = await changedText();
  const counts = new Map<string, number>();
  for (const name of all.flat()) if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  const [attribute, expected] = [...counts].filter(([, n]) => n < all.length).sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  expect(expected).toBeGreaterThan(1);

  const header = page.locator('.ag-header-cell[col-id="changedAttributes"]');
  await header.hover();
  await header.locator('.ag-header-cell-filter-button, .ag-header-cell-menu-button').first().click();
  const filter = page.locator('.ag-filter');
  await filter.getByRole('combobox').first().click();
  await page.getByRole('option', { name: 'Changes attribute' }).click();
  await filter.getByRole('textbox').first().fill(attribute.toUpperCase());
  await expect(page.getByTestId('shown-count')).toHaveText(String(expected));
  await screenshot(page, '31-column-filter');
  await page.keyboard.press('Escape');
  for (const names of await changedText()) expect(names).toContain(attribute);

  await page.locator('.ag-header-cell[col-id="displayName"] .ag-header-cell-label').click();
  await expect(page.locator('.ag-header-cell[col-id="displayName"]')).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.getByTestId('shown-count')).toHaveText(String(expected));
  const names = await page.locator('.ag-grid-scrolling-container .ag-row').evaluateAll((rows) =>
    rows
      .map((row) => ({ at: Number(row.getAttribute('row-index')), name: row.querySelector('[col-id="displayName"]')?.textContent ?? '' }))
      .sort((a, b) => a.at - b.at)
      .map((row) => row.name),
  );
  expect(names).toEqual([...names].sort());
});
