/** Worker-thread entry for reading one export file; the work is in shared/read/read-worker.node.ts. */
import { parentPort, workerData } from 'node:worker_threads';
import { runReadWorker, type ReadWorkerRequest } from '../shared/read/read-worker.node.js';

if (parentPort) void runReadWorker(parentPort, workerData as ReadWorkerRequest);
