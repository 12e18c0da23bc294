/** The text `export-review compare` prints: counts per class and operation, then each difference. */
import { formatCount } from '../format-count.js';
import { operationsInOrder } from '../model/operations.js';
import { COMPARE_CLASSES, type DetailedComparison } from '../compare/compare-model.js';
import { CLASS_LABELS, compareLabel } from '../compare/compare-csv.js';
import { textTable } from './text-table.js';

const n = formatCount;
/** Enough to read in a terminal; -o and --json have them all. */
const LISTED = 1000;

export function formatComparison(first: string, second: string, comparison: DetailedComparison & { transient?: number }): string {
  let out = `First:  ${first}\nSecond: ${second}\n\n`;
  const operations = operationsInOrder([...new Set(COMPARE_CLASSES.flatMap((c) => Object.keys(comparison.byOperation[c])))]);
  const rows = [['operation', ...COMPARE_CLASSES.map((c) => CLASS_LABELS[c])]];
  for (const op of operations) rows.push([op, ...COMPARE_CLASSES.map((c) => n(comparison.byOperation[c][op] ?? 0))]);
  rows.push(['total', ...COMPARE_CLASSES.map((c) => n(comparison.counts[c]))]);
  out += textTable(rows);
  if (comparison.transient !== undefined)
    out += `\n${n(comparison.transient)} differences left out: not found again in the second pair of exports (transient).\n`;
  const differences = comparison.changes.filter((c) => c.class !== 'same');
  out += `\nDifferences (${n(differences.length)}):\n`;
  if (differences.length === 0) out += '  none\n';
  const lines = differences
    .slice(0, LISTED)
    .map((c) => [
      `  ${CLASS_LABELS[c.class]}`,
      `${c.first?.operation ?? '-'} / ${c.second?.operation ?? '-'}`,
      compareLabel(c),
      c.differences.length ? `differ: ${c.differences.join(', ')}` : '',
      c.pairedBy ? `(paired by ${c.pairedBy})` : '',
    ]);
  if (lines.length) out += lines.map((l) => l.filter(Boolean).join('  ')).join('\n') + '\n';
  if (differences.length > LISTED) out += `  and ${n(differences.length - LISTED)} more: -o diff.csv or --json lists them all\n`;
  return out;
}
