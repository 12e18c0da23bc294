/**
 * Two exports compared: each pending change of either falls in one class. Plain data, so the CLI
 * prints it as JSON and the app can take it across IPC. Objects pair by DN (without case, the new DN
 * of a rename as well as the old one), else by anchor; never by cs-object id alone, which each
 * server has its own of.
 */
import type { AttributeDifference } from './attribute-differences.js';
import type { ReadProgress } from '../model/csexport-model.js';
import type { ChangeRow } from '../rows/change-row.js';

export type CompareClass = 'onlyInFirst' | 'onlyInSecond' | 'different' | 'same';
export const COMPARE_CLASSES: readonly CompareClass[] = ['onlyInFirst', 'onlyInSecond', 'different', 'same'];

/** What paired two objects: the DN, the new DN of a rename on either side, the source anchor, the cloud anchor or the objectGUID. */
export type PairKey = 'dn' | 'new-dn' | 'source-anchor' | 'cloud-anchor' | 'object-guid';

/** The row fields a compared change keeps: its keys, its identity, where it is in its file. */
export const COMPARE_ENTRY_FIELDS = [
  'id',
  'operation',
  'objectType',
  'dn',
  'newDn',
  'userPrincipalName',
  'displayName',
  'sourceAnchor',
  'cloudAnchor',
  'objectGuid',
  'offset',
  'length',
] as const satisfies ReadonlyArray<keyof ChangeRow>;

/** One side's pending change, as compared. */
export type CompareEntry = Pick<ChangeRow, (typeof COMPARE_ENTRY_FIELDS)[number]> & {
  /** The attribute changes' digest (change-digest.ts). */
  digest: string;
};

export interface ComparedChange {
  class: CompareClass;
  /** Absent for changes only on one side. */
  pairedBy?: PairKey;
  first?: CompareEntry;
  second?: CompareEntry;
  /** For `different`: what differs, "operation" and "new DN" included, attribute names as the first side writes them. */
  differences: string[];
}

export type CompareCounts = Record<CompareClass, number>;

export interface Comparison {
  counts: CompareCounts;
  /** Per class, per operation (the first side's; the second's for changes only in the second). */
  byOperation: Record<CompareClass, Record<string, number>>;
  /** Every change that is not `same`, in the first file's order then the second's; `same` ones too when asked. */
  changes: ComparedChange[];
}

export const noCompareCounts = (): CompareCounts => ({ onlyInFirst: 0, onlyInSecond: 0, different: 0, same: 0 });

/** A compared change with, where re-read, its attribute differences. */
export interface DetailedChange extends ComparedChange {
  attributes?: AttributeDifference[];
}

export interface DetailedComparison extends Omit<Comparison, 'changes'> {
  changes: DetailedChange[];
}

/** The other export of a comparison in the app. */
export interface OtherExport {
  name: string;
  path: string;
}

/** A comparison as the app's window gets it: the open file's changes that are not the same, packed, and the changes only in the other. */
export interface WindowComparison {
  other: OtherExport;
  counts: CompareCounts;
  /** Per change of the open file that is not `same`: id, class, paired by, what differs (packed-comparison.ts). */
  packedRows: string;
  onlyInOther: CompareEntry[];
}

/** What the window hears of a comparison: reading (which of the two files, how far), the result, a failure, or closed. */
export type ComparisonUpdate =
  | { state: 'reading'; other: OtherExport; file: 1 | 2; progress: ReadProgress }
  | { state: 'done'; comparison: WindowComparison }
  | { state: 'failed'; other: OtherExport; message: string }
  | { state: 'closed' };

/** One change of the open file beside the other export's, attribute by attribute (re-read by byte range). */
export interface ComparisonDetails {
  class: CompareClass;
  pairedBy?: PairKey;
  differences: string[];
  other?: CompareEntry;
  attributes: AttributeDifference[];
}
