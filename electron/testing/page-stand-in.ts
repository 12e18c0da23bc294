/**
 * Plays the renderer against the fake: uses only what the preload exposed on the page's main world
 * (as App.tsx does), and records the read events and notices it is sent.
 */
import { API_NAME, type ExportReviewApi, type Notice, type ReadEvent } from '../../shared/app/ipc-contract.js';
import type { ChangeRow } from '../../shared/rows/change-row.js';
import { unpackRows } from '../../shared/rows/packed-rows.js';
import { tally } from '../../shared/model/operations.js';
import type { FakeBrowserWindow } from './fake-electron.js';

/** Polls until `value()` gives something, as web-first assertions wait; fails with `what` after the timeout. */
export async function eventually<T>(value: () => T | undefined | false, what: string, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const found = value();
    if (found !== undefined && found !== false) return found;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export class PageStandIn {
  readonly events: ReadEvent[] = [];
  readonly notices: Notice[] = [];

  constructor(readonly api: ExportReviewApi) {}

  /** The page of `window` once loaded, subscribed; `listen` says so to the main process, as App does. */
  static async of(window: FakeBrowserWindow, { listen = true } = {}): Promise<PageStandIn> {
    const page = await eventually(() => window.webContents.page, 'the page to load');
    const standIn = new PageStandIn(page.mainWorld[API_NAME] as ExportReviewApi);
    standIn.api.onReadEvent((event) => standIn.events.push(event));
    standIn.api.onNotice((notice) => standIn.notices.push(notice));
    if (listen) await standIn.api.listening();
    return standIn;
  }

  /** The read of the file named `name`, once it has ended, with its rows unpacked. */
  async finishedRead(name: string): Promise<{ readId: number; end: ReadEvent; rows: ChangeRow[] }> {
    const started = await eventually(() => this.events.find((e) => e.type === 'started' && e.file.name === name), `${name} to start reading`);
    const readId = started.type === 'started' ? started.file.readId : 0;
    const ended = (e: ReadEvent) => 'readId' in e && e.readId === readId && (e.type === 'done' || e.type === 'failed' || e.type === 'cancelled');
    const end = await eventually(() => this.events.find(ended), `${name} to finish reading`);
    const rows = this.events.flatMap((e) => (e.type === 'rows' && e.readId === readId ? unpackRows(e.packedRows) : []));
    return { readId, end, rows };
  }

  startedNames(): string[] {
    return this.events.flatMap((e) => (e.type === 'started' ? [e.file.name] : []));
  }
}

/** Pending changes per operation, as truth.json counts them. */
export function operationCounts(rows: ChangeRow[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) if (row.pending) tally(counts, row.operation);
  return counts;
}
