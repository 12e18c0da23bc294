/**
 * The review marks of the open file, as the page holds them: a Map the grid reads (never React
 * state, so a mark does not re-render 500,000 rows), the counts the chips and banner show, where the
 * marks are saved, and marking: the main process sets marks and answers with what changed.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChangeRow } from '../shared/rows/change-row.js';
import { failureMessage, type ReadEvent, type ReviewUpdate } from '../shared/app/ipc-contract.js';
import { stateUnder, type MarkAction, type ReviewMarks, type ReviewState, type ReviewStorage } from '../shared/review/review-marks.js';
import { addToReviewCounts, noReviewCounts, sumReviewCounts, type ReviewCounts } from '../shared/review/review-counts.js';
import { reviewApi } from './api.js';
import { unpackMarks } from '../shared/review/packed-marks.js';
import { marksOfUpdate } from '../shared/review/review-update.js';

export interface Review {
  marks: { readonly current: ReviewMarks };
  counts: ReviewCounts;
  storage: ReviewStorage | null;
  /** The review file could not be read: the page asks whether to go on without saving or choose another. */
  problem: string | null;
  dismissProblem: () => void;
  stateOf: (row: ChangeRow) => ReviewState | '';
  /** Marks these rows; resolves to the rows whose mark changed, or a message when the call failed. */
  mark: (rows: readonly ChangeRow[], action: MarkAction, note?: string) => Promise<{ changed: ChangeRow[]; notMarkable: number } | { failed: string }>;
  chooseReviewFile: () => Promise<void>;
  /** Counts rows as they arrive (one batch at a time, not every row again). */
  rowsArrived: (rows: readonly ChangeRow[]) => void;
}

export function useReview(
  readId: number | undefined,
  allRows: { readonly current: readonly ChangeRow[] },
  onMarksReplaced: () => void,
  onMessage: (text: string, kind: 'info' | 'error') => void,
): Review {
  const marks = useRef<ReviewMarks>(new Map());
  const [counts, setCounts] = useState<ReviewCounts>(noReviewCounts);
  const [storage, setStorage] = useState<ReviewStorage | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const callbacks = useRef({ onMarksReplaced, onMessage });
  callbacks.current = { onMarksReplaced, onMessage };

  const recount = useCallback(() => setCounts(addToReviewCounts(noReviewCounts(), allRows.current, marks.current)), [allRows]);

  const onReview = useCallback(
    (update: ReviewUpdate) => {
      const { marks: next, storage } = marksOfUpdate(update);
      setStorage(storage);
      if (next) {
        marks.current = next;
        recount();
        callbacks.current.onMarksReplaced();
      }
      if (storage.kind === 'not-saved') setProblem(storage.problem);
      else if (update.message) callbacks.current.onMessage(update.message, 'error');
    },
    [recount],
  );

  useEffect(
    () =>
      reviewApi().onReadEvent((event: ReadEvent) => {
        if (event.type === 'started' || event.type === 'closed') {
          marks.current = new Map();
          setCounts(noReviewCounts());
          setStorage(null);
          setProblem(null);
        } else if (event.type === 'review') onReview(event.review);
      }),
    [onReview, recount],
  );

  const stateOf = useCallback((row: ChangeRow): ReviewState | '' => (row.pending ? stateUnder(marks.current, row) : ''), []);

  const mark = useCallback(
    async (rows: readonly ChangeRow[], action: MarkAction, note?: string) => {
      if (readId === undefined) return { failed: 'No file is open.' };
      const pending = rows.filter((row) => row.pending);
      try {
        const outcome = await reviewApi().setMarks({ readId, ids: pending.map((row) => row.id), action, ...(note !== undefined && { note }) });
        const entries = unpackMarks(outcome.packedChanges);
        const changedIds = new Set(entries.map(([id]) => id));
        const changed = pending.filter((row) => changedIds.has(row.id));
        // Only the rows that changed are counted again: out under their old marks, back under their new.
        let change = addToReviewCounts(noReviewCounts(), changed, marks.current, -1);
        for (const [id, next] of entries) {
          if (next) marks.current.set(id, next);
          else marks.current.delete(id);
        }
        change = addToReviewCounts(change, changed, marks.current);
        setCounts((c) => sumReviewCounts(c, change));
        return { changed, notMarkable: outcome.notMarkable + rows.length - pending.length };
      } catch (error) {
        return { failed: failureMessage(error) };
      }
    },
    [readId],
  );

  const chooseReviewFile = useCallback(async () => {
    if (readId === undefined) return;
    setProblem(null);
    try {
      await reviewApi().chooseReviewFile(readId);
    } catch (error) {
      callbacks.current.onMessage(failureMessage(error), 'error');
    }
  }, [readId]);

  const rowsArrived = useCallback((rows: readonly ChangeRow[]) => setCounts((c) => addToReviewCounts(c, rows, marks.current)), []);

  return { marks, counts, storage, problem, dismissProblem: () => setProblem(null), stateOf, mark, chooseReviewFile, rowsArrived };
}
