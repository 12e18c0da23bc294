/**
 * What a user does: drop export.xml, filter the deletes, look at details, export the reviewed subset.
 * Each test asserts what the user sees, and saves a screenshot of the state it reaches.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { dropFiles, expect, sample, screenshot, test, truth } from './support/fixtures.js';

const aad = truth.find((t) => t.file === 'aad-connector-utf8.xml');
if (!aad) throw new Error('truth.json has no aad-connector-utf8.xml');
const aadPending = Object.values(aad.operations).reduce((a, b) => a + b, 0);

const gridRows = (page: import('@playwright/test').Page) => page.locator('.ag-grid-scrolling-container .ag-row');

test('empty state invites a drop, then a dropped sample fills the grid with the reader counts', async ({ page, host }) => {
  await expect(page.getByRole('heading', { name: 'Drop export.xml here, or press Ctrl+O' })).toBeVisible();
  await screenshot(page, '01-empty');

  await dropFiles(page, [sample('aad-connector-utf8.xml')]);
  await expect(page.getByRole('heading', { name: 'aad-connector-utf8.xml' })).toBeVisible();
  await expect(page.getByTestId('shown-count')).toHaveText(String(aadPending));
  await expect(gridRows(page)).toHaveCount(aadPending);
  await expect(page.getByRole('button', { name: `All ${aadPending}` })).toBeVisible();
  for (const [operation, count] of Object.entries(aad.operations)) {
    const label = operation === 'delete-add' ? 'Delete-add' : operation.charAt(0).toUpperCase() + operation.slice(1);
    await expect(page.getByRole('button', { name: `${label} ${count}`, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('button', { name: `No pending export ${aad.noPendingExport}` })).toBeVisible();
  await expect(page.getByText(`${aad.objects} objects`, { exact: true })).toBeVisible();
  await host.waitForDelivery();
  await screenshot(page, '02-loaded');
});

test('the Delete chip leaves only deletes, each with a name', async ({ page }) => {
  await dropFiles(page, [sample('aad-connector-utf8.xml')]);
  await expect(page.getByTestId('shown-count')).toHaveText(String(aadPending));
  await page.getByRole('button', { name: /^Delete \d+$/ }).click();
  const deletes = Object.keys(aad.deletes).length;
  await expect(page.getByTestId('shown-count')).toHaveText(String(deletes));
  await expect(gridRows(page)).toHaveCount(deletes);
  for (const name of Object.values(aad.deletes))
    await expect(page.locator('.ag-grid-scrolling-container').getByText(name, { exact: true }).first()).toBeVisible();
  const operations = await page.locator('.ag-grid-scrolling-container [col-id="operation"]').allInnerTexts();
  expect(operations).toEqual(Array(deletes).fill('Delete'));
  await screenshot(page, '03-deletes-filtered');
});

test('searching a UPN finds one row, and its details show old → new values', async ({ page }) => {
  await dropFiles(page, [sample('aad-connector-utf8.xml')]);
  await expect(page.getByTestId('shown-count')).toHaveText(String(aadPending));
  await page.keyboard.press('Control+f');
  await expect(page.getByRole('searchbox', { name: 'Search' })).toBeFocused();
  await page.keyboard.type('birgit.oelsner@contoso.com');
  await expect(page.getByTestId('shown-count')).toHaveText('1');
  await expect(gridRows(page)).toHaveCount(1);
  await gridRows(page).first().locator('[col-id="userPrincipalName"]').click();
  await page.keyboard.press('Enter');
  const details = page.getByRole('complementary', { name: 'Details' });
  await expect(details.getByRole('heading', { name: 'birgit.oelsner@contoso.com' })).toBeVisible();
  const displayName = details.locator('.change', { has: page.getByText('displayName', { exact: true }) });
  await expect(displayName.locator('.old')).toHaveText('Birgit Ölsner');
  await expect(displayName.locator('.new')).toHaveText('Birgit Ölsner-Krause');
  await expect(details.locator('.added').getByText('smtp:birgit.krause@contoso.com')).toBeVisible();
  await expect(details.locator('.removed').getByText('smtp:boelsner@contoso.mail.onmicrosoft.com')).toBeVisible();
  // The manager reference resolves to the UPN of the object it points to.
  await expect(details.locator('.change', { has: page.getByText('manager', { exact: true }) }).getByText('frank.mueller@contoso.com')).toBeVisible();
  await screenshot(page, '04-details');
});

test('a delete shows who would be deleted: the object as it is now', async ({ page }) => {
  await dropFiles(page, [sample('aad-connector-utf8.xml')]);
  await page.getByRole('button', { name: /^Delete \d+$/ }).click();
  await page.locator('.ag-grid-scrolling-container [col-id="userPrincipalName"]').getByText('chen.wei@contoso.com', { exact: true }).click();
  const details = page.getByRole('complementary', { name: 'Details' });
  await expect(details.getByRole('heading', { name: 'The object as it is now (synchronized hologram)' })).toBeVisible();
  await expect(details.getByText('Chen Wei (陈伟)').first()).toBeVisible();
  await expect(details.getByText('from synchronized-hologram').first()).toBeVisible();
  await screenshot(page, '05-delete-details');
});

test('two selected rows export to a CSV with the header and exactly those rows', async ({ page, host, tempDir }) => {
  await dropFiles(page, [sample('aad-connector-utf8.xml')]);
  await expect(page.getByTestId('shown-count')).toHaveText(String(aadPending));
  const rows = gridRows(page);
  await rows.nth(0).locator('input.row-select').check();
  await rows.nth(2).locator('input.row-select').check();
  await expect(page.getByTestId('selected-count')).toHaveText('2');
  // The grid's row id is the cs-object id (getRowId), on each row element.
  const chosen = [await rows.nth(0).getAttribute('row-id'), await rows.nth(2).getAttribute('row-id')];
  expect(chosen.every((id) => id?.startsWith('{'))).toBe(true);

  const target = join(tempDir, 'reviewed.csv');
  host.chooseOnSave(target);
  await page.getByRole('button', { name: 'Export CSV…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export CSV' });
  await expect(dialog.getByRole('radio', { name: /Selected rows \(2\)/ })).toBeChecked();
  await screenshot(page, '06-export-dialog');
  await dialog.getByRole('button', { name: 'Export 2 rows…' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Wrote 2 rows (2 objects) to ${target}` })).toBeVisible();

  const cells = parse(readFileSync(target, 'utf8'), { bom: true }) as string[][];
  expect(cells[0]?.slice(0, 4)).toEqual(['Operation', 'Object type', 'DN', 'UPN']);
  const id = cells[0]?.indexOf('Id') ?? -1;
  expect(cells.slice(1).map((r) => r[id])).toEqual(chosen);
});

test('the rows shown export in the order the grid shows them, sorted by UPN', async ({ page, host, tempDir }) => {
  await dropFiles(page, [sample('aad-connector-utf8.xml')]);
  await expect(page.getByTestId('shown-count')).toHaveText(String(aadPending));
  const upnHeader = page.locator('.ag-header-cell[col-id="userPrincipalName"] .ag-header-cell-label');
  await upnHeader.click();
  await upnHeader.click();
  await expect(page.locator('.ag-header-cell[col-id="userPrincipalName"]')).toHaveAttribute('aria-sort', 'descending');
  // In the order shown (the grid places rows by position; their order in the page is not the one on screen).
  const shownUpns = await page.locator('.ag-grid-scrolling-container .ag-row').evaluateAll((rows) =>
    rows
      .map((row) => ({ at: Number(row.getAttribute('row-index')), upn: row.querySelector('[col-id="userPrincipalName"]')?.textContent ?? '' }))
      .sort((a, b) => a.at - b.at)
      .map((row) => row.upn),
  );

  const target = join(tempDir, 'sorted.csv');
  host.chooseOnSave(target);
  await page.getByRole('button', { name: 'Export CSV…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export CSV' });
  await dialog.getByRole('radio', { name: /Rows shown/ }).check();
  await dialog.getByRole('button', { name: /^Export \d+ rows…/ }).click();
  await expect(page.getByRole('status').filter({ hasText: `to ${target}` })).toBeVisible();
  const cells = parse(readFileSync(target, 'utf8'), { bom: true }) as string[][];
  const upn = cells[0]?.indexOf('UPN') ?? -1;
  const written = cells.slice(1).map((r) => r[upn]);
  expect(written).toEqual([...written].sort().reverse());
  expect(written.slice(0, shownUpns.length)).toEqual(shownUpns.map((t) => t.trim()));
});

test('a corrupt file gives a readable error, and the app still opens the next file', async ({ page, tempDir }) => {
  const corrupt = join(tempDir, 'corrupt.xml');
  writeFileSync(corrupt, readFileSync(sample('aad-connector-utf8.xml').path).subarray(0, 9000));
  await dropFiles(page, [{ name: 'corrupt.xml', path: corrupt }]);
  const error = page.getByRole('alert').filter({ hasText: 'Could not read corrupt.xml' });
  await expect(error).toBeVisible();
  await expect(error).toContainText(/cut off/);
  await expect(page.getByRole('heading', { name: 'Drop export.xml here, or press Ctrl+O' })).toBeVisible();
  await screenshot(page, '07-error');

  await dropFiles(page, [sample('mim-sql-deltas-only.xml')]);
  await expect(page.getByRole('heading', { name: 'mim-sql-deltas-only.xml' })).toBeVisible();
  await expect(page.getByTestId('shown-count')).toHaveText('5');
});

test('dropping a non-XML file or several files says why nothing opened', async ({ page, tempDir }) => {
  const text = join(tempDir, 'notes.txt');
  writeFileSync(text, 'hello');
  await dropFiles(page, [{ name: 'notes.txt', path: text }]);
  await expect(page.getByRole('alert')).toContainText('notes.txt is not an XML file');
  await dropFiles(page, [sample('aad-connector-utf8.xml'), sample('mim-sql-deltas-only.xml')]);
  await expect(page.getByRole('alert')).toContainText('Drop one file at a time (you dropped 2)');
  await expect(page.getByRole('heading', { name: 'Drop export.xml here, or press Ctrl+O' })).toBeVisible();
});

test('the delete banner warns above the threshold, which the admin can change', async ({ page }) => {
  await dropFiles(page, [sample('aad-connector-utf8.xml')]);
  await expect(page.getByText('4 pending deletes (3 delete, 1 delete-add), within the threshold.')).toBeVisible();
  await page.getByRole('spinbutton', { name: 'Delete threshold' }).fill('2');
  const banner = page.getByRole('alert').filter({ hasText: 'exceed the threshold of 2' });
  await expect(banner).toContainText('4 pending deletes');
  await banner.getByRole('button', { name: 'Show deletes' }).click();
  // Every deleting operation: the 3 deletes and the delete-add, both chips shown as chosen.
  await expect(page.getByTestId('shown-count')).toHaveText('4');
  await expect(page.getByRole('button', { name: /^Delete \d/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: /^Delete-add \d/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: /^Update \d/ })).toHaveAttribute('aria-pressed', 'false');
  await screenshot(page, '08-delete-banner');
});

test.describe('with the OS in dark mode', () => {
  test.use({ colorScheme: 'dark' });

  test('the app and the grid are dark', async ({ page }) => {
    await dropFiles(page, [sample('ad-connector-utf16le-indented.xml')]);
    await expect(page.getByTestId('shown-count')).toHaveText('7');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.locator('.ag-grid-scrolling-container [col-id="userPrincipalName"]').getByText('pat.quinn@contoso.com', { exact: true }).click();
    await expect(page.getByRole('complementary', { name: 'Details' }).getByText('514 (ACCOUNTDISABLE, NORMAL_ACCOUNT)')).toBeVisible();
    await screenshot(page, '09-dark');
  });
});
