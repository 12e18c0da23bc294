/**
 * What the review chips and the delete banner show: pending changes per review state, for all of
 * them and for the deleting ones. Counted as rows arrive, and again whole when marks change.
 */
import type { ChangeRow } from '../rows/change-row.js';
import { isDeleting } from '../model/operations.js';
import { REVIEW_STATES, stateUnder, type ReviewMarks, type ReviewState } from './review-marks.js';
import { noStates, type StateCounts } from './review-tally.js';

export interface ReviewCounts {
  all: StateCounts;
  /** Deletes and delete-adds: what the delete banner's progress counts. */
  deletes: StateCounts;
}

export const noReviewCounts = (): ReviewCounts => ({ all: noStates(), deletes: noStates() });

/**
 * `counts` with `rows` added in their states under `marks` (a new object: counts are React state);
 * `sign` -1 takes them out, so a mark command recounts only the rows it changed.
 */
export function addToReviewCounts(counts: ReviewCounts, rows: readonly ChangeRow[], marks: ReviewMarks, sign: 1 | -1 = 1): ReviewCounts {
  const all = { ...counts.all };
  const deletes = { ...counts.deletes };
  for (const row of rows) {
    if (!row.pending) continue;
    const state = stateUnder(marks, row);
    all[state] += sign;
    if (isDeleting(row.operation)) deletes[state] += sign;
  }
  return { all, deletes };
}

/** Two counts added up (one may be a change: negative where rows left a state). */
export function sumReviewCounts(a: ReviewCounts, b: ReviewCounts): ReviewCounts {
  const sum = noReviewCounts();
  for (const state of REVIEW_STATES) {
    sum.all[state] = a.all[state] + b.all[state];
    sum.deletes[state] = a.deletes[state] + b.deletes[state];
  }
  return sum;
}

/** Deletes reviewed (approved or flagged), and whether the go-live gate on them is open. */
export function deleteProgress(deletes: StateCounts): { total: number; reviewed: number; flagged: number; ready: boolean } {
  const total = deletes.unreviewed + deletes.approved + deletes.flagged + deletes.stale;
  return { total, reviewed: deletes.approved + deletes.flagged, flagged: deletes.flagged, ready: total > 0 && deletes.approved === total };
}

/** The review chips' choice: every row, or the rows in one state. */
export type ReviewChoice = 'all' | ReviewState;

export function matchesReviewChoice(state: ReviewState | '', choice: ReviewChoice): boolean {
  return choice === 'all' || state === choice;
}
