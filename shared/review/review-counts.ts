/**
 * What the review chips and the delete banner show: pending changes per review state, for all of
 * them and for the deleting ones. Counted as rows arrive, and again whole when marks change.
 */
import type { ChangeRow } from '../rows/change-row.js';
import { isDeleting } from '../model/operations.js';
import { reviewState, type ReviewMarks, type ReviewState } from './review-marks.js';
import { noStates, type StateCounts } from './review-tally.js';

export interface ReviewCounts {
  all: StateCounts;
  /** Deletes and delete-adds: what the delete banner's progress counts. */
  deletes: StateCounts;
}

export const noReviewCounts = (): ReviewCounts => ({ all: noStates(), deletes: noStates() });

/** `counts` with `rows` added (a new object: counts are React state). */
export function addToReviewCounts(counts: ReviewCounts, rows: readonly ChangeRow[], marks: ReviewMarks): ReviewCounts {
  const all = { ...counts.all };
  const deletes = { ...counts.deletes };
  for (const row of rows) {
    if (!row.pending) continue;
    const state = reviewState(marks.get(row.id), row.fingerprint);
    all[state]++;
    if (isDeleting(row.operation)) deletes[state]++;
  }
  return { all, deletes };
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
