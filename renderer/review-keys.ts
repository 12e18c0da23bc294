/** The review's keys on a grid row, and what they do. */
import type { MarkAction } from '../shared/review/review-marks.js';

export type ReviewKeyAction = MarkAction | 'note';

export const REVIEW_KEYS: Readonly<Record<string, ReviewKeyAction>> = { a: 'approved', f: 'flagged', u: 'clear', n: 'note' };
