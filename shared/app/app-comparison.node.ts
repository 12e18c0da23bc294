/**
 * A comparison of the open export with another, in the app: both files read again in read workers
 * (rows with change digests; the open file's rows were read without them), paired, and kept as small
 * entries. Details and the CSV re-read the objects by byte range, as the CLI does.
 */
import { basename } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../read/start-worker.node.js';
import type { ReadWorkerMessage, ReadWorkerRequest } from '../read/read-worker.node.js';
import { unpackRows } from '../rows/packed-rows.js';
import type { ReadProgress } from '../model/csexport-model.js';
import type {
  CompareEntry,
  ComparedChange,
  ComparisonDetails,
  ComparisonUpdate,
  DetailedChange,
  OtherExport,
  WindowComparison,
  Comparison,
} from '../compare/compare-model.js';
import { compareEntryOf } from '../compare/compare-entry.js';
import { pairChanges } from '../compare/pair-changes.js';
import { packComparedRows } from '../compare/packed-comparison.js';
import { detailChange } from '../compare/compare-exports.node.js';
import { COMPARE_ATTRIBUTE_COLUMNS, COMPARE_OBJECT_COLUMNS, compareAttributeRows, compareObjectRow } from '../compare/compare-csv.js';
import { writeCsvFile } from '../csv/write-csv-file.node.js';

/** Reads one file's compare entries in a read worker; `stop` ends it (the promise then rejects). */
function readEntries(workerUrl: URL, path: string, onProgress: (progress: ReadProgress) => void): { entries: Promise<CompareEntry[]>; stop: () => void } {
  const request: ReadWorkerRequest = { path, purpose: 'compare' };
  const worker: Worker = startWorker(workerUrl, { workerData: request });
  const entries: CompareEntry[] = [];
  let stopped = false;
  const done = new Promise<CompareEntry[]>((resolve, reject) => {
    worker.on('message', (message: ReadWorkerMessage) => {
      if (message.type === 'rows')
        for (const row of unpackRows(message.rows.packed)) {
          if (!row.pending) continue;
          entries.push(compareEntryOf(row));
        }
      else if (message.type === 'progress') onProgress(message.progress);
      else if (message.type === 'done') resolve(entries);
      else reject(new Error(`${basename(path)} cannot be read: ${message.error.message}`));
    });
    worker.on('error', (error) => reject(new Error(`${basename(path)} cannot be read: ${error.message}`)));
    worker.on('exit', () => reject(new Error(stopped ? 'The comparison was cancelled.' : `${basename(path)}: the reader stopped unexpectedly.`)));
  });
  return {
    entries: done,
    stop: () => {
      stopped = true;
      void worker.terminate();
    },
  };
}

export class AppComparison {
  private stops: Array<() => void> = [];
  private result: Comparison | undefined;
  /** The compared changes by the open file's cs-object id: details are asked for one row at a time. */
  private byId = new Map<string, ComparedChange>();
  private closed = false;
  readonly other: OtherExport;

  constructor(
    private readonly thisPath: string,
    otherPath: string,
    private readonly workerUrl: URL,
    private readonly emit: (update: ComparisonUpdate) => void,
  ) {
    this.other = { name: basename(otherPath), path: otherPath };
  }

  /** Reads both files (the open one first), then pairs them; says each step through `emit`. */
  async run(): Promise<void> {
    try {
      const first = await this.read(this.thisPath, 1);
      const second = await this.read(this.other.path, 2);
      const result = pairChanges(first, second);
      if (this.closed) return;
      this.result = result;
      for (const change of result.changes) if (change.first) this.byId.set(change.first.id, change);
      const comparison: WindowComparison = {
        other: this.other,
        counts: result.counts,
        packedRows: packComparedRows(result.changes),
        onlyInOther: result.changes.filter((c) => c.class === 'onlyInSecond').flatMap((c) => (c.second ? [c.second] : [])),
      };
      this.emit({ state: 'done', comparison });
    } catch (error) {
      if (!this.closed) this.emit({ state: 'failed', other: this.other, message: error instanceof Error ? error.message : String(error) });
    }
  }

  private async read(path: string, file: 1 | 2): Promise<CompareEntry[]> {
    const reading = readEntries(this.workerUrl, path, (progress) => !this.closed && this.emit({ state: 'reading', other: this.other, file, progress }));
    this.stops.push(reading.stop);
    const entries = await reading.entries;
    this.stops = this.stops.filter((stop) => stop !== reading.stop);
    return entries;
  }

  close(): void {
    this.closed = true;
    for (const stop of this.stops) stop();
  }

  /** The open file's change `id` beside the other's, attribute by attribute; a `same` one has no differences to show. */
  async details(id: string): Promise<ComparisonDetails> {
    if (!this.result) throw new Error('The comparison is not ready yet.');
    const change = this.byId.get(id) ?? { class: 'same' as const, differences: [] };
    const detailed: DetailedChange = change.class === 'same' ? change : await detailChange(change, this.thisPath, this.other.path, true);
    return {
      class: detailed.class,
      ...(detailed.pairedBy && { pairedBy: detailed.pairedBy }),
      differences: detailed.differences,
      ...(detailed.second && { other: detailed.second }),
      attributes: detailed.attributes ?? [],
    };
  }

  /** Writes the comparison's CSV as the CLI writes it (the differences, re-read by byte range). */
  async exportCsv(target: string, level: 'object' | 'attribute'): Promise<{ rows: number; objects: number }> {
    const result = this.result;
    if (!result) throw new Error('The comparison is not ready yet.');
    const attributeLevel = level === 'attribute';
    const { rows } = await writeCsvFile(target, attributeLevel ? COMPARE_ATTRIBUTE_COLUMNS : COMPARE_OBJECT_COLUMNS, async (writer) => {
      for (const change of result.changes) {
        const detailed = await detailChange(change, this.thisPath, this.other.path, attributeLevel);
        for (const row of attributeLevel ? compareAttributeRows(detailed) : [compareObjectRow(detailed)]) writer.row(row);
      }
    });
    return { rows, objects: result.changes.length };
  }
}
