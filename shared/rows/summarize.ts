/** Counts per operation and object type, the deletes and the objects with errors: what `summary` prints. */
import type { ChangeRow } from './change-row.js';

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
    const types = (s.byOperation[row.operation] ??= {});
    types[row.objectType] = (types[row.objectType] ?? 0) + 1;
    s.operationTotals[row.operation] = (s.operationTotals[row.operation] ?? 0) + 1;
    if (DELETING_OPERATIONS.includes(row.operation)) s.deletes.push(row);
  }

  result(): ExportSummary {
    return this.summary;
  }
}

/** Operations that remove the object as it exists now in the target directory. */
export const DELETING_OPERATIONS: readonly string[] = ['delete', 'delete-add'];

/**
 * What the mass-delete gate counts: deletes, and delete-adds too, since a delete-add removes the
 * object (and in Azure AD what hangs on it: licences, mailbox links) before it is created again.
 */
export function deleteCount(operationTotals: Record<string, number>): number {
  return DELETING_OPERATIONS.reduce((sum, op) => sum + (operationTotals[op] ?? 0), 0);
}
