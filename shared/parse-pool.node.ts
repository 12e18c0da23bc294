/**
 * A fixed pool of parse workers (worker_threads). The reader splits objects by byte scan on its own
 * thread and hands batches here, so parsing uses every core; results come back per batch.
 */
import { Worker } from 'node:worker_threads';
import type { BatchItems, BatchOutput, ParseBatch, ParseBatchResult } from './parse-batch.js';
import { ExportReadError, fromReadErrorInfo } from './read-errors.js';

type BatchItem = BatchItems[BatchOutput];

interface Waiting {
  resolve: (items: BatchItem[]) => void;
  reject: (error: Error) => void;
}

/**
 * Starts a parse worker from beside this module: the built bundle's `parse-worker.js`, or (in tests
 * and `tsx` runs, where this module is TypeScript) the `.ts` entry through tsx's loader.
 */
function startWorker(): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./parse-worker.js', here));
  const entry = JSON.stringify(new URL('./parse-worker.node.ts', here).href);
  // `execArgv: ['--import', 'tsx']` does not reach worker threads on Node 20, so register by hand.
  return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${entry}); });`, { eval: true });
}

export class ParsePool {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, Waiting>();
  private next = 0;
  private failure: Error | undefined;

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const worker = startWorker();
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
    else waiting.resolve(result.items);
  }

  private failAll(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }

  /** Round-robin; the batch's bytes are transferred, not copied. */
  parse<O extends BatchOutput>(batch: ParseBatch<O>): Promise<Array<BatchItems[O]>> {
    if (this.failure) return Promise.reject(this.failure);
    const worker = this.workers[this.next++ % this.workers.length] as Worker;
    return new Promise((resolve, reject) => {
      this.waiting.set(batch.id, { resolve: resolve as (items: BatchItem[]) => void, reject });
      worker.postMessage(batch, [batch.bytes.buffer as ArrayBuffer]);
    });
  }

  async close(): Promise<void> {
    this.failure ??= new ExportReadError('cancelled', 'Reading was cancelled');
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
