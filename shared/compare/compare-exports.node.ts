/**
 * Compares two export files: each is read once as rows with their change digests, keeping only the
 * keys, digest and place of each pending change; the pairs whose digests differ are then re-read by
 * byte range to say which attributes differ. Memory holds two arrays of small entries, whatever the
 * files' size.
 */
import type { PendingChange, ReadProgress } from '../model/csexport-model.js';
import { readExportRows } from '../read/read-export-file.node.js';
import { readObjectAt } from '../read/read-object-at.node.js';
import { ExportReadError } from '../read-errors.js';
import type { CompareEntry, ComparedChange, DetailedChange, DetailedComparison } from './compare-model.js';
import { pairChanges } from './pair-changes.js';
import { compareEntryOf } from './compare-entry.js';
import { attributeDifferences } from './attribute-differences.js';

/** Which of the two files could not be read, with the reader's error. */
export class CompareReadError extends Error {
  constructor(
    readonly path: string,
    override readonly cause: ExportReadError,
  ) {
    super(cause.message);
  }
}

export interface CompareOptions {
  /** Keep the `same` changes in the list too. */
  keepSame?: boolean;
  /** Re-read each change only on one side too, to list its attribute values (the attribute-level CSV). */
  withValues?: boolean;
  onProgress?: (path: string, progress: ReadProgress) => void;
}

export async function readCompareEntries(path: string, onProgress?: (progress: ReadProgress) => void): Promise<CompareEntry[]> {
  const entries: CompareEntry[] = [];
  try {
    await readExportRows(path, {
      digests: true,
      ...(onProgress && { onProgress }),
      onRow: (row) => {
        if (!row.pending) return;
        entries.push(compareEntryOf(row));
      },
    });
  } catch (error) {
    throw error instanceof ExportReadError ? new CompareReadError(path, error) : error;
  }
  return entries;
}

async function reread(path: string, entry: CompareEntry): Promise<PendingChange> {
  try {
    const record = await readObjectAt(path, entry);
    if (record.kind !== 'pending-change') throw new ExportReadError('unexpected-content', 'The file changed since it was read', entry.offset);
    return record;
  } catch (error) {
    throw error instanceof ExportReadError ? new CompareReadError(path, error) : error;
  }
}

const NOTHING: PendingChange = {
  kind: 'pending-change',
  id: '',
  csDn: '',
  objectType: '',
  identity: { sources: {} },
  errors: [],
  bytes: { offset: 0, length: 0 },
  operation: '',
  dn: '',
  changes: [],
  hasValuesNow: false,
};

/** `change` with its attribute differences, its objects re-read by byte range (one-sided ones only `withValues`). */
export async function detailChange(change: ComparedChange, firstPath: string, secondPath: string, withValues: boolean): Promise<DetailedChange> {
  const needed = change.class === 'different' ? change.differences.includes('attributes') : withValues && change.class !== 'same';
  if (!needed) return change;
  const first = change.first ? await reread(firstPath, change.first) : NOTHING;
  const second = change.second ? await reread(secondPath, change.second) : NOTHING;
  const attributes = attributeDifferences(first, second);
  if (change.class !== 'different') return { ...change, attributes };
  const differences = [...change.differences.filter((d) => d !== 'attributes'), ...attributes.map((a) => a.attribute)];
  return { ...change, differences, attributes };
}

export async function compareExports(firstPath: string, secondPath: string, options: CompareOptions = {}): Promise<DetailedComparison> {
  const progress = (path: string) => (p: ReadProgress) => options.onProgress?.(path, p);
  const first = await readCompareEntries(firstPath, progress(firstPath));
  const second = await readCompareEntries(secondPath, progress(secondPath));
  const comparison = pairChanges(first, second, options.keepSame === true);
  const changes: DetailedChange[] = [];
  for (const change of comparison.changes) changes.push(await detailChange(change, firstPath, secondPath, options.withValues === true));
  return { ...comparison, changes };
}
