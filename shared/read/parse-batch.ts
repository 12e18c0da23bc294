/** A batch of object slices as it travels to a parse worker, and what comes back. Pure data. */
import type { CsObjectRecord, ExportEncoding } from '../model/csexport-model.js';
import type { ReadErrorInfo } from '../read-errors.js';
import { ExportReadError } from '../read-errors.js';
import { parseCsObject, type RecordDetail } from '../model/parse-cs-object.js';
import { addToImpact, emptyImpactTally, type ImpactTally } from '../impact/impact-tally.js';
import { toChangeRow, type ChangeRow, type FingerprintOf } from '../rows/change-row.js';
import { packRows } from '../rows/packed-rows.js';

/** What a batch gives back: full records, or the rows the grid needs (far cheaper to send across threads). */
export type BatchOutput = 'records' | 'rows';
export interface BatchItems {
  records: CsObjectRecord;
  rows: ChangeRow;
}

export interface ParseBatch<O extends BatchOutput = BatchOutput> {
  id: number;
  output: O;
  encoding: ExportEncoding;
  /** The objects' bytes, back to back. */
  bytes: Uint8Array;
  /** Per object: [start in `bytes`, length, file offset]. */
  slices: Array<[number, number, number]>;
  /** Rows only: count the batch's impact too (shared/impact), reading the values now it needs. */
  impact?: boolean;
  /** Rows only: give each pending change its `changeDigest`, for comparing two exports. */
  digests?: boolean;
}

/** Rows packed into one string for crossing threads (see packed-rows.ts), with the counts a reader keeps. */
export interface PackedRowBatch {
  packed: string;
  rows: number;
  pendingChanges: number;
}

export function packRowBatch(rows: readonly ChangeRow[]): PackedRowBatch {
  let pendingChanges = 0;
  for (const row of rows) if (row.pending) pendingChanges++;
  return { packed: packRows(rows), rows: rows.length, pendingChanges };
}

/** A parsed batch: records as objects, or rows packed (records, nested and rarer, clone well enough). */
export type ParsedBatch = { records: CsObjectRecord[] } | { packedRows: PackedRowBatch; impact?: ImpactTally };

export type ParseBatchResult = (ParsedBatch & { id: number }) | { id: number; error: ReadErrorInfo };

/** What a parse worker posts back for a batch (errors are the worker's to catch). */
export function parseBatchResult(batch: ParseBatch, fingerprintOf: FingerprintOf, digestOf?: FingerprintOf): ParseBatchResult {
  if (batch.output === 'records') return { id: batch.id, records: parseBatch(batch as ParseBatch<'records'>, fingerprintOf) };
  const impact = batch.impact ? emptyImpactTally() : undefined;
  const packedRows = packRowBatch(parseBatch(batch as ParseBatch<'rows'>, fingerprintOf, impact, digestOf));
  return impact ? { id: batch.id, packedRows, impact } : { id: batch.id, packedRows };
}

const decoders = new Map<ExportEncoding, TextDecoder>();

/**
 * Decodes and parses every object of a batch; the first bad object fails the whole batch. Rows carry
 * each pending change's fingerprint, made by `fingerprintOf`; with `impact`, objects are counted into it.
 */
export function parseBatch<O extends BatchOutput>(
  batch: ParseBatch<O>,
  fingerprintOf: FingerprintOf,
  impact?: ImpactTally,
  digestOf?: FingerprintOf,
): Array<BatchItems[O]> {
  let decoder = decoders.get(batch.encoding);
  if (!decoder) decoders.set(batch.encoding, (decoder = new TextDecoder(batch.encoding, { fatal: true })));
  const items: Array<CsObjectRecord | ChangeRow> = [];
  const rows = batch.output === 'rows';
  const detail: RecordDetail = !rows ? 'full' : impact ? 'row-and-values-now' : 'row';
  const digest = batch.digests ? digestOf : undefined;
  for (const [start, length, fileOffset] of batch.slices) {
    let text: string;
    try {
      text = decoder.decode(batch.bytes.subarray(start, start + length));
    } catch {
      throw new ExportReadError('invalid-encoding', `The file has bytes that are not valid ${batch.encoding.toUpperCase()}`, fileOffset);
    }
    const record = parseCsObject(text, fileOffset, length, batch.encoding, detail);
    if (impact) addToImpact(impact, record, items.length);
    items.push(rows ? toChangeRow(record, fingerprintOf, digest) : record);
  }
  return items as Array<BatchItems[O]>;
}
