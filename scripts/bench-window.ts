/**
 * The bench's stand-in for the app's window: a thread with a heap of its own, as the renderer has a
 * process of its own. It takes the events the main process sends the window (strings, copied as IPC
 * copies them), unpacks rows, parses or unpacks marks as useReview does, and counts review states as useReview does, and says when it
 * has every row and the marks.
 */
import { parentPort } from 'node:worker_threads';
import { unpackRows } from '../shared/rows/packed-rows.js';
import type { ChangeRow } from '../shared/rows/change-row.js';
import type { ReviewUpdate } from '../shared/app/ipc-contract.js';
import { marksOfUpdate } from '../shared/review/review-update.js';
import type { ReviewMarks } from '../shared/review/review-marks.js';
import { addToReviewCounts, noReviewCounts } from '../shared/review/review-counts.js';

export type WindowEvent = { type: 'rows'; packed: string } | { type: 'review'; update: ReviewUpdate } | { type: 'done'; pending: number };

const port = parentPort;
if (!port) throw new Error('bench-window runs in a worker thread');

const rows: ChangeRow[] = [];
let marks: ReviewMarks = new Map();
let counts = noReviewCounts();
let reviewed = false;
let pending: number | undefined;
let firstRowsAt = 0;
/** How long the window spent making marks of the review file's text (parsing and checking it). */
let reviewParseMs = 0;

function finish(): void {
  if (pending === undefined || !reviewed) return;
  const counted = counts.all.unreviewed + counts.all.approved + counts.all.flagged + counts.all.stale;
  // The moment, on a clock both threads share: the main thread may be busy when this message arrives.
  port?.postMessage({ rows: rows.length, counted, pending, doneAt: performance.timeOrigin + performance.now(), firstRowsAt, reviewParseMs });
}

port.on('message', (event: WindowEvent) => {
  if (event.type === 'rows') {
    const batch = unpackRows(event.packed);
    // When the first rows could be drawn: the grid shows them as they come.
    if (rows.length === 0 && batch.length) firstRowsAt = performance.timeOrigin + performance.now();
    for (const row of batch) rows.push(row);
    counts = addToReviewCounts(counts, batch, marks);
  } else if (event.type === 'review') {
    const parseStarted = performance.now();
    const next = marksOfUpdate(event.update).marks;
    if (event.update.reviewFileText !== undefined) reviewParseMs += performance.now() - parseStarted;
    if (!next) return;
    marks = next;
    counts = addToReviewCounts(noReviewCounts(), rows, marks);
    reviewed = true;
  } else pending = event.pending;
  finish();
});
