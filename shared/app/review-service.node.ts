/**
 * What the app does with a file, without Electron: read it in a worker thread and stream the events,
 * keep what details and CSV export need (each object's byte range, the reference index), re-read
 * one object on demand, write the CSV. The Electron main process and the e2e test host both drive
 * this same class; only how events reach the renderer differs.
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../read/start-worker.node.js';
import type { ByteRange } from '../model/csexport-model.js';
import type { CsvExportCommand, CsvExportOutcome, MarkCommand, MarkOutcome, ObjectDetails, OpenedFile, ReadEvent } from './ipc-contract.js';
import { ReviewStore } from '../review/review-store.node.js';
import { AppComparison } from './app-comparison.node.js';
import type { ComparisonDetails } from '../compare/compare-model.js';
import { packMarks } from '../review/packed-marks.js';
import type { MarkTarget, ReviewMarks, ReviewStorage } from '../review/review-marks.js';
import type { ReadWorkerMessage, ReadWorkerRequest } from '../read/read-worker.node.js';
import { ReferenceIndex, type ReferenceTarget } from '../rows/reference-index.js';
import { readObjectAt } from '../read/read-object-at.node.js';
import { exportCsv } from '../csv/export-csv.node.js';
import { unpackRows } from '../rows/packed-rows.js';

interface OpenRead {
  file: OpenedFile;
  worker: Worker | undefined;
  /**
   * Row batches as they came, packed, not yet indexed. The index is built when details first need
   * it, not while the file reads: unpacking and indexing every row here competed with the read for
   * the same two cores, for an index most reads only use for the few rows someone opens.
   */
  unindexed: string[];
  objects: Map<string, IndexedObject>;
  references: ReferenceIndex;
  /** The review marks, once loaded (reading starts without waiting for them). */
  review: Promise<ReviewStore>;
  /**
   * Lets the review file's text be parsed: when the read is over, or when marks are first needed.
   * The window parses the same text during the read; parsing it here too then stole the read's cores.
   */
  needMarks: () => void;
  marksNeeded: Promise<void>;
  /** The same store once it is loaded, for saving synchronously as the app quits. */
  store?: ReviewStore;
  /** A comparison with another export, while one is open. */
  comparison?: AppComparison;
}

interface IndexedObject extends ByteRange {
  /** Empty for objects without a pending export: they cannot be marked. */
  fingerprint: string;
}

/** Brings the read's index up to date with the batches received so far. */
function indexed(read: OpenRead): OpenRead {
  for (const packed of read.unindexed) {
    for (const row of unpackRows(packed)) {
      read.objects.set(row.id, { offset: row.offset, length: row.length, fingerprint: row.pending ? row.fingerprint : '' });
      read.references.add(row);
    }
  }
  read.unindexed = [];
  return read;
}

export interface ReviewServiceOptions {
  /** The built read worker (`read-worker.mjs`, beside `parse-worker.mjs`). */
  readWorkerUrl: URL;
  emit: (event: ReadEvent) => void;
  /** Who makes the marks: the OS user name. */
  reviewer: string;
  /** Where marks go when an export's own folder cannot be written (the app's user-data folder). */
  reviewFallbackFolder?: string;
}

/** The file's size when `path` is an existing regular file; otherwise why it cannot be opened, in words for the admin. */
async function regularFileSize(path: unknown): Promise<{ size: number } | { refused: string }> {
  if (typeof path !== 'string' || path.length === 0 || path.length > 32_767 || path.includes('\0')) return { refused: 'That is not a file path.' };
  try {
    const info = await stat(path);
    return info.isFile() ? { size: info.size } : { refused: `${basename(path)} is not a file.` };
  } catch {
    return { refused: `${basename(path)} does not exist or cannot be read.` };
  }
}

export class ReviewService {
  private current: OpenRead | undefined;
  private nextReadId = 1;

  constructor(private readonly options: ReviewServiceOptions) {}

  get openFile(): OpenedFile | undefined {
    return this.current?.file;
  }

  /** Starts reading `path`, cancelling any read in progress. Returns why it was refused, or null. */
  async open(path: string): Promise<string | null> {
    const checked = await regularFileSize(path);
    if ('refused' in checked) return checked.refused;
    this.stopWorker(true);
    const file: OpenedFile = { readId: this.nextReadId++, path, name: basename(path), sizeBytes: checked.size };
    const request: ReadWorkerRequest = { path };
    const worker = startWorker(this.options.readWorkerUrl, { workerData: request });
    this.closeOpenReview();
    let needMarks = (): void => undefined;
    const marksNeeded = new Promise<void>((resolve) => (needMarks = resolve));
    const read: OpenRead = {
      file,
      worker,
      unindexed: [],
      objects: new Map(),
      references: new ReferenceIndex(),
      review: Promise.resolve(ReviewStore.unsaved('')),
      needMarks,
      marksNeeded,
    };
    this.current = read;
    this.options.emit({ type: 'started', file });
    read.review = this.loadReview(read);
    worker.on('message', (message: ReadWorkerMessage) => this.onWorkerMessage(read, message));
    worker.on('error', (error) => this.finishWithError(read, `The reader stopped unexpectedly: ${error.message}`));
    worker.on('exit', (code) => {
      if (read.worker === worker) this.finishWithError(read, `The reader stopped unexpectedly (exit code ${code}).`);
    });
    return null;
  }

