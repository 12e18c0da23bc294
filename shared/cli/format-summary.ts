/** The text `export-review summary` prints: counts per operation × object type, deletes, errors. */
import type { ReadSummary } from '../model/csexport-model.js';
import { rowLabel } from '../rows/change-row.js';
import { operationsInOrder } from '../model/operations.js';
import { formatCount } from '../format-count.js';
import type { ExportSummary } from '../rows/summarize.js';
import { textTable as table } from './text-table.js';

const n = formatCount;

export function formatSummary(file: string, read: ReadSummary, summary: ExportSummary): string {
  let out = `${file}\n${n(read.totalBytes)} bytes, ${read.encoding}, read in ${(read.elapsedMs / 1000).toFixed(1)} s\n\n`;
  if (summary.total === 0) return out + 'No pending exports: the file has no objects.\n';
  out += `${n(summary.pending)} pending changes`;
  out += summary.withoutPendingExport
    ? `, and ${n(summary.withoutPendingExport)} ${summary.withoutPendingExport === 1 ? 'object' : 'objects'} without a pending export (only earlier exports, imports or errors)\n\n`
    : '\n\n';

  const operations = operationsInOrder(Object.keys(summary.byOperation));
  const types = [...new Set(operations.flatMap((op) => Object.keys(summary.byOperation[op] ?? {})))].sort();
  if (operations.length) {
    const rows = [['operation', ...types, 'total']];
    for (const op of operations) rows.push([op, ...types.map((t) => n(summary.byOperation[op]?.[t] ?? 0)), n(summary.operationTotals[op] ?? 0)]);
    out += table(rows) + '\n';
  }

  const plain = summary.operationTotals['delete'] ?? 0;
  const recreated = summary.operationTotals['delete-add'] ?? 0;
  out += `Deletes (${n(plain)})${recreated ? ` and delete-adds, removed then created again (${n(recreated)})` : ''}:\n`;
  if (summary.deletes.length === 0) out += '  none\n';
  const deleteRows = summary.deletes.map((row) => [
    `  ${row.operation}`,
    row.objectType,
    rowLabel(row),
    row.displayName && row.userPrincipalName ? row.displayName : '',
    row.identitySource ? `(from ${row.identitySource})` : '',
  ]);
  if (deleteRows.length) out += deleteRows.map((r) => r.filter(Boolean).join('  ')).join('\n') + '\n';

  out += `\nObjects with errors (${n(summary.withErrors.length)}):\n`;
  if (summary.withErrors.length === 0) out += '  none\n';
  for (const row of summary.withErrors)
    out += `  ${rowLabel(row)}  ${row.operation}  ${row.firstError}${row.errorCount > 1 ? ` (+${row.errorCount - 1} more)` : ''}\n`;
  return out;
}
