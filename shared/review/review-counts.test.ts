import { describe, expect, it } from 'vitest';
import type { ChangeRow } from '../rows/change-row.js';
import { addToReviewCounts, deleteProgress, matchesReviewChoice, noReviewCounts, sumReviewCounts } from './review-counts.js';
import type { ReviewMark, ReviewMarks } from './review-marks.js';

const row = (id: string, operation: string, fingerprint: string, pending = true) => ({ id, operation, fingerprint, pending }) as ChangeRow;
const mark = (verdict: ReviewMark['verdict'], fingerprint: string): ReviewMark => ({ verdict, note: '', by: 'x', at: '', fingerprint });

describe('review counts', () => {
  const rows = [row('1', 'delete', 'a'), row('2', 'delete-add', 'b'), row('3', 'update', 'c'), row('4', 'delete', 'd'), row('5', 'none', '', false)];

  it('count states over pending changes, and apart for the deleting ones', () => {
    const marks: ReviewMarks = new Map([
      ['1', mark('approved', 'a')],
      ['2', mark('flagged', 'b')],
      ['3', mark('approved', 'old')],
      ['5', mark('approved', '')],
    ]);
    const counts = addToReviewCounts(addToReviewCounts(noReviewCounts(), rows.slice(0, 2), marks), rows.slice(2), marks);
    expect(counts.all).toEqual({ unreviewed: 1, approved: 1, flagged: 1, stale: 1 });
    expect(counts.deletes).toEqual({ unreviewed: 1, approved: 1, flagged: 1, stale: 0 });
    expect(deleteProgress(counts.deletes)).toEqual({ total: 3, reviewed: 2, flagged: 1, ready: false });
    // A mark command takes the rows it changes out under the old marks and puts them back under the new.
    const changed = [rows[3] as ChangeRow];
    const after = new Map(marks).set('4', mark('approved', 'd'));
    const change = addToReviewCounts(addToReviewCounts(noReviewCounts(), changed, marks, -1), changed, after);
    const moved = sumReviewCounts(counts, change);
    expect(moved).toEqual(addToReviewCounts(noReviewCounts(), rows, after));
    expect(moved.deletes).toEqual({ unreviewed: 0, approved: 2, flagged: 1, stale: 0 });
  });

  it('open the delete gate only when every delete and delete-add is approved', () => {
    const marks: ReviewMarks = new Map(rows.map((r) => [r.id, mark('approved', r.fingerprint)]));
    expect(deleteProgress(addToReviewCounts(noReviewCounts(), rows, marks).deletes)).toEqual({ total: 3, reviewed: 3, flagged: 0, ready: true });
    expect(deleteProgress(noReviewCounts().deletes).ready).toBe(false);
    expect(matchesReviewChoice('stale', 'all')).toBe(true);
    expect(matchesReviewChoice('stale', 'approved')).toBe(false);
    expect(matchesReviewChoice('', 'unreviewed')).toBe(false);
  });
});
