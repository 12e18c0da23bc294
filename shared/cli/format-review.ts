/** The review progress `summary` prints when the export has marks: per operation, how many are in each state. */
import { formatCount } from '../format-count.js';
import { operationsInOrder } from '../model/operations.js';
import { REVIEW_STATES } from '../review/review-marks.js';
import { statesOf, type ReviewTally } from '../review/review-tally.js';
import { textTable } from './text-table.js';

export function formatReview(reviewPath: string, tally: ReviewTally): string {
  const all = statesOf(tally);
  const total = REVIEW_STATES.reduce((sum, state) => sum + all[state], 0);
  let out = `\nReview (${reviewPath}): ${formatCount(all.approved)} of ${formatCount(total)} pending changes approved, `;
  out += `${formatCount(all.flagged)} flagged, ${formatCount(all.stale)} stale, ${formatCount(all.unreviewed)} unreviewed\n`;
  const rows = [['operation', ...REVIEW_STATES]];
  for (const operation of operationsInOrder(Object.keys(tally))) {
    const counts = tally[operation];
    if (counts) rows.push([operation, ...REVIEW_STATES.map((state) => formatCount(counts[state]))]);
  }
  return out + textTable(rows);
}
