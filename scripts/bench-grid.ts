/**
 * `npm run bench:grid`: is the review grid still smooth at 500,000 rows? Loads the built renderer in
 * Debian's Chromium with a stand-in API that streams synthetic rows (no file: this measures the grid,
 * not the reader), then times what a reviewer does: the rows arriving, a chip, a search, scrolling.
 * Prints figures; asserts nothing.
 *
 *   npm run bench:grid -- [--rows 500000] [--no-delivery]
 *   BENCH_GRID_RENDERER=/path/to/dist/renderer npm run bench:grid   (another build, the same measures)
 */
import { noImpact } from '../shared/impact/impact-model.js';
import { formatCount } from '../shared/format-count.js';
import { chromium } from '@playwright/test';
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { writeFileSync } from 'node:fs';
import type { ChangeRow } from '../shared/rows/change-row.js';
import { API_NAME, type ReadEvent } from '../shared/app/ipc-contract.js';
import { packRows } from '../shared/rows/packed-rows.js';
import { serveDirectory } from '../e2e/support/static-server.js';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '500000' }, 'no-delivery': { type: 'boolean', default: false } } });
const rows = Number(values.rows);
const OPERATIONS = ['update', 'update', 'update', 'add', 'delete', 'delete-add'];

function syntheticRows(from: number, count: number): ChangeRow[] {
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const name = `user${i}`;
    return {
      id: `{${i.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000}`,
      pending: true,
      operation: OPERATIONS[i % OPERATIONS.length] as string,
      objectType: i % 10 === 0 ? 'group' : 'user',
      dn: `CN={${i.toString(16).padStart(32, '0')}}`,
      newDn: '',
      userPrincipalName: `${name}@contoso.com`,
      displayName: `User ${i}`,
      mail: `${name}@contoso.com`,
      primarySmtp: `${name}@contoso.com`,
      sourceAnchor: 'T21aK3yeSwqOPR8qa1x9gA==',
      cloudAnchor: '',
      alias: name,
      samAccountName: name,
      objectGuid: '',
      identitySource: 'export-hologram',
      changedAttributes: ['department', 'proxyAddresses'],
      valueChanges: 3,
      errorCount: 0,
      firstError: '',
      fingerprint: (i * 2654435761).toString(16).padStart(32, '0').slice(-32),
      changeDigest: '',
      offset: i * 4000,
      length: 4000,
    };
  });
}

/** The value `fraction` of the way up the sorted values (0.5: the median). */
function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * fraction)] ?? NaN;
}

const median = (values: number[]) => percentile(values, 0.5);
const p95 = (values: number[]) => percentile(values, 0.95);

// BENCH_GRID_RENDERER=dir: another renderer build (an earlier commit's), to compare against in the same way.
const server = await serveDirectory(process.env['BENCH_GRID_RENDERER'] ?? resolve('dist', 'renderer'));
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

interface GridFigures {
  loadMs: number;
  heapMb: number;
  chipMs: number;
  allMs: number;
  searchMs: number;
  frameMedian: number;
  frameP95: number;
  /** The p95 frame of each pass: from the top, the middle, near the end. */
  passP95: number[];
  /** Marking every shown delete (all selected) by pressing A: rows marked, and ms until the chips show them. */
  marked: number;
  markMs: number;
}

