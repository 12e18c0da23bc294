/**
 * The body of the app's read worker (a worker_threads thread started by the main process, or by the
 * e2e test host): reads one file with the streaming reader and posts rows in batches, progress and
 * the outcome. Stopping it is terminating it.
 */
import type { MessagePort } from 'node:worker_threads';
import type { ChangeRow } from './change-row.js';
import type { ReadProgress, ReadSummary } from './csexport-model.js';
import { readExportRows } from './read-export-file.node.js';
import { toReadErrorInfo, type ReadErrorInfo } from './read-errors.js';

export interface ReadWorkerRequest {
  path: string;
}

export type ReadWorkerMessage =
  | { type: 'rows'; rows: ChangeRow[] }
  | { type: 'progress'; progress: ReadProgress }
  | { type: 'done'; summary: ReadSummary }
  | { type: 'failed'; error: ReadErrorInfo };

const BATCH_ROWS = 5000;
const BATCH_MS = 100;

export async function runReadWorker(port: MessagePort, request: ReadWorkerRequest): Promise<void> {
  const post = (message: ReadWorkerMessage) => port.postMessage(message);
  let batch: ChangeRow[] = [];
  let lastFlush = performance.now();
  // Rows go out in batches, at least every 100 ms, so the first rows show while a big file still reads.
  const flush = () => {
    if (batch.length) post({ type: 'rows', rows: batch });
    batch = [];
    lastFlush = performance.now();
  };
  try {
    const summary = await readExportRows(request.path, {
      onRow: (row) => {
        batch.push(row);
        if (batch.length >= BATCH_ROWS || performance.now() - lastFlush >= BATCH_MS) flush();
      },
      onProgress: (progress) => post({ type: 'progress', progress }),
    });
    flush();
    post({ type: 'done', summary });
  } catch (error) {
    flush();
    post({ type: 'failed', error: toReadErrorInfo(error) });
  }
}
