/**
 * One measured run, in its own process so peak RSS belongs to it alone. Prints one JSON line.
 *   node dist/node/bench-run.js <mode> <file> [limitBytes]
 * Modes: reader-rows (what the app streams), reader-rows-1thread, reader-records, app-service (the app's
 * whole path short of drawing: the main process's ReviewService with its read worker and parse workers,
 * the window played by a thread of its own that unpacks rows and marks and counts review states as
 * the window does; a review file beside the export is loaded as the app loads it), app-mark,
 * cli-summary and cli-impact (the CLI's summary and impact commands short of printing), scan, saxes,
 * fast-xml-parser.
 */
import { openSync, readSync, statSync, closeSync } from 'node:fs';
import { readExportFile, readExportRows } from '../shared/read/read-export-file.node.js';
import { ReviewService } from '../shared/app/review-service.node.js';
import { unpackRows } from '../shared/rows/packed-rows.js';
import { SummaryBuilder } from '../shared/rows/summarize.js';
import { compareExports } from '../shared/compare/compare-exports.node.js';
import { emptyImpactTally, impactReport } from '../shared/impact/impact-tally.js';
import { Worker } from 'node:worker_threads';
import { SaxesParser } from 'saxes';
import { XMLParser } from 'fast-xml-parser';

const [mode = '', file = '', limitText] = process.argv.slice(2);
// For cli-compare the third argument is the second file, not a byte limit.
const size = Math.min(statSync(file).size, limitText && !mode.endsWith('-compare') ? Number(limitText) : Infinity);

function* chunks(chunkBytes = 4 << 20): Generator<Buffer> {
  const fd = openSync(file, 'r');
  let done = 0;
  try {
    while (done < size) {
      const buffer = Buffer.allocUnsafe(Math.min(chunkBytes, size - done));
      const read = readSync(fd, buffer, 0, buffer.length, done);
      if (read === 0) break;
      done += read;
      yield buffer.subarray(0, read);
    }
  } finally {
    closeSync(fd);
  }
}

const CLOSE = Buffer.from('</cs-object>');

/** Whole chunks cut at the last complete object, as a fast-xml-parser baseline would be fed. */
function* objectAlignedChunks(): Generator<string> {
  let carry: Buffer = Buffer.alloc(0);
  for (const chunk of chunks()) {
    const buffer = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const last = buffer.lastIndexOf(CLOSE);
    if (last === -1) {
      carry = buffer;
      continue;
    }
    const start = buffer.indexOf('<cs-object ');
    if (start !== -1 && start < last) yield buffer.subarray(start, last + CLOSE.length).toString('utf8');
    carry = Buffer.from(buffer.subarray(last + CLOSE.length));
  }
}