async function measure(total: number): Promise<GridFigures> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  // A string, not a function: tsx's transform would add helpers the page does not have.
  await page.addInitScript(`
    const listeners = new Set();
    window.__emit = (event) => listeners.forEach((l) => l(event));
    const none = async () => undefined;
    // As the main process answers a mark: each id marked on the fingerprint its row was made with (syntheticRows).
    const fingerprintOf = (id) => (parseInt(id.slice(1, 9), 16) * 2654435761).toString(16).padStart(32, '0').slice(-32);
    const at = new Date().toISOString();
    // Packed as shared/review/packed-marks.ts packs them.
    const setMarks = async (command) => ({
      notMarkable: 0,
      packedChanges: command.ids.map((id) => [id, command.action === 'clear' ? '' : command.action, command.note ?? '', 'bench', at, fingerprintOf(id)].join('\u0000')).join('\u0000'),
    });
    Object.defineProperty(window, ${JSON.stringify(API_NAME)}, { value: {
      showOpenDialog: none, openPath: async () => null, getPathForFile: () => '', cancelRead: none, closeFile: none,
      getDetails: () => new Promise(() => undefined), exportCsv: async () => ({ status: 'cancelled' }),
      setMarks, chooseReviewFile: async () => false, listening: none,
      onReadEvent: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
      onMenuCommand: () => () => undefined, onNotice: () => () => undefined,
    } });
  `);
  await page.goto(server.url);
  const shown = () => page.evaluate(`Number(document.querySelector('[data-testid="shown-count"]')?.textContent?.replace(/,/g, '') ?? -1)`) as Promise<number>;
  const emit = (event: ReadEvent) => page.evaluate(`window.__emit(${JSON.stringify(event)})`);

  const started = performance.now();
  await emit({ type: 'started', file: { readId: 1, path: '/synthetic.xml', name: 'synthetic.xml', sizeBytes: total * 4000 } });
  // Typed as the contract's event, so a change to the contract breaks this bench at compile time too.
  const rowsEvent = (from: number): ReadEvent => ({ type: 'rows', readId: 1, packedRows: packRows(syntheticRows(from, Math.min(5000, total - from))) });
  for (let from = 0; from < total; from += 5000) await emit(rowsEvent(from));
  await emit({
    type: 'done',
    readId: 1,
    summary: { encoding: 'utf-8', totalBytes: total * 4000, objects: total, pendingChanges: total, withoutPendingExport: 0, elapsedMs: 0 },
    impact: noImpact(),
  });
  for (let waited = 0; (await shown()) !== total; waited += 50) {
    if (waited > 120_000) throw new Error(`the grid shows ${await shown()} rows of ${total}`);
    await page.waitForTimeout(50);
  }
  const loadMs = performance.now() - started;
  // The renderer's JavaScript heap once every row is in, after a garbage collection (Chrome DevTools Protocol).
  const heapSession = await page.context().newCDPSession(page);
  await heapSession.send('HeapProfiler.collectGarbage');
  const heapMb = (await heapSession.send('Runtime.getHeapUsage')).usedSize / 1e6;
  await heapSession.detach();

  // Timed inside the page, frame by frame, so no round trip to the browser is counted: until the
  // count says `expected` rows and the grid's first row drawn is `firstUpn` (when given).
  const timeUntil = async (action: string, expected: number, firstUpn?: string) =>
    (await page.evaluate(`(async () => {
      const shown = () => Number(document.querySelector('[data-testid="shown-count"]').textContent.replace(/,/g, ''));
      const first = () => document.querySelector('.ag-grid-scrolling-container .ag-row[row-index="0"] [col-id="userPrincipalName"]')?.textContent;
      const wanted = ${JSON.stringify(firstUpn ?? null)};
      const t = performance.now();
      ${action};
      while (shown() !== ${expected} || (wanted !== null && first() !== wanted)) await new Promise((r) => requestAnimationFrame(r));
      return performance.now() - t;
    })()`)) as number;
  const button = (label: string) => `[...document.querySelectorAll('button')].find((b) => b.textContent.startsWith('${label}')).click()`;
  const search = (text: string) =>
    `(() => { const box = document.querySelector('input[type=search]'); const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set; set.call(box, '${text}'); box.dispatchEvent(new Event('input', { bubbles: true })); })()`;
  const deletes = Math.floor(total / OPERATIONS.length) + (total % OPERATIONS.length > 4 ? 1 : 0);
  // BENCH_GRID_PROFILE=file.cpuprofile (or file.json, a trace): a CPU profile of one step (BENCH_GRID_PROFILE_STEP: delete, all, scroll or search, the default), for finding where its time goes.
  const profilePath = process.env['BENCH_GRID_PROFILE'];
  const profileStep = process.env['BENCH_GRID_PROFILE_STEP'] ?? 'search';
  const profiled = async <T>(step: string, run: () => Promise<T>): Promise<T> => {
    if (!profilePath || total <= 2_000 || step !== profileStep) return run();
    // A .json path: a Chrome trace (what each frame held: scripts, GC, layout, paint) instead of a CPU profile.
    if (profilePath.endsWith('.json')) {
      await browser.startTracing(page, {
        path: profilePath,
        categories: ['devtools.timeline', 'v8.gc', 'disabled-by-default-devtools.timeline.frame', 'blink'],
      });
      const result = await run();
      await browser.stopTracing();
      return result;
    }
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
    const result = await run();
    writeFileSync(profilePath, JSON.stringify((await cdp.send('Profiler.stop')).profile));
    await cdp.detach();
    return result;
  };
  const chipMs = await profiled('delete', () => timeUntil(button('Delete '), deletes, total > 4 ? 'user4@contoso.com' : undefined));
  const allMs = await profiled('all', () => timeUntil(button('All '), total, 'user0@contoso.com'));
  const searchMs = await profiled('search', () =>
    timeUntil(search('user1234@contoso.com'), total > 1234 ? 1 : 0, total > 1234 ? 'user1234@contoso.com' : undefined),
  );
  await timeUntil(search(''), total);

  // BENCH_GRID_GC_BEFORE_SCROLL=1: a full collection first, so the scroll's frames hold no collection
  // that earlier steps left due (a diagnostic: the app does not choose when V8 collects).
  if (process.env['BENCH_GRID_GC_BEFORE_SCROLL']) {
    const gc = await page.context().newCDPSession(page);
    await gc.send('HeapProfiler.collectGarbage');
    await gc.detach();
  }
  // Scroll the grid for two seconds, a screenful per frame, and record every frame interval: three
  // times, from the top, the middle and near the end, each after the rows there are drawn. One pass
  // alone has too few frames for a steady p95 (ARCHITECTURE.md, "Scrolling measured again").
  const scrollPass = (from: number) =>
    page.evaluate(`(async () => {
    // The grid's vertical scroller: whichever element inside it scrolls.
    const viewport = [...document.querySelectorAll('.grid-host *')].find((e) => e.scrollHeight > e.clientHeight + 100 && getComputedStyle(e).overflowY !== 'visible');
    if (!viewport) return [];
    viewport.scrollTop = Math.floor((viewport.scrollHeight - viewport.clientHeight) * ${from});
    await new Promise((r) => setTimeout(r, 500));
    const intervals = [];
    let last = performance.now();
    const end = last + 2000;
    await new Promise((done) => {
      const step = (now) => {
        intervals.push(now - last);
        last = now;
        viewport.scrollTop += 900;
        if (now < end) requestAnimationFrame(step);
        else done();
      };
      requestAnimationFrame(step);
    });
    return intervals.slice(1);
  })()`) as Promise<number[]>;
  const passes = await profiled('scroll', async () => [await scrollPass(0), await scrollPass(0.5), await scrollPass(0.9)]);
  const frames = passes.flat();
  // BENCH_GRID_FRAMES=1: every frame interval of each pass, in order (where in a pass the long ones fall).
  if (process.env['BENCH_GRID_FRAMES']) passes.forEach((pass, k) => console.log(`${total} rows, pass ${k}: ${pass.map((ms) => ms.toFixed(0)).join(' ')}`));

  // Every delete selected with the header's select-all, then A on a focused row: the review's bulk path.
  await timeUntil(button('Delete '), deletes);
  // The header's box: this build's own, or AG Grid's in builds before the Infinite Row Model.
  await page.locator('input.select-all-shown, .ag-header-select-all input').first().check();
  await page.locator('.ag-grid-scrolling-container .ag-row [col-id="objectType"]').first().click();
  const approved = `Number([...document.querySelectorAll('button')].find((b) => b.textContent.includes('Approved')).querySelector('.chip-count').textContent.replace(/,/g, ''))`;
  const markStarted = performance.now();
  await page.keyboard.press('a');
  await page.waitForFunction(`${approved} === ${deletes}`, undefined, { timeout: 60_000, polling: 'raf' });
  const markMs = performance.now() - markStarted;

  await page.close();
  return { loadMs, heapMb, chipMs, allMs, searchMs, frameMedian: median(frames), frameP95: p95(frames), passP95: passes.map(p95), marked: deletes, markMs };
}

