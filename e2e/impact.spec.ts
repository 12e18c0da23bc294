/**
 * The Impact view as an admin uses it before go-live: the UPN suffix change found and shown in the
 * grid, a group's lost members listed and exported, thresholds that warn and are remembered.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Page } from '@playwright/test';
import { dropFiles, expect, screenshot, test } from './support/fixtures.js';
import { expectNoAxeViolations } from './support/axe.js';
import { IMPACT_FIXTURE as F, writeImpactFixture } from '../shared/testing/impact-fixture.node.js';

const PENDING = F.upnChanged + F.departmentChanged + F.departmentSet + F.departmentCleared + F.adds + F.deletes + 4;

async function openFixture(page: Page, tempDir: string, encoding: 'utf8' | 'utf16le' = 'utf8'): Promise<void> {
  const path = join(tempDir, 'mass-change.xml');
  writeImpactFixture(path, encoding);
  await dropFiles(page, [{ name: 'mass-change.xml', path }]);
  await expect(page.getByTestId('shown-count')).toHaveText(String(PENDING));
}

const impact = (page: Page) => page.getByRole('complementary', { name: 'Impact' });

test('the UPN pattern shows with its count, and choosing it leaves exactly those rows; chips and search apply on top', async ({ page, tempDir }) => {
  await openFixture(page, tempDir, 'utf16le');
  await page.getByRole('button', { name: 'Impact' }).click();
  const pattern = impact(page).getByRole('button', { name: /"contoso" → "fabrikam"\s*300/ });
  await expect(pattern).toBeVisible();
  await expect(impact(page).getByRole('button', { name: /user \/ department\s*135/ })).toBeVisible();
  await pattern.click();
  await expect(pattern).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('shown-count')).toHaveText(String(F.upnChanged));
  await expect(page.getByTestId('chosen-rows')).toContainText('user / userPrincipalName: "contoso" → "fabrikam" (300 objects)');
  await expectNoAxeViolations(page, 'impact view with a pattern chosen');
  await screenshot(page, '40-impact-light');

  // Search narrows the chosen rows further; the Unreviewed chip keeps them all.
  await page.getByRole('searchbox').fill('user12');
  await expect(page.getByTestId('shown-count')).toHaveText('11');
  await page.getByRole('searchbox').fill('');
  await page
    .getByRole('group', { name: 'Review' })
    .getByRole('button', { name: /^Unreviewed \d/ })
    .click();
  await expect(page.getByTestId('shown-count')).toHaveText(String(F.upnChanged));

  await impact(page)
    .getByRole('button', { name: /set to "Finance"\s*10/ })
    .click();
  await expect(page.getByTestId('shown-count')).toHaveText(String(F.departmentSet));
  await page.getByRole('button', { name: 'Show all rows' }).click();
  await expect(page.getByTestId('shown-count')).toHaveText(String(PENDING));
});

test("a group's lost members are listed by name and export to a member-level CSV", async ({ page, host, tempDir }) => {
  await openFixture(page, tempDir);
  await page.getByRole('button', { name: 'Impact' }).click();
  await impact(page)
    .getByRole('button', { name: /^All Staff/ })
    .click();
  await expect(page.getByTestId('shown-count')).toHaveText('1');
  const details = page.getByRole('complementary', { name: 'Details' });
  const members = details.getByRole('region', { name: 'Member changes' });
  await expect(members.getByRole('heading', { name: `Removed (${F.allStaffRemoved})` })).toBeVisible();
  await expect(members.getByText('user4@fabrikam.com', { exact: true })).toBeVisible();
  await expect(members.getByText(`and ${F.allStaffRemoved - 200} more: export them to CSV.`)).toBeVisible();
  await expect(members.getByText('not in this file')).toHaveCount(F.allStaffRemovedElsewhere);

  const out = join(tempDir, 'all-staff-members.csv');
  host.chooseOnSave(out);
  await members.getByRole('button', { name: 'Export members to CSV…' }).click();
  await expect(page.getByText(`Wrote ${F.allStaffRemoved} rows (1 objects) to ${out}`)).toBeVisible();
  expect(existsSync(out)).toBe(true);
  const [header, ...rows] = parse(readFileSync(out, 'utf8').replace(/^\ufeff/, '')) as string[][];
  expect(header).toEqual(['Group', 'Group DN', 'Change', 'Member DN', 'Member UPN', 'Member display name', 'Group id']);
  expect(rows).toHaveLength(F.allStaffRemoved);
  expect(new Set(rows.map((r) => `${r[0]} ${r[2]}`))).toEqual(new Set(['All Staff removed']));
});

test('a threshold over its count warns beside the delete banner, shows those rows, and is remembered', async ({ page, tempDir }) => {
  await openFixture(page, tempDir);
  await expect(page.getByTestId('impact-banner')).toHaveCount(0);
  await page.getByRole('button', { name: 'Impact' }).click();
  await impact(page).getByRole('spinbutton', { name: 'objects changing userPrincipalName' }).fill('100');
  const banner = page.getByTestId('impact-banner');
  await expect(banner).toContainText(`${F.upnChanged} objects change userPrincipalName (warn above 100)`);
  await impact(page).getByRole('button', { name: 'Close impact' }).click();
  await banner.getByRole('button', { name: /^Show: 300 objects change userPrincipalName/ }).click();
  await expect(impact(page)).toBeVisible();
  await expect(page.getByTestId('shown-count')).toHaveText(String(F.upnChanged));

  await page.reload();
  await openFixture(page, tempDir);
  await expect(page.getByTestId('impact-banner')).toContainText('warn above 100');
});

test.describe('with the OS in dark mode', () => {
  test.use({ colorScheme: 'dark' });

  test('the Impact view is dark', async ({ page, tempDir }) => {
    await openFixture(page, tempDir);
    await page.getByRole('button', { name: 'Impact' }).click();
    await impact(page)
      .getByRole('button', { name: /^All Staff/ })
      .click();
    await expect(page.getByRole('region', { name: 'Member changes' })).toBeVisible();
    await expectNoAxeViolations(page, 'impact view, dark, group details');
    await screenshot(page, '41-impact-dark');
  });
});
