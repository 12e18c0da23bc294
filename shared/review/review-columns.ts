/** The review's four CSV columns, the same on both levels: what was decided, why, by whom, when. */
import { reviewState, type ReviewMark } from './review-marks.js';

export const REVIEW_COLUMNS = ['Review', 'Review note', 'Reviewed by', 'Reviewed at'] as const;

/** A row's review cells; an object without a pending export has none to show. */
export function reviewCells(pending: boolean, fingerprint: string, mark: ReviewMark | undefined): string[] {
  if (!pending) return ['', '', '', ''];
  const state = reviewState(mark, fingerprint);
  return mark ? [state, mark.note, mark.by, mark.at] : [state, '', '', ''];
}