/**
 * The same row events delivered to a blank page: what this harness's delivery (Playwright over CDP)
 * costs by itself, so the grid's own share of "rows streamed in" can be told apart. In the app the
 * events cross Electron's IPC instead, as one string each.
 */
async function deliveryAlone(total: number): Promise<number> {
  const page = await browser.newPage();
  await page.setContent('<p>delivery</p>');
  await page.evaluate('window.__emit = () => undefined');
  const started = performance.now();
  for (let from = 0; from < total; from += 5000) {
    const event: ReadEvent = { type: 'rows', readId: 1, packedRows: packRows(syntheticRows(from, Math.min(5000, total - from))) };
    await page.evaluate(`window.__emit(${JSON.stringify(event)})`);
  }
  const ms = performance.now() - started;
  await page.close();
  return ms;
}

try {
  // The same steps on a small grid first: what the grid costs when row count does not matter.
  const small = await measure(2_000);
  const large = await measure(rows);
  // --no-delivery: skips timing the harness's own delivery (a minute at a million rows) when only the grid's figures are wanted.
  const delivery = async (total: number) => (values['no-delivery'] ? 'not timed' : ((await deliveryAlone(total)) / 1000).toFixed(1));
  const smallDelivery = await delivery(2_000);
  const largeDelivery = await delivery(rows);
  const line = (label: string, a: string, b: string) => console.log(label.padEnd(36) + a.padStart(14) + b.padStart(16));
  console.log(`Review grid, Chromium ${browser.version()} headless (software rendering), 2 cores:\n`);
  line('', '2,000 rows', `${formatCount(rows)} rows`);
  line('rows streamed in and counted (s)', (small.loadMs / 1000).toFixed(1), (large.loadMs / 1000).toFixed(1));
  line('  of which delivery over CDP alone (s)', smallDelivery, largeDelivery);
  line('renderer heap after load, MB', small.heapMb.toFixed(0), large.heapMb.toFixed(0));
  line('Delete chip, ms', small.chipMs.toFixed(0), large.chipMs.toFixed(0));
  line('All chip, ms', small.allMs.toFixed(0), large.allMs.toFixed(0));
  line('search one UPN, ms', small.searchMs.toFixed(0), large.searchMs.toFixed(0));
  line('scrolling: median frame, ms', small.frameMedian.toFixed(1), large.frameMedian.toFixed(1));
  line('scrolling: p95 frame, ms', small.frameP95.toFixed(1), large.frameP95.toFixed(1));
  line('  p95 from top / middle / end', small.passP95.map((ms) => ms.toFixed(0)).join(' / '), large.passP95.map((ms) => ms.toFixed(0)).join(' / '));
  line('rows marked approved by one A', formatCount(small.marked), formatCount(large.marked));
  line('  until the chips count them, ms', small.markMs.toFixed(0), large.markMs.toFixed(0));
} finally {
  await browser.close();
  await server.close();
}