  private onWorkerMessage(read: OpenRead, message: ReadWorkerMessage): void {
    if (this.current !== read) return;
    const readId = read.file.readId;
    switch (message.type) {
      case 'rows':
        read.unindexed.push(message.rows.packed);
        this.options.emit({ type: 'rows', readId, packedRows: message.rows.packed });
        break;
      case 'progress':
        this.options.emit({ type: 'progress', readId, progress: message.progress });
        break;
      case 'done':
        read.worker = undefined;
        read.needMarks();
        this.options.emit({ type: 'done', readId, summary: message.summary, impact: message.impact });
        // The read no longer needs the cores: index now, so the first mark or detail does not wait for it.
        setTimeout(() => this.current === read && indexed(read), 0);
        break;
      case 'failed':
        read.worker = undefined;
        read.needMarks();
        this.options.emit({ type: 'failed', readId, error: message.error });
        break;
    }
  }

  private finishWithError(read: OpenRead, message: string): void {
    if (this.current !== read || !read.worker) return;
    read.worker = undefined;
    read.needMarks();
    this.options.emit({ type: 'failed', readId: read.file.readId, error: { code: 'io-error', message, reason: message } });
  }

  private stopWorker(announce: boolean): void {
    const read = this.current;
    const worker = read?.worker;
    if (!read || !worker) return;
    read.worker = undefined;
    read.needMarks();
    void worker.terminate();
    if (announce) this.options.emit({ type: 'cancelled', readId: read.file.readId });
  }

  /**
   * Loads the review file of `read`, and tells the window: its text (the window parses it as the
   * export reads, the main process once the read is over) or, when already parsed, its marks packed.
   * `adopted`: marks made while none could be saved, kept over the file's.
   */
  private async loadReview(read: OpenRead, chosenPath?: string, adopted?: ReviewMarks): Promise<ReviewStore> {
    const { file } = read;
    const folder = this.options.reviewFallbackFolder;
    const opened = await ReviewStore.read({
      exportFile: { path: file.path, name: file.name, sizeBytes: file.sizeBytes },
      ...(chosenPath && { chosenPath }),
      ...(folder && { fallbackFolder: folder }),
      onStorageChanged: (storage, message) => this.announceStorage(file.readId, storage, message),
    }).catch((error: unknown) => {
      // A review file that cannot even be looked at must not stop the read: it is said, and marks stay in memory.
      const unsaved = ReviewStore.unsaved(error instanceof Error ? error.message : String(error));
      return { storage: unsaved.storage, store: () => unsaved, text: undefined };
    });
    const text = adopted ? undefined : opened.text;
    if (text !== undefined && this.current === read) {
      this.options.emit({ type: 'review', readId: file.readId, review: { reviewFileText: text, storage: opened.storage } });
      await read.marksNeeded;
    }
    if (this.current !== read) return ReviewStore.unsaved('The file was closed.');
    const store = opened.store();
    if (adopted) store.adopt(adopted);
    read.store = store;
    // From the text, the window has the same marks, or the same problem, already.
    if (text === undefined) {
      const storage = store.storage;
      const message = storage.kind === 'not-saved' ? storage.problem : undefined;
      this.options.emit({ type: 'review', readId: file.readId, review: { packedMarks: packMarks(store.marks), storage, ...(message && { message }) } });
    }
    return store;
  }

  private announceStorage(readId: number, storage: ReviewStorage, message: string): void {
    if (this.current?.file.readId === readId) this.options.emit({ type: 'review', readId, review: { storage, message } });
  }

  /** Saves the open file's marks now: before quitting, closing or opening another file. */
  flushReview(): void {
    this.current?.store?.flush();
  }

  /** Ends what the open file has beside its read: its comparison, and its review store (saved). */
  private closeOpenReview(): void {
    const read = this.current;
    read?.comparison?.close();
    // A store not made yet has no changes to save (marking makes it).
    read?.store?.close();
  }

