/**
 * `export-review mark FILE --as approved|flagged|clear`: marks the pending changes chosen by ids,
 * operation, type, search and current review state, and writes the review file atomically.
 */
import { basename } from 'node:path';
import { osUserName } from '../review/os-user.node.js';
import { formatCount } from '../format-count.js';
import { readExportRows } from '../read/read-export-file.node.js';
import { rowMatcher, type RowFilter } from '../rows/filter-rows.js';
import { makeReviewFile } from '../review/review-file-format.js';
import { writeReviewFile } from '../review/review-file.node.js';
import { applyMark, isMarkText, MAX_NOTE_LENGTH, stateUnder, type MarkAction, type ReviewState } from '../review/review-marks.js';
import { loadCliReview } from './cli-review.node.js';
import { EXIT } from './gates.js';
import { ProgressLine } from './progress-line.node.js';
import type { CliIo } from './cli-io.js';
import { stat } from 'node:fs/promises';

export interface MarkSelection {
  filter: RowFilter;
  ids?: readonly string[];
  states?: readonly ReviewState[];
}

export interface MarkOptions {
  action: MarkAction;
  note?: string;
  by?: string;
  review?: string;
  selection: MarkSelection;
}

export async function markCommand(file: string, options: MarkOptions, io: CliIo): Promise<number> {
  if (options.note !== undefined && !isMarkText(options.note))
    throw new RangeError(`--note takes at most ${MAX_NOTE_LENGTH} characters, without control characters`);
  if (options.by !== undefined && !isMarkText(options.by, 256)) throw new RangeError('--by takes a name of at most 256 characters, without control characters');
  const review = await loadCliReview(file, options.review);
  const matches = rowMatcher(options.selection.filter);
  const ids = options.selection.ids ? new Set(options.selection.ids) : undefined;
  const states = options.selection.states ? new Set(options.selection.states) : undefined;
  const request = {
    action: options.action,
    by: options.by || osUserName(),
    at: new Date().toISOString(),
    ...(options.note !== undefined && { note: options.note }),
  };
  const seen = new Set<string>();
  let changed = 0;
  const progress = new ProgressLine(basename(file), io);
  await readExportRows(file, {
    onProgress: (p) => progress.update(p),
    onRow: (row) => {
      if (!row.pending || (ids && !ids.has(row.id)) || !matches(row)) return;
      if (states && !states.has(stateUnder(review.marks, row))) return;
      seen.add(row.id);
      if (applyMark(review.marks, row, request) !== undefined) changed++;
    },
  }).finally(() => progress.done());
  const missing = ids ? [...ids].filter((id) => !seen.has(id)) : [];
  if (missing.length)
    io.err(
      `${formatCount(missing.length)} of the --ids are not pending changes in ${basename(file)} and were not marked: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}\n`,
    );
  if (changed === 0) {
    io.err(`No pending change ${options.action === 'clear' ? 'had a mark to clear' : 'matched'}; ${review.path} was not written.\n`);
    return EXIT.ok;
  }
  const { size } = await stat(file);
  await writeReviewFile(review.path, makeReviewFile({ name: basename(file), sizeBytes: size }, review.marks, new Date().toISOString()));
  const verb = options.action === 'clear' ? 'Cleared' : `Marked ${options.action}:`;
  io.err(`${verb} ${formatCount(changed)} pending ${changed === 1 ? 'change' : 'changes'}; saved to ${review.path}\n`);
  return EXIT.ok;
}
