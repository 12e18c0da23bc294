/**
 * The body of the app's read worker (a worker_threads thread started by the main process, or by the
 * e2e test host): reads one file with the streaming reader and posts rows in batches, progress and
 * the outcome. Stopping it is terminating it.
 */
import type { MessagePort } from 'node:worker_threads';
import type { ReadProgress, ReadSummary } from '../model/csexport-model.js';
import { readExportRowBatches } from './read-export-file.node.js';
import { joinPackedRows } from '../rows/packed-rows.js';
import type { PackedRowBatch } from './parse-batch.js';
import { toReadErrorInfo, type ReadErrorInfo } from '../read-errors.js';
import { emptyImpactTally, impactReport } from '../impact/impact-tally.js';
import type { ImpactReport } from '../impact/impact-model.js';

export interface ReadWorkerRequest {
  path: string;
  /** `compare`: rows with their change digests, for comparing with another export; no impact. Default `review`. */
  purpose?: 'review' | 'compare';
}

export type ReadWorkerMessage =
  | { type: 'rows'; rows: PackedRowBatch }
  | { type: 'progress'; progress: ReadProgress }
  | { type: 'done'; summary: ReadSummary; impact: ImpactReport }
  | { type: 'failed'; error: ReadErrorInfo };

const BATCH_ROWS = 5000;
const BATCH_MS = 100;

export async function runReadWorker(port: MessagePort, request: ReadWorkerRequest): Promise<void> {
  const post = (message: ReadWorkerMessage) => port.postMessage(message);
  // Rows stay packed as the parse workers made them: joined, not unpacked and packed again.
  let packed: string[] = [];
  let rows = 0;
  let pendingChanges = 0;
  let lastFlush = performance.now();
  // Rows go out in batches, at least every 100 ms, so the first rows show while a big file still reads.
  const flush = () => {
    if (rows) post({ type: 'rows', rows: { packed: joinPackedRows(packed), rows, pendingChanges } });
    packed = [];
    rows = 0;
    pendingChanges = 0;
    lastFlush = performance.now();
  };
  // The impact is counted in the parse workers, in the same read as the rows.
  const impact = emptyImpactTally();
  const comparing = request.purpose === 'compare';
  try {
    const summary = await readExportRowBatches(request.path, {
      ...(comparing ? { digests: true } : { impact }),
      onPackedRows: (batch) => {
        if (batch.rows === 0) return;
        packed.push(batch.packed);
        rows += batch.rows;
        pendingChanges += batch.pendingChanges;
        if (rows >= BATCH_ROWS || performance.now() - lastFlush >= BATCH_MS) flush();
      },
      onProgress: (progress) => post({ type: 'progress', progress }),
    });
    flush();
    post({ type: 'done', summary, impact: impactReport(impact) });
  } catch (error) {
    flush();
    post({ type: 'failed', error: toReadErrorInfo(error) });
  }
}
