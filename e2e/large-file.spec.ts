/** A large export: progress while reading, the first rows before the read finishes, every row after. */
import { formatCount } from '../shared/format-count.js';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { writeGeneratedExport } from '../scripts/generate-export.js';
import { dropFiles, expect, screenshot, test } from './support/fixtures.js';
import { expectNoAxeViolations } from './support/axe.js';

const OBJECTS = 200_000;
// Seeded, so the same bytes every time: kept between runs in the temp folder.
const path = join(tmpdir(), `export-review-e2e-${OBJECTS}.xml`);

test.beforeAll(async () => {
  test.setTimeout(180_000);
  if (!existsSync(path) || statSync(path).size < 100_000_000) await writeGeneratedExport(path, { objects: OBJECTS, seed: 200 });
});

test('a 200,000-object file streams into the grid while it reads', async ({ page }) => {
  test.setTimeout(300_000);
  await dropFiles(page, [{ name: 'generated-200k.xml', path }]);
  const progress = page.getByRole('progressbar', { name: 'Reading' });
  await expect(progress).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible();

  // Rows are in the grid while the progress bar still shows: the read is not finished.
  await expect
    .poll(
      () =>
        page.evaluate(
          () =>
            document.querySelector('progress') !== null && Number(document.querySelector('[data-testid="shown-count"]')?.textContent?.replace(/,/g, '')) > 0,
        ),
      {
        timeout: 120_000,
      },
    )
    .toBe(true);
  await expect(page.locator('.ag-grid-scrolling-container .ag-row').first()).toBeVisible();
  // No select-all while the rows still arrive; it comes back once the read is done.
  const selectAll = page.getByRole('checkbox', { name: 'Select every row shown' });
  await expect(selectAll).toBeHidden();
  await screenshot(page, '10-large-file-reading');
  await expectNoAxeViolations(page, 'reading');

  await expect(progress).toBeHidden({ timeout: 240_000 });
  await expect(page.getByTestId('shown-count')).toHaveText(formatCount(OBJECTS));
  await expect(page.getByText(`${formatCount(OBJECTS)} objects`, { exact: true })).toBeVisible();
  await expect(page.getByText(/read in \d/)).toBeVisible();
  await expect(selectAll).toBeVisible();
  await screenshot(page, '11-large-file-read');

  // Far down the grid, a chip leaves fewer rows than the place scrolled to: the grid shows the first of them, not blanks.
  const rows = page.locator('.ag-grid-scrolling-container .ag-row');
  await page.locator('.ag-body-vertical-scroll-viewport').evaluate((viewport) => (viewport.scrollTop = viewport.scrollHeight));
  const last = Number((await page.getByTestId('shown-count').textContent())?.replace(/\D/g, '')) - 1;
  await expect(page.locator(`.ag-grid-scrolling-container .ag-row[row-index="${last}"]`)).toBeVisible();
  const deleteChip = page.getByRole('button', { name: /^Delete \d/ });
  const deletes = (await deleteChip.textContent())?.replace(/\D/g, '') ?? '';
  await deleteChip.click();
  await expect(page.getByTestId('shown-count')).toHaveText(formatCount(Number(deletes)));
  await expect(rows.first().locator('[col-id="operation"]')).toHaveText('Delete');
  await page.locator('.ag-body-vertical-scroll-viewport').evaluate((viewport) => (viewport.scrollTop = 0));
  await expect(page.locator('.ag-grid-scrolling-container .ag-row[row-index="0"] [col-id="operation"]')).toHaveText('Delete');
});
