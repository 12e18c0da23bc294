/**
 * Reads a csexport file streaming: fixed-size chunks, split at object boundaries by byte scan, each
 * object decoded and parsed alone (on this thread, or in parse workers for large files). Memory is
 * bounded by the chunk size, the batches in flight and the largest object, whatever the file size.
 * Items are handed over in file order.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { CsObjectRecord, ExportEncoding, ReadProgress, ReadSummary } from '../model/csexport-model.js';
import type { ChangeRow } from '../rows/change-row.js';
import { detectEncoding } from '../xml/detect-encoding.js';
import { parseProlog } from '../xml/parse-prolog.js';
import { charToByteOffset } from '../xml/char-to-byte.js';
import { packRowBatch, parseBatch, type BatchOutput, type PackedRowBatch, type ParseBatch, type ParsedBatch } from './parse-batch.js';
import { unpackRows } from '../rows/packed-rows.js';
import { ParsePool } from './parse-pool.node.js';
import { CsObjectSplitter, type ObjectSlice } from './split-cs-objects.node.js';
import { decodeProlog } from '../xml/decode-prolog.js';
import { ExportReadError } from '../read-errors.js';
import { digestChange, fingerprintChange } from '../review/fingerprint.node.js';
import { emptyImpactTally, mergeImpact, type ImpactTally } from '../impact/impact-tally.js';

export interface ReadOptions {
  onProgress?: (progress: ReadProgress) => void;
  signal?: AbortSignal;
  /** How often progress is reported, in ms of work. */
  progressIntervalMs?: number;
  chunkBytes?: number;
  /** Parse workers; 0 parses on this thread. Default: 2 (or fewer cores) for files of 16 MB and more. */
  workers?: number;
  /** Rows only: the impact of the file is counted into this tally, in the same pass (`impactReport` reports it). */
  impact?: ImpactTally;
  /** Rows only: each pending change gets its `changeDigest` (for comparing two exports). */
  digests?: boolean;
}

const PROLOG_LIMIT = 1024 * 1024;
const PARALLEL_FROM_BYTES = 16 * 1024 * 1024;
const BATCH_BYTES = 1024 * 1024;

function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ExportReadError('cancelled', 'Reading was cancelled');
}

/** Where parsed objects go: one record, one row, or rows packed a batch at a time. */
type Consumer =
  | { output: 'records'; onRecord: (record: CsObjectRecord) => void }
  | { output: 'rows'; onRow: (row: ChangeRow) => void }
  | { output: 'rows'; onPackedRows: (batch: PackedRowBatch) => void };

/** Every object of the file as a full record (`PendingChange` or `ObjectWithoutPendingExport`). */
export function readExportFile(path: string, options: ReadOptions & { onRecord: (record: CsObjectRecord) => void }): Promise<ReadSummary> {
  return readExport(path, { output: 'records', onRecord: options.onRecord }, options);
}

/** Every object of the file as a grid row: what the object-level CSV writes and the CLI counts. */
export function readExportRows(path: string, options: ReadOptions & { onRow: (row: ChangeRow) => void }): Promise<ReadSummary> {
  return readExport(path, { output: 'rows', onRow: options.onRow }, options);
}

/**
 * The rows of the file packed a batch at a time (`unpackRows` gives them back): for a caller that
 * only passes rows on to another thread, as the app's read worker does, so they are never unpacked
 * and packed again on the way.
 */
export function readExportRowBatches(path: string, options: ReadOptions & { onPackedRows: (batch: PackedRowBatch) => void }): Promise<ReadSummary> {
  return readExport(path, { output: 'rows', onPackedRows: options.onPackedRows }, options);
}

async function openFile(path: string): Promise<FileHandle> {
  try {
    return await open(path, 'r');
  } catch (error) {
    throw new ExportReadError('io-error', `Cannot open the file: ${(error as Error).message}`);
  }
}

