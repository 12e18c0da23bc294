/**
 * The "export the reviewed subset to CSV" service, used by the CLI and by the app's main process.
 * Object level: one pass over the file. Attribute and member levels: a first pass builds the
 * reference index (so member and manager values resolve to UPN / displayName), a second writes the
 * attribute rows, or the members each chosen group gains and loses.
 */
import type { ChangeRow } from '../rows/change-row.js';
import type { ReadProgress } from '../model/csexport-model.js';
import { tally } from '../model/operations.js';
import { ATTRIBUTE_COLUMNS, OBJECT_COLUMNS, attributeCsvRows, objectCsvRow, type CsvLevel } from './csv-rows.js';
import { rowMatcher, type RowFilter } from '../rows/filter-rows.js';
import { readExportFile, readExportRows } from '../read/read-export-file.node.js';
import { ReferenceIndex } from '../rows/reference-index.js';
import { writeCsvFile, type CsvWriter } from './write-csv-file.node.js';
import { reviewCells } from '../review/review-columns.js';
import { stateUnder, type ReviewMarks, type ReviewState } from '../review/review-marks.js';
import { addToTally, type ReviewTally } from '../review/review-tally.js';
import type { ImpactTally } from '../impact/impact-tally.js';
import { MEMBER_COLUMNS, memberCsvRows } from './member-rows.js';

export interface CsvExportRequest {
  level: CsvLevel;
  /** Rows to write: those matching the filter (in file order), or exactly these ids, in their order (the grid's sort). */
  scope: { filter: RowFilter } | { ids: readonly string[] };
  /** With a filter: include objects without a pending export too (not by default: they are not changes). */
  includeWithoutPendingExport?: boolean;
  /** The review marks, for the review columns (none: every pending change is unreviewed). */
  marks?: ReviewMarks;
  /** With a filter: keep only pending changes in these review states. */
  reviewStates?: readonly ReviewState[];
  /** The whole file's impact is counted into this, in the first pass (for the --max-changes gate). */
  impact?: ImpactTally;
}

export interface CsvExportResult {
  path: string;
  /** Objects written (object level) or objects whose attribute rows were written. */
  objects: number;
  /** CSV data rows written. */
  rows: number;
  /** Pending changes per operation in the whole file, whatever the scope (for the mass-delete gate). */
  operationTotals: Record<string, number>;
  /** Pending changes per operation and review state in the whole file, whatever the scope (for the review gate). */
  reviewTally: ReviewTally;
}

export interface CsvExportOptions {
  onProgress?: (progress: ReadProgress & { pass: number; passes: number }) => void;
  signal?: AbortSignal;
}

/** Where rows go before the file: straight to it in file order, or held and written in the order of the chosen ids. */
function rowSink(writer: CsvWriter, order: readonly string[] | undefined): { add: (id: string, rows: string[][]) => void; finish: () => void } {
  if (!order) return { add: (_id, rows) => rows.forEach((row) => writer.row(row)), finish: () => undefined };
  const held = new Map<string, string[][]>();
  return {
    add: (id, rows) => held.set(id, rows),
    finish: () => {
      for (const id of new Set(order)) for (const row of held.get(id) ?? []) writer.row(row);
    },
  };
}

export async function exportCsv(sourcePath: string, csvPath: string, request: CsvExportRequest, options: CsvExportOptions = {}): Promise<CsvExportResult> {
  const scope = request.scope;
  const marks: ReviewMarks = request.marks ?? new Map();
  const ids = 'ids' in scope ? new Set(scope.ids) : undefined;
  const matchesFilter = 'filter' in scope ? rowMatcher(scope.filter) : undefined;
  const states = request.reviewStates?.length ? new Set(request.reviewStates) : undefined;
  const stateOf = (row: ChangeRow) => stateUnder(marks, row);
  const inStates = (row: ChangeRow) => !states || (row.pending && states.has(stateOf(row)));
  // Ids name rows the user chose one by one; a filter keeps pending changes unless asked otherwise.
  const wanted = (row: ChangeRow) =>
    ids ? ids.has(row.id) : (row.pending || request.includeWithoutPendingExport === true) && matchesFilter?.(row) === true && inStates(row);
  const passes = request.level === 'object' ? 1 : 2;
  const progress = (pass: number) => (p: ReadProgress) => options.onProgress?.({ ...p, pass, passes });
  const common = (pass: number) => ({
    onProgress: progress(pass),
    ...(options.signal && { signal: options.signal }),
    ...(pass === 1 && request.impact && { impact: request.impact }),
  });
  // At the attribute level, a filter on attributes also keeps only those attributes' rows.
  const onlyAttributes = 'filter' in scope && scope.filter.attributes?.length ? new Set(scope.filter.attributes.map((a) => a.toLowerCase())) : undefined;
  let objects = 0;
  const operationTotals: Record<string, number> = {};
  const reviewTally: ReviewTally = {};
  const count = (row: ChangeRow) => {
    if (!row.pending) return;
    tally(operationTotals, row.operation);
    addToTally(reviewTally, row.operation, stateOf(row));
  };

  const order = 'ids' in scope ? scope.ids : undefined;
  if (request.level === 'object') {
    const { rows } = await writeCsvFile(csvPath, OBJECT_COLUMNS, async (writer) => {
      const sink = rowSink(writer, order);
      await readExportRows(sourcePath, {
        ...common(1),
        onRow: (row) => {
          count(row);
          if (!wanted(row)) return;
          objects++;
          sink.add(row.id, [[...objectCsvRow(row), ...reviewCells(row.pending, row.fingerprint, marks.get(row.id))]]);
        },
      });
      sink.finish();
    });
    return { path: csvPath, objects, rows, operationTotals, reviewTally };
  }

  const references = new ReferenceIndex();
  // The chosen rows' fingerprints, from the first pass: the second reads records, not rows.
  const chosen = new Map<string, string>();
  await readExportRows(sourcePath, {
    ...common(1),
    onRow: (row) => {
      count(row);
      references.add(row);
      if (wanted(row) && row.pending) chosen.set(row.id, row.fingerprint);
    },
  });
  const members = request.level === 'member';
  const { rows } = await writeCsvFile(csvPath, members ? MEMBER_COLUMNS : ATTRIBUTE_COLUMNS, async (writer) => {
    const sink = rowSink(writer, order);
    await readExportFile(sourcePath, {
      ...common(2),
      onRecord: (record) => {
        const fingerprint = chosen.get(record.id);
        if (record.kind !== 'pending-change' || fingerprint === undefined) return;
        const cells = members
          ? memberCsvRows(record, references)
          : attributeCsvRows(record, references, reviewCells(true, fingerprint, marks.get(record.id)), onlyAttributes);
        if (cells.length) objects++;
        sink.add(record.id, cells);
      },
    });
    sink.finish();
  });
  return { path: csvPath, objects, rows, operationTotals, reviewTally };
}