  /** Sets or clears marks on pending changes of the open file. */
  async setMarks(command: MarkCommand, now = new Date()): Promise<MarkOutcome> {
    const read = indexed(this.readFor(command.readId));
    read.needMarks();
    const store = await read.review;
    const targets: MarkTarget[] = [];
    let notMarkable = 0;
    for (const id of command.ids) {
      const fingerprint = read.objects.get(id)?.fingerprint;
      if (fingerprint) targets.push({ id, fingerprint });
      else notMarkable++;
    }
    const request = { action: command.action, by: this.options.reviewer, at: now.toISOString(), ...(command.note !== undefined && { note: command.note }) };
    return { packedChanges: packMarks(store.apply(targets, request)), notMarkable };
  }

  /** Uses the review file at `path` (chosen in a dialog by the caller) for the open export, and sends its marks. */
  async useReviewFile(readId: number, path: string): Promise<void> {
    const read = this.readFor(readId);
    read.needMarks();
    const previous = await read.review;
    previous.close();
    read.store = undefined;
    // Marks made while nothing could be saved are not lost by choosing where to save them.
    const adopted = previous.storage.kind === 'not-saved' && previous.marks.size ? previous.marks : undefined;
    read.review = this.loadReview(read, path, adopted);
    await read.review;
  }

  cancel(): void {
    this.stopWorker(true);
  }

  close(): void {
    this.stopWorker(false);
    this.closeOpenReview();
    this.current = undefined;
    this.options.emit({ type: 'closed' });
  }

  /** Compares the open export with the one at `path` (chosen in a dialog or dropped); returns why it was refused, or null. */
  async compareWith(readId: number, path: string): Promise<string | null> {
    const read = this.readFor(readId);
    if (read.worker) return 'Let the file finish reading before comparing it with another.';
    const checked = await regularFileSize(path);
    if ('refused' in checked) return checked.refused;
    if (this.current !== read) return 'That file is no longer open.';
    read.comparison?.close();
    const comparison = new AppComparison(read.file.path, path, this.options.readWorkerUrl, (update) => {
      if (this.current === read && read.comparison === comparison) this.options.emit({ type: 'comparison', readId, update });
    });
    read.comparison = comparison;
    void comparison.run();
    return null;
  }

  /** Back to the plain review: the comparison (or its reading) ends. */
  closeComparison(readId: number): void {
    const read = this.readFor(readId);
    read.comparison?.close();
    read.comparison = undefined;
    this.options.emit({ type: 'comparison', readId, update: { state: 'closed' } });
  }

  async comparisonDetails(readId: number, id: string): Promise<ComparisonDetails> {
    const comparison = this.readFor(readId).comparison;
    if (!comparison) throw new Error('No comparison is open.');
    return comparison.details(id);
  }

  /** Writes the comparison's CSV to `targetPath` (chosen in a save dialog by the caller). */
  async exportComparisonCsv(readId: number, level: 'object' | 'attribute', targetPath: string): Promise<CsvExportOutcome> {
    try {
      const comparison = this.readFor(readId).comparison;
      if (!comparison) throw new Error('No comparison is open.');
      const written = await comparison.exportCsv(targetPath, level);
      return { status: 'written', path: targetPath, ...written };
    } catch (error) {
      return { status: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
  }

  private readFor(readId: number): OpenRead {
    const read = this.current;
    if (!read || read.file.readId !== readId) throw new Error('That file is no longer open.');
    return read;
  }

  async details(readId: number, id: string): Promise<ObjectDetails> {
    const read = indexed(this.readFor(readId));
    const object = read.objects.get(id);
    if (!object) throw new Error('No such object in this file.');
    const record = await readObjectAt(read.file.path, { offset: object.offset, length: object.length });
    const references: Record<string, ReferenceTarget | null> = {};
    if (record.kind === 'pending-change') {
      const dns = [
        ...record.changes
          .filter((c) => c.reference)
          .flatMap((c) => [...c.values.map((v) => v.value.raw), ...c.oldValues.map((v) => v.raw), ...(c.newValues ?? []).map((v) => v.raw)]),
        ...(record.objectNow ?? []).filter((a) => a.reference).flatMap((a) => a.values.map((v) => v.raw)),
      ];
      for (const dn of dns) references[dn] = read.references.resolve(dn).target ?? null;
    }
    return { record, references };
  }

  /** Writes the CSV for `command` to `targetPath` (chosen in a save dialog by the caller). */
  async exportCsv(command: CsvExportCommand, targetPath: string): Promise<CsvExportOutcome> {
    try {
      const read = this.readFor(command.readId);
      read.needMarks();
      const store = await read.review;
      const result = await exportCsv(read.file.path, targetPath, { level: command.level, scope: { ids: command.ids }, marks: store.marks });
      return { status: 'written', path: result.path, rows: result.rows, objects: result.objects };
    } catch (error) {
      return { status: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
  }

  dispose(): void {
    this.stopWorker(false);
    this.closeOpenReview();
    this.current = undefined;
  }
}
