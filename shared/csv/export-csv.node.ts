/**
 * The "export the reviewed subset to CSV" service, used by the CLI and by the app's main process.
 * Object level: one pass over the file. Attribute level: a first pass builds the reference index (so
 * member and manager values resolve to UPN / displayName), a second writes the attribute rows.
 */
import type { ChangeRow } from '../rows/change-row.js';
import type { ReadProgress } from '../model/csexport-model.js';
import { tally } from '../model/operations.js';
import { ATTRIBUTE_COLUMNS, OBJECT_COLUMNS, attributeCsvRows, objectCsvRow, type CsvLevel } from './csv-rows.js';
import { rowMatcher, type RowFilter } from '../rows/filter-rows.js';
import { readExportFile, readExportRows } from '../read/read-export-file.node.js';
import { ReferenceIndex } from '../rows/reference-index.js';
import { writeCsvFile } from './write-csv-file.node.js';

export interface CsvExportRequest {
  level: CsvLevel;
  /** Rows to write: those matching the filter, or exactly these ids. */
  scope: { filter: RowFilter } | { ids: readonly string[] };
  /** With a filter: include objects without a pending export too (not by default: they are not changes). */
  includeWithoutPendingExport?: boolean;
}

export interface CsvExportResult {
  path: string;
  /** Objects written (object level) or objects whose attribute rows were written. */
  objects: number;
  /** CSV data rows written. */
  rows: number;
  /** Pending changes per operation in the whole file, whatever the scope (for the mass-delete gate). */
  operationTotals: Record<string, number>;
}

export interface CsvExportOptions {
  onProgress?: (progress: ReadProgress & { pass: number; passes: number }) => void;
  signal?: AbortSignal;
}

export async function exportCsv(sourcePath: string, csvPath: string, request: CsvExportRequest, options: CsvExportOptions = {}): Promise<CsvExportResult> {
  const scope = request.scope;
  const ids = 'ids' in scope ? new Set(scope.ids) : undefined;
  const matchesFilter = 'filter' in scope ? rowMatcher(scope.filter) : undefined;
  // Ids name rows the user chose one by one; a filter keeps pending changes unless asked otherwise.
  const wanted = (row: ChangeRow) => (ids ? ids.has(row.id) : (row.pending || request.includeWithoutPendingExport === true) && matchesFilter?.(row) === true);
  const passes = request.level === 'object' ? 1 : 2;
  const progress = (pass: number) => (p: ReadProgress) => options.onProgress?.({ ...p, pass, passes });
  const common = (pass: number) => ({ onProgress: progress(pass), ...(options.signal && { signal: options.signal }) });
  let objects = 0;
  const operationTotals: Record<string, number> = {};
  const count = (row: ChangeRow) => {
    if (row.pending) tally(operationTotals, row.operation);
  };

  if (request.level === 'object') {
    const { rows } = await writeCsvFile(csvPath, OBJECT_COLUMNS, async (writer) => {
      await readExportRows(sourcePath, {
        ...common(1),
        onRow: (row) => {
          count(row);
          if (!wanted(row)) return;
          objects++;
          writer.row(objectCsvRow(row));
        },
      });
    });
    return { path: csvPath, objects, rows, operationTotals };
  }

  const references = new ReferenceIndex();
  const chosen = new Set<string>();
  await readExportRows(sourcePath, {
    ...common(1),
    onRow: (row) => {
      count(row);
      references.add(row);
      if (wanted(row)) chosen.add(row.id);
    },
  });
  const { rows } = await writeCsvFile(csvPath, ATTRIBUTE_COLUMNS, async (writer) => {
    await readExportFile(sourcePath, {
      ...common(2),
      onRecord: (record) => {
        if (record.kind !== 'pending-change' || !chosen.has(record.id)) return;
        objects++;
        for (const cells of attributeCsvRows(record, references)) writer.row(cells);
      },
    });
  });
  return { path: csvPath, objects, rows, operationTotals };
}
