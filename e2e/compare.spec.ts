/**
 * Comparing in the app as an admin does before switching servers: the staging export open, the
 * active server's compared with it (by the menu, or by dropping it and choosing Compare), the
 * differences filtered and seen side by side, exported, and the comparison closed again.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Page } from '@playwright/test';
import { dropFiles, expect, screenshot, test } from './support/fixtures.js';
import { expectNoAxeViolations } from './support/axe.js';
import { COMPARE_FIXTURE, writeCompareFixture } from '../shared/testing/compare-fixture.node.js';
import { COMPARE_OBJECT_COLUMNS } from '../shared/compare/compare-csv.js';

const C = COMPARE_FIXTURE.counts;
const THIS_FILE = C.onlyInFirst + C.different + C.same;
const strip = (page: Page) => page.getByTestId('comparison');
const chip = (page: Page, label: string) => page.getByRole('group', { name: 'Comparison' }).getByRole('button', { name: new RegExp(`^${label} \\d`) });

test('dropping a second file offers to compare; Different shows both sides; the comparison exports and closes', async ({ page, host, tempDir }) => {
  const files = writeCompareFixture(tempDir);
  await dropFiles(page, [{ name: 'first.xml', path: files.first }]);
  await expect(page.getByTestId('shown-count')).toHaveText(String(THIS_FILE));

  await dropFiles(page, [{ name: 'second.xml', path: files.second }]);
  const choice = page.getByRole('dialog', { name: 'second.xml dropped' });
  await expect(choice.getByText('first.xml is open. Open second.xml instead, or compare first.xml with it?')).toBeVisible();
  await choice.getByRole('button', { name: 'Compare' }).click();
  await expect(strip(page)).toContainText('Compared with second.xml');
  await expect(chip(page, 'Only here')).toHaveText(`Only here ${C.onlyInFirst}`);
  await expect(chip(page, 'Different')).toHaveText(`Different ${C.different}`);
  await expect(chip(page, 'Same')).toHaveText(`Same ${C.same}`);
  await expect(strip(page).getByRole('button', { name: /^Only in other 1/ })).toBeVisible();

  await chip(page, 'Different').click();
  await expect(page.getByTestId('shown-count')).toHaveText(String(C.different));
  await page.locator('.ag-grid-scrolling-container [col-id="userPrincipalName"]').getByText('user7@contoso.com', { exact: true }).click();
  const section = page.getByRole('complementary', { name: 'Details' }).getByRole('region', { name: 'Comparison' });
  await expect(section.getByTestId('detail-comparison')).toHaveText(/different · paired by dn/);
  const row = section.getByRole('row', { name: /department/ });
  await expect(row.getByRole('cell').nth(0)).toHaveText('Marketing');
  await expect(row.getByRole('cell').nth(1)).toHaveText('Finance');
  await expectNoAxeViolations(page, 'comparison, different, details');
  await screenshot(page, '50-comparison');

  await strip(page)
    .getByRole('button', { name: /^Only in other/ })
    .click();
  const only = page.getByRole('dialog', { name: 'Only in second.xml' });
  await expect(only.getByText('user10@contoso.com')).toBeVisible();
  await only.getByRole('button', { name: 'Close' }).click();

  const out = join(tempDir, 'diff.csv');
  host.chooseOnSave(out);
  await strip(page).getByRole('button', { name: 'Export comparison…' }).click();
  await expect(page.getByText(`Wrote ${C.onlyInFirst + C.onlyInSecond + C.different} rows to ${out}`)).toBeVisible();
  const [header, ...rows] = parse(readFileSync(out, 'utf8').replace(/^\ufeff/, '')) as string[][];
  expect(header).toEqual([...COMPARE_OBJECT_COLUMNS]);
  expect(rows.map((r) => r[0]).sort()).toEqual(['different', 'different', 'different', 'only in first', 'only in first', 'only in second']);

  await strip(page).getByRole('button', { name: 'Close comparison' }).click();
  await expect(strip(page)).toHaveCount(0);
  await expect(page.getByTestId('shown-count')).toHaveText(String(THIS_FILE));
  await expect(page.locator('.ag-header-cell[col-id="comparison"]')).toHaveCount(0);
});

test('File › Compare with… reads the other export; one that cannot be read is named, and the open file stays', async ({ page, host, tempDir }) => {
  const files = writeCompareFixture(tempDir);
  await dropFiles(page, [{ name: 'first.xml', path: files.first }]);
  await expect(page.getByTestId('shown-count')).toHaveText(String(THIS_FILE));
  const broken = join(tempDir, 'broken.xml');
  writeFileSync(broken, '<?xml version="1.0"?><cs-objects><cs-object id="x">');
  host.chooseOnCompare(broken);
  await host.sendMenuCommand('compare-with');
  await expect(page.getByRole('alert').filter({ hasText: 'Not compared with broken.xml' })).toContainText('broken.xml cannot be read');
  await expect(page.getByTestId('shown-count')).toHaveText(String(THIS_FILE));

  host.chooseOnCompare(files.second);
  await host.sendMenuCommand('compare-with');
  await expect(chip(page, 'Different')).toHaveText(`Different ${C.different}`);
  await expect(page.locator('.ag-header-cell[col-id="comparison"]')).toBeVisible();
});
