/**
 * `npm run bench`: generates a realistic csexport file (seeded) and measures the reader on it beside
 * baselines measured in the same run on the same file: a raw byte scan for `</cs-object>`, saxes
 * tokenizing, and a whole-chunk fast-xml-parser parse. Each run is its own process (clean peak RSS);
 * figures are medians of --rounds runs. It prints figures; it asserts nothing.
 *
 *   npm run bench -- [--mb 1024] [--rounds 3] [--baseline-mb 128] [--only review|impact|compare]
 *
 * `--only review` runs the review-marks figures alone, `--only impact` impact beside summary (the
 * reader's table takes most of the time).
 */
import { formatCount } from '../shared/format-count.js';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { writeGeneratedExport } from './generate-export.js';
import { readExportRows } from '../shared/read/read-export-file.node.js';
import { makeReviewFile } from '../shared/review/review-file-format.js';
import { reviewFilePathFor, writeReviewFileSync } from '../shared/review/review-file.node.js';
import type { ReviewMarks } from '../shared/review/review-marks.js';

const { values } = parseArgs({
  options: {
    mb: { type: 'string', default: '1024' },
    rounds: { type: 'string', default: '3' },
    'baseline-mb': { type: 'string', default: '128' },
    only: { type: 'string' },
  },
});
const targetMb = Number(values.mb);
const rounds = Number(values.rounds);
const baselineBytes = Number(values['baseline-mb']) * 1e6;
// The generator writes ~3.9 KB per object.
const objects = Math.round((targetMb * 1e6) / 3930);
const file = `.bench/generated-${objects}.xml`;

mkdirSync('.bench', { recursive: true });
if (!existsSync(file)) {
  process.stdout.write(`Generating ${file} (${formatCount(objects)} objects)...\n`);
  await writeGeneratedExport(file, { objects, seed: 42 });
}
const size = statSync(file).size;
// The app path reads a review file beside the export when there is one: the measured file has none.
rmSync(reviewFilePathFor(file), { force: true });

interface Run {
  mode: string;
  bytes: number;
  objects: number;
  seconds: number;
  /** CPU time of all the run's threads. */
  cpuSeconds: number;
  peakRssBytes: number;
  /** app-service: after the window had everything, until the main process had the marks too. */
  mainMarksReadyMs?: number;
  /** app-service: from opening the file until the window had its first rows. */
  firstRowsMs?: number;
  /** app-service: how long the window spent parsing and checking the review file's text. */
  windowReviewParseMs?: number;
}

function runOnce(mode: string, limit?: number, path = file): Run {
  const args = ['dist/node/bench-run.js', mode, path, ...(limit ? [String(limit)] : [])];
  // stderr is the run's diagnostics; a failing run throws with it.
  return JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'pipe'] })) as Run;
}

/** A run that reports a figure of its own on stderr (one JSON line), beside its usual line. */
function runForReport<T>(mode: string, path: string): T {
  // The last line on stderr is the run's own figure; earlier ones are diagnostics.
  const result = spawnSync(process.execPath, ['dist/node/bench-run.js', mode, path], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stderr.trim().split('\n').at(-1) as string) as T;
}

