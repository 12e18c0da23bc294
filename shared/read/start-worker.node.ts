/**
 * Starts a worker thread from a module URL. A built `.js` entry starts as is; a `.ts` entry (in tests
 * and `tsx` runs) starts through tsx's loader, registered by hand because `execArgv: ['--import',
 * 'tsx']` does not reach worker threads on Node 20.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

export function startWorker(url: URL, options: WorkerOptions = {}): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, options);
  const entry = JSON.stringify(url.href);
  return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${entry}); });`, { ...options, eval: true });
}