async function readExport(path: string, consumer: Consumer, options: ReadOptions): Promise<ReadSummary> {
  const started = performance.now();
  const chunkBytes = options.chunkBytes ?? 4 * 1024 * 1024;
  const handle = await openFile(path);
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new ExportReadError('io-error', 'This is not a regular file');
    const totalBytes = stat.size;
    let position = 0;
    const readInto = async (buffer: Buffer, at: number): Promise<number> => {
      const { bytesRead } = await handle.read(buffer, at, buffer.length - at, position);
      position += bytesRead;
      return bytesRead;
    };
    const readChunk = async (): Promise<Buffer> => {
      // A fresh buffer per chunk: object slices keep referring to it after the next read.
      const buffer = Buffer.allocUnsafe(chunkBytes);
      return buffer.subarray(0, await readInto(buffer, 0));
    };

    let head = await readChunk();
    const { encoding, bomLength } = detectEncoding(head);
    for (;;) {
      const complete = position >= totalBytes || head.length >= PROLOG_LIMIT;
      const { text, invalid } = decodeProlog(head.subarray(bomLength, Math.min(head.length, PROLOG_LIMIT)), encoding, bomLength);
      const toByte = charToByteOffset(text, bomLength, encoding);
      // Up to invalid bytes, the prolog is read as far as it goes: an error before them (not XML, a
      // wrong root) is the one to report; invalid bytes after the root tag are the body's to refuse.
      const prolog = parseProlog(text, toByte, complete && !invalid);
      if (!prolog && invalid) {
        if (text.trim() === '')
          throw new ExportReadError('not-xml', `This is not an XML file (it starts with bytes that are not ${encoding.toUpperCase()})`, invalid.byteOffset);
        throw invalid;
      }
      if (prolog) {
        const bodyOffset = toByte(prolog.bodyStart);
        const splitter = new CsObjectSplitter(encoding, bodyOffset, prolog.emptyRoot);
        splitter.push(head.subarray(bodyOffset));
        const body = new BodyReader(consumer, options, encoding, totalBytes, splitter, chunkBytes);
        const counts = await body.read(readInto, () => position);
        return { encoding, totalBytes, ...counts, elapsedMs: performance.now() - started };
      }
      head = Buffer.concat([head, await readChunk()]);
    }
  } finally {
    await handle.close();
  }
}

/** Collects object slices into one transferable batch. */
function toBatch(id: number, output: BatchOutput, encoding: ExportEncoding, slices: ObjectSlice[], impact: boolean, digests: boolean): ParseBatch {
  let size = 0;
  for (const slice of slices) size += slice.bytes.length;
  const bytes = new Uint8Array(size);
  const ranges: Array<[number, number, number]> = [];
  let at = 0;
  for (const slice of slices) {
    bytes.set(slice.bytes, at);
    ranges.push([at, slice.bytes.length, slice.offset]);
    at += slice.bytes.length;
  }
  return { id, output, encoding, bytes, slices: ranges, ...(impact && { impact }), ...(digests && { digests }) };
}

/** A parsed batch as the reader hands it on: parsed on this thread, rows need not be packed. */
type Delivered = ParsedBatch | { rowList: ChangeRow[]; impact?: ImpactTally };

class BodyReader {
  private objects = 0;
  private pendingChanges = 0;
  private lastProgress = performance.now();
  private readonly inFlight: Array<Promise<ParsedBatch>> = [];
  private batchId = 0;
  private readonly pool: ParsePool | undefined;
  private position: () => number = () => 0;

  constructor(
    private readonly consumer: Consumer,
    private readonly options: ReadOptions,
    private readonly encoding: ExportEncoding,
    private readonly totalBytes: number,
    private readonly splitter: CsObjectSplitter,
    private readonly chunkBytes: number,
  ) {
    const workers = options.workers ?? (totalBytes >= PARALLEL_FROM_BYTES ? Math.min(2, availableParallelism()) : 0);
    this.pool = workers > 0 ? new ParsePool(workers) : undefined;
  }

  private report(bytesRead: number): void {
    this.options.onProgress?.({ bytesRead: Math.min(this.totalBytes, bytesRead), totalBytes: this.totalBytes, objects: this.objects });
  }

