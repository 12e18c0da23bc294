/** Worker-thread entry: parses the batches of object slices the reader sends it. */
import { parentPort } from 'node:worker_threads';
import { parseBatchResult, type ParseBatch, type ParseBatchResult } from './parse-batch.js';
import { toReadErrorInfo } from '../read-errors.js';
import { digestChange, fingerprintChange } from '../review/fingerprint.node.js';

const port = parentPort;
if (!port) throw new Error('parse-worker must run in a worker thread');

port.on('message', (batch: ParseBatch) => {
  let result: ParseBatchResult;
  try {
    result = parseBatchResult(batch, fingerprintChange, digestChange);
  } catch (error) {
    result = { id: batch.id, error: toReadErrorInfo(error) };
  }
  port.postMessage(result);
});
