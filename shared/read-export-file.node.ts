/**
 * Reads a csexport file streaming: fixed-size chunks, split at object boundaries by byte scan, each
 * object decoded and parsed alone (on this thread, or in parse workers for large files). Memory is
 * bounded by the chunk size, the batches in flight and the largest object, whatever the file size.
 * Items are handed over in file order.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { CsObjectRecord, ExportEncoding, ReadProgress, ReadSummary } from './csexport-model.js';
import type { ChangeRow } from './change-row.js';
import { detectEncoding } from './detect-encoding.js';
import { parseProlog } from './parse-prolog.js';
import { parseBatch, type BatchItems, type BatchOutput, type ParseBatch } from './parse-batch.js';
import { ParsePool } from './parse-pool.node.js';
import { CsObjectSplitter, decodeLeniently, type ObjectSlice } from './split-cs-objects.node.js';
import { ExportReadError } from './read-errors.js';

export interface ReadOptions {
  onProgress?: (progress: ReadProgress) => void;
  signal?: AbortSignal;
  /** How often progress is reported, in ms of work. */
  progressIntervalMs?: number;
  chunkBytes?: number;
  /** Parse workers; 0 parses on this thread. Default: 2 (or fewer cores) for files of 16 MB and more. */
  workers?: number;
}

const PROLOG_LIMIT = 1024 * 1024;
const PARALLEL_FROM_BYTES = 16 * 1024 * 1024;
const BATCH_BYTES = 1024 * 1024;

function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ExportReadError('cancelled', 'Reading was cancelled');
}

/** Every object of the file as a full record (`PendingChange` or `ObjectWithoutPendingExport`). */
export function readExportFile(path: string, options: ReadOptions & { onRecord: (record: CsObjectRecord) => void }): Promise<ReadSummary> {
  return readExport(path, 'records', options.onRecord, options);
}

/** Every object of the file as a grid row: what the app streams and the object-level CSV writes. */
export function readExportRows(path: string, options: ReadOptions & { onRow: (row: ChangeRow) => void }): Promise<ReadSummary> {
  return readExport(path, 'rows', options.onRow, options);
}

async function openFile(path: string): Promise<FileHandle> {
  try {
    return await open(path, 'r');
  } catch (error) {
    throw new ExportReadError('io-error', `Cannot open the file: ${(error as Error).message}`);
  }
}

async function readExport<O extends BatchOutput>(path: string, output: O, onItem: (item: BatchItems[O]) => void, options: ReadOptions): Promise<ReadSummary> {
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
    const toByte = (text: string, i: number) => bomLength + (encoding === 'utf-8' ? Buffer.byteLength(text.slice(0, i)) : 2 * i);
    for (;;) {
      const complete = position >= totalBytes || head.length >= PROLOG_LIMIT;
      const text = decodeLeniently(head.subarray(bomLength, Math.min(head.length, PROLOG_LIMIT)), encoding);
      const prolog = parseProlog(text, (i) => toByte(text, i), complete);
      if (prolog) {
        const bodyOffset = toByte(text, prolog.bodyStart);
        const splitter = new CsObjectSplitter(encoding, bodyOffset, prolog.emptyRoot);
        splitter.push(head.subarray(bodyOffset));
        const body = new BodyReader(output, onItem, options, encoding, totalBytes, splitter, chunkBytes);
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
function toBatch<O extends BatchOutput>(id: number, output: O, encoding: ExportEncoding, slices: ObjectSlice[]): ParseBatch<O> {
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
  return { id, output, encoding, bytes, slices: ranges };
}

function isPending(item: CsObjectRecord | ChangeRow): boolean {
  return 'kind' in item ? item.kind === 'pending-change' : item.pending;
}

class BodyReader<O extends BatchOutput> {
  private objects = 0;
  private pendingChanges = 0;
  private lastProgress = performance.now();
  private readonly inFlight: Array<Promise<Array<BatchItems[O]>>> = [];
  private batchId = 0;
  private readonly pool: ParsePool | undefined;
  private position: () => number = () => 0;

  constructor(
    private readonly output: O,
    private readonly onItem: (item: BatchItems[O]) => void,
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

  private deliver(items: Array<BatchItems[O]>): void {
    for (const item of items) {
      this.objects++;
      if (isPending(item)) this.pendingChanges++;
      this.onItem(item);
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

  private async submit(slices: ObjectSlice[]): Promise<void> {
    const batch = toBatch(this.batchId++, this.output, this.encoding, slices);
    if (!this.pool) return this.deliver(parseBatch(batch));
    this.inFlight.push(this.pool.parse(batch));
    // Keep every worker busy, but bound memory: at most two batches per worker in flight.
    while (this.inFlight.length > 2 * this.pool.size) this.deliver(await (this.inFlight.shift() as Promise<Array<BatchItems[O]>>));
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
      while (this.inFlight.length) this.deliver(await (this.inFlight.shift() as Promise<Array<BatchItems[O]>>));
    } finally {
      // Batches never awaited (after an error) must not surface as unhandled rejections.
      for (const promise of this.inFlight) promise.catch(() => undefined);
      await this.pool?.close();
    }
    this.report(this.totalBytes);
    return { objects: this.objects, pendingChanges: this.pendingChanges, withoutPendingExport: this.objects - this.pendingChanges };
  }
}