  private deliver(parsed: Delivered): void {
    const consumer = this.consumer;
    if ('records' in parsed) {
      if (consumer.output !== 'records') throw new Error('records delivered to a rows consumer');
      for (const record of parsed.records) {
        this.objects++;
        if (record.kind === 'pending-change') this.pendingChanges++;
        consumer.onRecord(record);
      }
    } else if ('rowList' in parsed) {
      if (!('onRow' in consumer)) throw new Error('unpacked rows delivered to a consumer of packed rows');
      if (parsed.impact && this.options.impact) mergeImpact(this.options.impact, parsed.impact, this.objects);
      for (const row of parsed.rowList) {
        this.objects++;
        if (row.pending) this.pendingChanges++;
        consumer.onRow(row);
      }
    } else {
      if (consumer.output !== 'rows') throw new Error('rows delivered to a records consumer');
      const batch = parsed.packedRows;
      // Merged as batches arrive, in file order: the same tally whatever the number of workers.
      if (parsed.impact && this.options.impact) mergeImpact(this.options.impact, parsed.impact, this.objects);
      this.objects += batch.rows;
      this.pendingChanges += batch.pendingChanges;
      if ('onPackedRows' in consumer) consumer.onPackedRows(batch);
      else for (const row of unpackRows(batch.packed)) consumer.onRow(row);
    }
    this.reportEvery();
  }

  /** Progress at least every `progressIntervalMs` of work, and a cancellation check each time. */
  private reportEvery(): void {
    checkCancelled(this.options.signal);
    const now = performance.now();
    if (now - this.lastProgress >= (this.options.progressIntervalMs ?? 100)) {
      this.lastProgress = now;
      this.report(this.position() - this.splitter.pendingBytes);
    }
  }

  /** On this thread, rows are packed only for a caller that wants them packed. */
  private parseHere(batch: ParseBatch): Delivered {
    if (batch.output === 'records') return { records: parseBatch(batch as ParseBatch<'records'>, fingerprintChange) };
    const impact = batch.impact ? emptyImpactTally() : undefined;
    const rows = parseBatch(batch as ParseBatch<'rows'>, fingerprintChange, impact, digestChange);
    return 'onPackedRows' in this.consumer ? { packedRows: packRowBatch(rows), ...(impact && { impact }) } : { rowList: rows, ...(impact && { impact }) };
  }

  private async submit(slices: ObjectSlice[]): Promise<void> {
    const impact = this.options.impact !== undefined && this.consumer.output === 'rows';
    const batch = toBatch(this.batchId++, this.consumer.output, this.encoding, slices, impact, this.options.digests === true);
    if (!this.pool) return this.deliver(this.parseHere(batch));
    const parsed = this.pool.parse(batch);
    // Marked handled now: it may fail while an earlier batch is awaited, which Node would otherwise
    // report as an unhandled rejection and end the process. Awaiting it later still throws.
    parsed.catch(() => undefined);
    this.inFlight.push(parsed);
    // Keep every worker busy, but bound memory: at most two batches per worker in flight.
    while (this.inFlight.length > 2 * this.pool.size) this.deliver(await (this.inFlight.shift() as Promise<ParsedBatch>));
  }

  async read(
    readInto: (buffer: Buffer, at: number) => Promise<number>,
    position: () => number,
  ): Promise<{ objects: number; pendingChanges: number; withoutPendingExport: number }> {
    this.position = position;
    try {
      this.report(0);
      let pending: ObjectSlice[] = [];
      let pendingSize = 0;
      for (;;) {
        this.reportEvery();
        const final = position() >= this.totalBytes;
        for (const slice of this.splitter.take(final)) {
          pending.push(slice);
          pendingSize += slice.bytes.length;
          if (pendingSize >= BATCH_BYTES) {
            await this.submit(pending);
            pending = [];
            pendingSize = 0;
          }
        }
        if (final) break;
        const { buffer, at } = this.splitter.bufferWithRoom(this.chunkBytes);
        const bytesRead = await readInto(buffer, at);
        if (bytesRead === 0) {
          // The file shrank while we read it.
          this.splitter.take(true);
          break;
        }
        this.splitter.filled(buffer.subarray(0, at + bytesRead));
      }
      if (pending.length) await this.submit(pending);
      while (this.inFlight.length) this.deliver(await (this.inFlight.shift() as Promise<ParsedBatch>));
    } finally {
      await this.pool?.close();
    }
    this.report(this.totalBytes);
    return { objects: this.objects, pendingChanges: this.pendingChanges, withoutPendingExport: this.objects - this.pendingChanges };
  }
}