async function measure(): Promise<number> {
  let objects = 0;
  switch (mode) {
    case 'reader-rows':
      return (await readExportRows(file, { onRow: () => objects++ })).objects;
    case 'reader-rows-1thread':
      return (await readExportRows(file, { workers: 0, onRow: () => objects++ })).objects;
    case 'cli-summary': {
      // What `export-review summary` does with the rows (without printing them).
      const builder = new SummaryBuilder();
      return (await readExportRows(file, { onRow: (row) => builder.add(row) })).objects;
    }
    case 'cli-impact': {
      // What `export-review impact` does: the same read, counting the impact in the parse workers.
      const builder = new SummaryBuilder();
      const tally = emptyImpactTally();
      const read = await readExportRows(file, { onRow: (row) => builder.add(row), impact: tally });
      impactReport(tally);
      return read.objects;
    }
    case 'cli-compare': {
      // What `export-review compare` does with two exports: here the file and a hard link to it, so
      // every change pairs (by DN) and none is re-read; `limitText` names the second file.
      const comparison = await compareExports(file, limitText ?? file);
      return comparison.counts.same + comparison.counts.different + comparison.counts.onlyInFirst;
    }
    case 'app-compare':
      // The app's comparison: the open file read, then compared with `limitText` (both read again in read workers).
      return await new Promise<number>((resolve, reject) => {
        let began = 0;
        const service = new ReviewService({
          readWorkerUrl: new URL('../electron/read-worker.mjs', import.meta.url),
          reviewer: 'bench',
          emit: (event) => {
            if (event.type === 'failed') reject(new Error(event.error.message));
            if (event.type === 'done') {
              began = performance.now();
              void service.compareWith(event.readId, limitText ?? file).then((refused) => refused && reject(new Error(refused)));
            }
            if (event.type !== 'comparison') return;
            if (event.update.state === 'failed') reject(new Error(event.update.message));
            if (event.update.state !== 'done') return;
            // Only the comparison is timed, from asking for it until the window has its result.
            windowSeconds = (performance.now() - began) / 1000;
            const counts = event.update.comparison.counts;
            service.dispose();
            resolve(counts.same + counts.different + counts.onlyInFirst);
          },
        });
        void service.open(file).then((refused) => refused && reject(new Error(refused)));
      });
    case 'reader-records':
      return (await readExportFile(file, { onRecord: () => objects++ })).objects;
    case 'app-service':
      return await new Promise<number>((resolve, reject) => {
        // The window is a thread of its own (bench-window.ts), sent what the main process sends the
        // window: rows and marks as strings, copied on the way as IPC copies them.
        const window = new Worker(new URL('./bench-window.js', import.meta.url));
        const began = performance.now();
        let reviewAt = 0;
        let doneAt = 0;
        let objectsRead = 0;
        let readId = 0;
        window.on('message', (report: { rows: number; counted: number; pending: number; doneAt: number; firstRowsAt: number; reviewParseMs: number }) => {
          // Timed by the window: the main thread may have been busy (parsing the review file) when the report came.
          windowSeconds = (report.doneAt - performance.timeOrigin - began) / 1000;
          firstRowsMs = report.firstRowsAt - performance.timeOrigin - began;
          windowReviewParseMs = report.reviewParseMs;
          // When the marks arrived beside when the window had it all: whether loading them stood in the read's way.
          console.error(JSON.stringify({ reviewAtMs: reviewAt - began, mainDoneMs: doneAt - began, windowDoneMs: windowSeconds * 1000, ...report }));
          void window.terminate();
          objects = report.rows;
          // After the window has it all: how long until the main process has the marks too (it parses the
          // review file once the read is over), as the first mark command would wait.
          afterMeasure = async () => {
            const waited = performance.now();
            await service.setMarks({ readId, ids: [], action: 'approved' });
            return { mainMarksReadyMs: performance.now() - waited };
          };
          resolve(report.counted === report.pending ? objectsRead : -1);
        });
        window.on('error', reject);
        const service = new ReviewService({
          // Built by `tsx scripts/build.ts electron`, as the app ships it.
          readWorkerUrl: new URL('../electron/read-worker.mjs', import.meta.url),
          reviewer: 'bench',
          emit: (event) => {
            if (event.type === 'rows') window.postMessage({ type: 'rows', packed: event.packedRows });
            if (event.type === 'started') readId = event.file.readId;
            else if (event.type === 'review') {
              reviewAt = performance.now();
              window.postMessage({ type: 'review', update: event.review });
            } else if (event.type === 'done') {
              doneAt = performance.now();
              objectsRead = event.summary.objects;
              window.postMessage({ type: 'done', pending: event.summary.pendingChanges });
            } else if (event.type === 'failed') reject(new Error(event.error.message));
          },
        });
        void service.open(file).then((refused) => refused && reject(new Error(refused)));
      });
    case 'app-mark':
      // The main process's side of marking 100,000 selected rows: one setMarks call, after the read.
      return await new Promise<number>((resolve, reject) => {
        const ids: string[] = [];
        const service = new ReviewService({
          readWorkerUrl: new URL('../electron/read-worker.mjs', import.meta.url),
          reviewer: 'bench',
          emit: (event) => {
            if (event.type === 'rows') for (const row of unpackRows(event.packedRows)) if (row.pending && ids.length < 100_000) ids.push(row.id);
            if (event.type === 'failed') reject(new Error(event.error.message));
            if (event.type !== 'done') return;
            // As a reviewer would: after the read, once the service has indexed it (it does right after 'done').
            const readId = event.readId;
            let started = 0;
            new Promise((wait) => setTimeout(wait, 500))
              .then(() => {
                started = performance.now();
                return service.setMarks({ readId, ids, action: 'approved' });
              })
              .then((outcome) => {
                const ms = performance.now() - started;
                service.dispose();
                console.error(JSON.stringify({ marked: ids.length, ms, packedChars: outcome.packedChanges.length }));
                resolve(ids.length);
              }, reject);
          },
        });
        void service.open(file).then((refused) => refused && reject(new Error(refused)));
      });
    case 'scan':
      for (const chunk of chunks()) for (let i = chunk.indexOf(CLOSE); i !== -1; i = chunk.indexOf(CLOSE, i + CLOSE.length)) objects++;
      return objects;
    case 'saxes': {
      const parser = new SaxesParser();
      parser.on('closetag', (tag) => {
        if (tag.name === 'cs-object') objects++;
      });
      const decoder = new TextDecoder();
      for (const chunk of chunks()) parser.write(decoder.decode(chunk, { stream: true }));
      return objects;
    }
    case 'fast-xml-parser': {
      const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'cs-object' });
      for (const text of objectAlignedChunks()) objects += ((parser.parse(`<r>${text}</r>`) as { r: { 'cs-object'?: unknown[] } }).r['cs-object'] ?? []).length;
      return objects;
    }
    default:
      throw new Error(`unknown mode ${mode}`);
  }
}

/** What a mode measures after its timed part, reported beside it. */
let afterMeasure: (() => Promise<Record<string, number>>) | undefined;
/** app-service: when the window (a thread of its own) had every row and the marks, by its own clock. */
let windowSeconds: number | undefined;
/** app-service: from opening the file until the window had its first rows. */
let firstRowsMs: number | undefined;
/** app-service: how long the window spent parsing and checking the review file's text. */
let windowReviewParseMs: number | undefined;

const started = performance.now();
const cpuBefore = process.cpuUsage();
const objects = await measure();
const seconds = windowSeconds ?? (performance.now() - started) / 1000;
// CPU time of all threads: the work done, which varies far less than wall time on a shared machine.
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const after = afterMeasure ? await afterMeasure() : {};
console.log(
  JSON.stringify({
    mode,
    bytes: size,
    objects,
    seconds,
    cpuSeconds,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    ...after,
    ...(firstRowsMs !== undefined && { firstRowsMs }),
    ...(windowReviewParseMs !== undefined && { windowReviewParseMs }),
  }),
);