function median(numbers: number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const modes: Array<[string, string, number | undefined]> = [
  ['reader-rows', 'reader, rows (app path, 2 parse workers)', undefined],
  ['app-service', 'app: read worker to rows unpacked (no drawing)', undefined],
  ['reader-records', 'reader, full records (2 parse workers)', undefined],
  ['reader-rows-1thread', 'reader, rows, 1 thread', undefined],
  ['scan', 'baseline: raw byte scan for </cs-object>', undefined],
  ['saxes', 'baseline: saxes tokenizing', Math.min(size, baselineBytes)],
  ['fast-xml-parser', 'baseline: fast-xml-parser, whole chunks', Math.min(size, baselineBytes)],
];

console.log(
  `File: ${file}, ${(size / 1e6).toFixed(0)} MB, ${formatCount(objects)} objects; ${rounds} rounds, median; ${cpus().length} cores, Node ${process.version}`,
);
console.log(
  '(saxes and fast-xml-parser read the first ' +
    (Math.min(size, baselineBytes) / 1e6).toFixed(0) +
    ' MB of the same file: at their speed the whole file would take minutes)\n',
);
console.log('what'.padEnd(46) + 'MB/s'.padStart(8) + 'objects/s'.padStart(12) + 'seconds'.padStart(9) + 'CPU s'.padStart(8) + 'peak RSS MB'.padStart(13));
const results: Record<string, { mbps: number; seconds: number; rss: number }> = {};
const firstRows: number[] = [];
for (const [mode, label, limit] of values.only ? [] : modes) {
  const runs: Run[] = [];
  for (let i = 0; i < rounds; i++) runs.push(runOnce(mode, limit));
  for (const run of runs) if (run.firstRowsMs !== undefined) firstRows.push(run.firstRowsMs);
  const mbps = median(runs.map((r) => r.bytes / 1e6 / r.seconds));
  const objectsPerSecond = median(runs.map((r) => r.objects / r.seconds));
  const seconds = median(runs.map((r) => r.seconds));
  const cpuSeconds = median(runs.map((r) => r.cpuSeconds));
  const rss = Math.max(...runs.map((r) => r.peakRssBytes)) / 1e6;
  results[mode] = { mbps, seconds, rss };
  console.log(
    label.padEnd(46) +
      mbps.toFixed(1).padStart(8) +
      formatCount(Math.round(objectsPerSecond)).padStart(12) +
      seconds.toFixed(2).padStart(9) +
      cpuSeconds.toFixed(1).padStart(8) +
      rss.toFixed(0).padStart(13),
  );
}

if (firstRows.length)
  console.log(
    `\nApp path: from opening the file to the first rows in the window ${median(firstRows).toFixed(0)} ms (median of ${firstRows.length}; target <= 1,000 ms)`,
  );
const reader = results['reader-rows'];
const saxes = results['saxes'];
const fxp = results['fast-xml-parser'];
if (reader && saxes && fxp) {
  console.log(`\nReader (rows) vs saxes tokenizing: ${(reader.mbps / saxes.mbps).toFixed(2)}x; vs fast-xml-parser: ${(reader.mbps / fxp.mbps).toFixed(1)}x`);
  console.log(
    `Targets: >= 100 MB/s -> ${reader.mbps.toFixed(1)} MB/s; peak RSS <= 600 MB -> ${reader.rss.toFixed(0)} MB; 1 GB in <= 10 s -> ${((reader.seconds * 1e9) / size).toFixed(1)} s per GB`,
  );
  // The targets were set on this machine type when it measured saxes at ~130 MB/s and the raw scan at
  // ~2,500 MB/s (issue #2); machines of the type vary from run to run, so say what they are worth today.
  const scale = saxes.mbps / 130;
  console.log(
    `This run's saxes baseline is ${saxes.mbps.toFixed(1)} MB/s, ${(scale * 100).toFixed(0)}% of the 130 MB/s the targets were set against: at that scale 100 MB/s is ${(100 * scale).toFixed(1)} MB/s and 10 s per GB is ${(10 / scale).toFixed(1)} s.`,
  );
}

// `impact` beside `summary`, as the CLI runs them: the same read, with and without counting the impact.
if (!values.only || values.only === 'impact') {
  const summaries: Run[] = [];
  const impacts: Run[] = [];
  for (let i = 0; i < rounds; i++) {
    summaries.push(runOnce('cli-summary'));
    impacts.push(runOnce('cli-impact'));
  }
  const summarySeconds = median(summaries.map((r) => r.seconds));
  const impactSeconds = median(impacts.map((r) => r.seconds));
  const ratios = summaries.map((r, i) => (impacts[i]?.seconds ?? NaN) / r.seconds);
  console.log(
    `\nimpact beside summary, alternating runs: summary ${summarySeconds.toFixed(2)} s, impact ${impactSeconds.toFixed(2)} s (medians of ${rounds}): ` +
      `${(impactSeconds / summarySeconds).toFixed(2)}x, median of the pairs' ratios ${median(ratios).toFixed(2)}x (target <= 1.5x, aim 1.2x); ` +
      `CPU ${median(summaries.map((r) => r.cpuSeconds)).toFixed(1)} / ${median(impacts.map((r) => r.cpuSeconds)).toFixed(1)} s; ` +
      `peak RSS ${(Math.max(...summaries.map((r) => r.peakRssBytes)) / 1e6).toFixed(0)} / ${(Math.max(...impacts.map((r) => r.peakRssBytes)) / 1e6).toFixed(0)} MB`,
  );
}
if (values.only === 'impact') process.exit(0);

// compare beside reading one file (summary), as the CLI runs them: the file against a hard link to it.
if (!values.only || values.only === 'compare') {
  const other = file.replace(/\.xml$/, '-other.xml');
  if (!existsSync(other)) linkSync(file, other);
  const reads: Run[] = [];
  const compares: Run[] = [];
  const appCompares: Run[] = [];
  const compareRun = (mode: string) =>
    JSON.parse(execFileSync(process.execPath, ['dist/node/bench-run.js', mode, file, other], { encoding: 'utf8', maxBuffer: 1 << 20 })) as Run;
  for (let i = 0; i < rounds; i++) {
    reads.push(runOnce('cli-summary'));
    compares.push(compareRun('cli-compare'));
    appCompares.push(compareRun('app-compare'));
  }
  const readSeconds = median(reads.map((r) => r.seconds));
  const compareSeconds = median(compares.map((r) => r.seconds));
  console.log(
    `\ncompare two exports beside reading one, alternating runs: reading one ${readSeconds.toFixed(2)} s, comparing two ${compareSeconds.toFixed(2)} s (medians of ${rounds}): ` +
      `${(compareSeconds / readSeconds).toFixed(2)}x (target <= 2.5x); peak RSS ${(Math.max(...compares.map((r) => r.peakRssBytes)) / 1e6).toFixed(0)} MB (target < 1,000 MB)`,
  );
  const appSeconds = median(appCompares.map((r) => r.seconds));
  console.log(
    `  in the app (after the open file is read, both read again in read workers): ${appSeconds.toFixed(2)} s, ${(appSeconds / readSeconds).toFixed(2)}x reading one; ` +
      `peak RSS of the whole process (the review's read included) ${(Math.max(...appCompares.map((r) => r.peakRssBytes)) / 1e6).toFixed(0)} MB`,
  );
}
if (values.only === 'compare') process.exit(0);

// Review marks: the same file (a hard link, so the same bytes) with a review file holding a mark for
// every pending change, read through the app's path in alternating runs against the file without one.
const reviewed = file.replace(/\.xml$/, '-reviewed.xml');
if (!existsSync(reviewed)) linkSync(file, reviewed);
// Marking (below) runs on a link of its own, whose review file is removed: the file "without a review file" stays without.
const marking = file.replace(/\.xml$/, '-marking.xml');
if (!existsSync(marking)) linkSync(file, marking);
const marks: ReviewMarks = new Map();
const at = new Date().toISOString();
await readExportRows(file, {
  onRow: (row) => {
    if (row.pending)
      marks.set(row.id, {
        verdict: marks.size % 50 ? 'approved' : 'flagged',
        note: marks.size % 10 ? '' : 'checked with HR',
        by: 'bench',
        at,
        fingerprint: row.fingerprint,
      });
  },
});
const reviewFile = reviewFilePathFor(reviewed);
const writes: number[] = [];
for (let i = 0; i < rounds; i++) {
  const started = performance.now();
  writeReviewFileSync(reviewFile, makeReviewFile({ name: reviewed, sizeBytes: size }, marks, new Date().toISOString()));
  writes.push((performance.now() - started) / 1000);
}
console.log(
  `\nReview file with a mark for every pending change (${formatCount(marks.size)} marks, ${(statSync(reviewFile).size / 1e6).toFixed(1)} MB): written atomically in ${median(writes).toFixed(2)} s (median of ${rounds}; target <= 1 s)`,
);
const plain: Run[] = [];
const withMarks: Run[] = [];
for (let i = 0; i < rounds; i++) {
  plain.push(runOnce('app-service'));
  withMarks.push(runOnce('app-service', undefined, reviewed));
  console.log(
    `  pair ${i + 1}: without ${plain[i]?.seconds.toFixed(2)} s (CPU ${plain[i]?.cpuSeconds.toFixed(1)} s), with ${withMarks[i]?.seconds.toFixed(2)} s (CPU ${withMarks[i]?.cpuSeconds.toFixed(1)} s; the window's parse of the review file ${withMarks[i]?.windowReviewParseMs?.toFixed(0)} ms)`,
  );
}
const plainSeconds = median(plain.map((r) => r.seconds));
const markedSeconds = median(withMarks.map((r) => r.seconds));
const pairRatios = plain.map((r, i) => (withMarks[i]?.seconds ?? NaN) / r.seconds);
console.log(
  `App path, alternating runs: without a review file ${plainSeconds.toFixed(2)} s, with one ${markedSeconds.toFixed(2)} s (medians of ${rounds}): ` +
    `${((markedSeconds / plainSeconds - 1) * 100).toFixed(1)} % more, median of the pairs' ratios ${((median(pairRatios) - 1) * 100).toFixed(1)} % (target <= 5 %); ` +
    `CPU ${median(plain.map((r) => r.cpuSeconds)).toFixed(1)} / ${median(withMarks.map((r) => r.cpuSeconds)).toFixed(1)} s; peak RSS ${(Math.max(...plain.map((r) => r.peakRssBytes)) / 1e6).toFixed(0)} / ${(Math.max(...withMarks.map((r) => r.peakRssBytes)) / 1e6).toFixed(0)} MB`,
);
console.log(
  `  the window parsed and checked the review file in ${median(withMarks.map((r) => r.windowReviewParseMs ?? NaN)).toFixed(0)} ms (median; during the read, on the cores the read uses)`,
);
console.log(
  `  first rows in the window ${median(plain.map((r) => r.firstRowsMs ?? NaN)).toFixed(0)} ms after opening (median without a review file; target <= 1,000 ms)`,
);
console.log(
  `  after the window had rows and marks, the main process had the marks (parsed once the read is over) ${median(withMarks.map((r) => r.mainMarksReadyMs ?? NaN)).toFixed(0)} ms later (median): what a first mark command waits at most`,
);

// Marking 100,000 selected rows, the main process's side (the window's is in `npm run bench:grid`).
const markRuns = Array.from({ length: rounds }, () => {
  rmSync(reviewFilePathFor(marking), { force: true });
  return runForReport<{ marked: number; ms: number }>('app-mark', marking);
});
rmSync(reviewFilePathFor(marking), { force: true });
console.log(
  `Main process: marking ${formatCount(markRuns[0]?.marked ?? 0)} pending changes in one call takes ${median(markRuns.map((r) => r.ms)).toFixed(0)} ms (median of ${rounds}, once the read is indexed; target with the window's share: <= 1 s)`,
);
