/**
 * A fixed pool of parse workers (worker_threads). The reader splits objects by byte scan on its own
 * thread and hands batches here, so parsing uses every core; results come back per batch.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker } from './start-worker.node.js';
import type { ParseBatch, ParseBatchResult, ParsedBatch } from './parse-batch.js';
import { ExportReadError, fromReadErrorInfo } from '../read-errors.js';

interface Waiting {
  resolve: (parsed: ParsedBatch) => void;
  reject: (error: Error) => void;
}

/** The parse worker entry beside this module: the built `parse-worker.mjs`, or the TypeScript source. */
function parseWorkerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('./parse-worker.node.ts', here) : new URL('./parse-worker.mjs', here);
}

export class ParsePool {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, Waiting>();
  private next = 0;
  private failure: Error | undefined;

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      // A larger young generation: parsing makes many short-lived objects (figures: ARCHITECTURE.md).
      const worker = startWorker(parseWorkerUrl(), { resourceLimits: { maxYoungGenerationSizeMb: 64 } });
      worker.on('message', (result: ParseBatchResult) => this.settle(result));
      worker.on('error', (error) => this.failAll(new ExportReadError('io-error', `A parse worker failed: ${error.message}`)));
      worker.on('exit', (code) => {
        if (code !== 0) this.failAll(new ExportReadError('io-error', `A parse worker stopped (exit code ${code})`));
      });
      this.workers.push(worker);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  private settle(result: ParseBatchResult): void {
    const waiting = this.waiting.get(result.id);
    if (!waiting) return;
    this.waiting.delete(result.id);
    if ('error' in result) waiting.reject(fromReadErrorInfo(result.error));
    else waiting.resolve(result);
  }

  private failAll(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }

  /** Round-robin; the batch's bytes are transferred, not copied. */
  parse(batch: ParseBatch): Promise<ParsedBatch> {
    if (this.failure) return Promise.reject(this.failure);
    const worker = this.workers[this.next++ % this.workers.length] as Worker;
    return new Promise((resolve, reject) => {
      this.waiting.set(batch.id, { resolve, reject });
      worker.postMessage(batch, [batch.bytes.buffer as ArrayBuffer]);
    });
  }

  async close(): Promise<void> {
    this.failure ??= new ExportReadError('cancelled', 'Reading was cancelled');
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
