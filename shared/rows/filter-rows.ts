/** The review filters, shared by the grid and the CLI so both show the same subset. */
import { NO_PENDING_EXPORT, type ChangeRow } from './change-row.js';
import { isDeleting } from '../model/operations.js';
import type { ReviewState } from '../review/review-marks.js';
import type { CompareClass } from '../compare/compare-model.js';
import { matchesReviewChoice, type ReviewChoice } from '../review/review-counts.js';

export interface RowFilter {
  /** Operations to keep (lower case); empty or undefined keeps all. */
  operations?: readonly string[];
  /** Object types to keep (compared case-insensitively); empty or undefined keeps all. */
  objectTypes?: readonly string[];
  /** Case-insensitive text searched in UPN, displayName, mail, primary SMTP, sAMAccountName and DN. */
  search?: string;
  /** Attribute names (compared case-insensitively): keep the rows whose delta changes one of them. */
  attributes?: readonly string[];
}

/** Whether a row's delta changes one of `names` (lower case). */
export function changesAttribute(row: ChangeRow, names: ReadonlySet<string>): boolean {
  return row.changedAttributes.some((name) => names.has(name.toLowerCase()));
}

/**
 * The fields search looks in, lower-cased, one a line. A field equal to one before it is left out
 * (mail and primary SMTP often repeat the UPN): no search word holds a line break, so a word is
 * found in the text exactly when it is in one of the fields, and the grid's search index is smaller.
 */
export function searchableText(row: ChangeRow): string {
  const { userPrincipalName: upn, mail, primarySmtp: smtp } = row;
  let text = upn;
  if (mail !== upn) text += '\n' + mail;
  if (smtp !== upn && smtp !== mail) text += '\n' + smtp;
  text += '\n' + row.displayName + '\n' + row.samAccountName + '\n' + row.dn;
  if (row.newDn) text += '\n' + row.newDn;
  return text.toLowerCase();
}

/** Compiles a filter once, for use on many rows. */
export function rowMatcher(filter: RowFilter): (row: ChangeRow) => boolean {
  const operations = filter.operations?.length ? new Set(filter.operations.map((o) => o.toLowerCase())) : undefined;
  const types = filter.objectTypes?.length ? new Set(filter.objectTypes.map((t) => t.toLowerCase())) : undefined;
  const search = filter.search?.trim().toLowerCase() || undefined;
  const attributes = filter.attributes?.length ? new Set(filter.attributes.map((a) => a.toLowerCase())) : undefined;
  return (row) =>
    (!operations || operations.has(row.operation.toLowerCase())) &&
    (!types || types.has(row.objectType.toLowerCase())) &&
    (!search || searchableText(row).includes(search)) &&
    (!attributes || changesAttribute(row, attributes));
}

/** The operation chips' choices besides one operation (or `NO_PENDING_EXPORT`). */
export const ALL_PENDING = 'all';
/** Every operation that deletes: what the delete banner's "Show deletes" shows. */
export const ALL_DELETES = 'all deletes';
/** The type filter's choice that keeps every object type. */
export const ALL_TYPES = 'all';

/**
 * What the operation chips choose: every pending change, every deleting one, the objects without a
 * pending export, or one operation as the file spells it (unknown operations are kept verbatim).
 */
export type OperationChoice = typeof ALL_PENDING | typeof ALL_DELETES | typeof NO_PENDING_EXPORT | (string & {});

/** Exactly these rows: what was clicked in the Impact view (an attribute, a value pattern, a group). */
export interface ChosenRows {
  /** What they are, for people: "user / userPrincipalName: contoso → fabrikam". */
  label: string;
  ids: ReadonlySet<string>;
}

/** The grid's filter besides search and column filters. */
export interface GridFilter {
  operation: OperationChoice;
  /** `ALL_TYPES` or one object type. */
  objectType: string;
  /** The review chips: every row, or the rows in one review state. */
  review: ReviewChoice;
  /** Only these rows, or every row (null). */
  chosen: ChosenRows | null;
  /** The comparison chips: every row, or the rows of one class (only those of the open file: "only in the other" has none). */
  comparison: 'all' | CompareClass;
  /** The search box's words, lower-cased: a row shows when its searchable text has every one. */
  search: readonly string[];
}

export const NO_GRID_FILTER: GridFilter = { operation: ALL_PENDING, objectType: ALL_TYPES, review: 'all', chosen: null, comparison: 'all', search: [] };

/** The search box's text as words to find, lower-cased. */
export function searchWords(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter(Boolean);
}

/** Whether a row's searchable text has every one of `words` (lower-cased, as `searchWords` makes them). */
export function hasEveryWord(text: string, words: readonly string[]): boolean {
  return words.every((word) => text.includes(word));
}

export function matchesSearchWords(row: ChangeRow, words: readonly string[]): boolean {
  return words.length === 0 || hasEveryWord(searchableText(row), words);
}

/** What a row's review state and comparison class are, asked only when a filter depends on them. */
export interface RowStates {
  /** The row's review state ('' without a pending export). */
  stateOf: (row: ChangeRow) => ReviewState | '';
  /** Its class in a comparison with another export ('' without one). */
  comparisonOf: (row: ChangeRow) => CompareClass | '';
}

/**
 * The grid's filter but its operation choice and search words, or null when it keeps every row: the
 * grid tests those two apart (once per distinct operation, and through its search index).
 */
export function restOfGridFilter(filter: GridFilter, states: RowStates): ((row: ChangeRow) => boolean) | null {
  const { objectType, review, chosen, comparison } = filter;
  if (objectType === ALL_TYPES && review === 'all' && chosen === null && comparison === 'all') return null;
  return (row) =>
    (objectType === ALL_TYPES || row.objectType === objectType) &&
    (review === 'all' || matchesReviewChoice(states.stateOf(row), review)) &&
    (chosen === null || chosen.ids.has(row.id)) &&
    (comparison === 'all' || states.comparisonOf(row) === comparison);
}

export function matchesGridFilter(row: ChangeRow, filter: GridFilter, states: RowStates): boolean {
  const rest = restOfGridFilter(filter, states);
  return matchesOperationChoice(row, filter.operation) && (rest === null || rest(row)) && matchesSearchWords(row, filter.search);
}

/**
 * Whether a row is shown for the operation chosen in the grid: pending changes only, unless the
 * choice is the objects without a pending export.
 */
export function matchesOperationChoice(row: Pick<ChangeRow, 'operation' | 'pending'>, choice: OperationChoice): boolean {
  if (choice === NO_PENDING_EXPORT) return !row.pending;
  if (!row.pending) return false;
  if (choice === ALL_PENDING) return true;
  if (choice === ALL_DELETES) return isDeleting(row.operation);
  return row.operation === choice;
}

/** Whether the chip for `operation` shows as chosen. */
export function isOperationChosen(operation: string, choice: OperationChoice): boolean {
  return choice === operation || (choice === ALL_DELETES && isDeleting(operation));
}
