/** What the review knows about export operations: which ones delete, their order, counting them. */
import { KNOWN_OPERATIONS } from './csexport-model.js';

/** Operations that remove the object as it exists now in the target directory. */
export const DELETING_OPERATIONS: readonly string[] = ['delete', 'delete-add'];

export function isDeleting(operation: string): boolean {
  return DELETING_OPERATIONS.includes(operation);
}

/**
 * What the mass-delete gate counts: deletes, and delete-adds too, since a delete-add removes the
 * object (and in Azure AD what hangs on it: licences, mailbox links) before it is created again.
 */
export function deleteCount(operationTotals: Record<string, number>): number {
  return DELETING_OPERATIONS.reduce((sum, op) => sum + (operationTotals[op] ?? 0), 0);
}

/** The operations present (and those in `always`), in csexport's order, then any unknown ones sorted. */
export function operationsInOrder(present: readonly string[], always: readonly string[] = []): string[] {
  const known: string[] = KNOWN_OPERATIONS.filter((op) => always.includes(op) || present.includes(op));
  return [...known, ...present.filter((op) => !known.includes(op)).sort()];
}

/** Adds one to `counts[key]`. */
export function tally(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}
