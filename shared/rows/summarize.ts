/** Counts per operation and object type, the deletes and the objects with errors: what `summary` prints. */
import type { ChangeRow } from './change-row.js';
import { isDeleting, tally } from '../model/operations.js';

export interface ExportSummary {
  total: number;
  pending: number;
  withoutPendingExport: number;
  /** operation → object type → count, pending changes only. */
  byOperation: Record<string, Record<string, number>>;
  operationTotals: Record<string, number>;
  deletes: ChangeRow[];
  withErrors: ChangeRow[];
}

export class SummaryBuilder {
  private readonly summary: ExportSummary = {
    total: 0,
    pending: 0,
    withoutPendingExport: 0,
    byOperation: {},
    operationTotals: {},
    deletes: [],
    withErrors: [],
  };

  add(row: ChangeRow): void {
    const s = this.summary;
    s.total++;
    if (row.errorCount > 0) s.withErrors.push(row);
    if (!row.pending) {
      s.withoutPendingExport++;
      return;
    }
    s.pending++;
    tally((s.byOperation[row.operation] ??= {}), row.objectType);
    tally(s.operationTotals, row.operation);
    if (isDeleting(row.operation)) s.deletes.push(row);
  }

  result(): ExportSummary {
    return this.summary;
  }
}
