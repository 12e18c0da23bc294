/** The review filters, shared by the grid and the CLI so both show the same subset. */
import { NO_PENDING_EXPORT, type ChangeRow } from './change-row.js';
import { isDeleting } from '../model/operations.js';

export interface RowFilter {
  /** Operations to keep (lower case); empty or undefined keeps all. */
  operations?: readonly string[];
  /** Object types to keep (compared case-insensitively); empty or undefined keeps all. */
  objectTypes?: readonly string[];
  /** Case-insensitive text searched in UPN, displayName, mail, primary SMTP, sAMAccountName and DN. */
  search?: string;
}

export function searchableText(row: ChangeRow): string {
  return `${row.userPrincipalName}\n${row.displayName}\n${row.mail}\n${row.primarySmtp}\n${row.samAccountName}\n${row.dn}\n${row.newDn}`.toLowerCase();
}

/** Compiles a filter once, for use on many rows. */
export function rowMatcher(filter: RowFilter): (row: ChangeRow) => boolean {
  const operations = filter.operations?.length ? new Set(filter.operations.map((o) => o.toLowerCase())) : undefined;
  const types = filter.objectTypes?.length ? new Set(filter.objectTypes.map((t) => t.toLowerCase())) : undefined;
  const search = filter.search?.trim().toLowerCase() || undefined;
  return (row) =>
    (!operations || operations.has(row.operation.toLowerCase())) &&
    (!types || types.has(row.objectType.toLowerCase())) &&
    (!search || searchableText(row).includes(search));
}

/** The operation chips' choices besides one operation (or `NO_PENDING_EXPORT`). */
export const ALL_PENDING = 'all';
/** Every operation that deletes: what the delete banner's "Show deletes" shows. */
export const ALL_DELETES = 'all deletes';

/**
 * Whether a row is shown for the operation chosen in the grid: pending changes only, unless the
 * choice is the objects without a pending export.
 */
export function matchesOperationChoice(row: ChangeRow, choice: string): boolean {
  if (choice === NO_PENDING_EXPORT) return !row.pending;
  if (!row.pending) return false;
  if (choice === ALL_PENDING) return true;
  if (choice === ALL_DELETES) return isDeleting(row.operation);
  return row.operation === choice;
}

/** Whether the chip for `operation` shows as chosen. */
export function isOperationChosen(operation: string, choice: string): boolean {
  return choice === operation || (choice === ALL_DELETES && isDeleting(operation));
}
