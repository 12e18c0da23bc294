/**
 * Marking as the reviewer does it: keys on a row, buttons in the detail panel, "Approve all shown…".
 * A command marks the selected rows when there are any, else the focused row. After a change the
 * Review column is redrawn for those rows, and the grid filters again when the review decides what it shows.
 */
import { useCallback, useState } from 'react';
import type { ChangeRow } from '../shared/rows/change-row.js';
import type { MarkAction, ReviewVerdict } from '../shared/review/review-marks.js';
import type { Notice } from '../shared/app/ipc-contract.js';
import type { Review } from './useReview.js';
import type { GridRows } from './useGridRows.js';
import type { ReviewKeyAction } from './review-keys.js';
import { formatCount } from './format.js';

export interface ReviewActions {
  onKey: (action: ReviewKeyAction) => void;
  markRows: (rows: readonly ChangeRow[], action: MarkAction, note?: string) => Promise<void>;
  /** Rows the note dialog is open for. */
  noteFor: readonly ChangeRow[] | null;
  openNote: (rows: readonly ChangeRow[]) => void;
  saveNote: (verdict: ReviewVerdict, note: string) => void;
  closeNote: () => void;
  /** Pending rows shown, while "Approve all shown…" asks to confirm. */
  confirmApprove: readonly ChangeRow[] | null;
  askApproveShown: () => void;
  approveShown: () => void;
  closeConfirm: () => void;
}

const DONE: Record<MarkAction, [string, string]> = { approved: ['Approved', 'row'], flagged: ['Flagged', 'row'], clear: ['Cleared the mark of', 'row'] };

function describe(action: MarkAction, changed: number, notMarkable: number): string {
  const [verb, noun] = DONE[action];
  const skipped = notMarkable ? ` ${formatCount(notMarkable)} without a pending export cannot be marked.` : '';
  return `${verb} ${formatCount(changed)} ${changed === 1 ? noun : `${noun}s`}.${skipped}`;
}

/** What marking needs of the grid. */
type GridRowsForActions = Pick<GridRows, 'gridApi' | 'shownRows' | 'targetRows' | 'refilter'>;

interface Dependencies {
  rows: GridRowsForActions;
  review: Review;
  /** Whether the grid's filter depends on review states now (a review chip is chosen). */
  reviewFiltered: () => boolean;
  announce: (text: string) => void;
  setNotice: (notice: Notice | null) => void;
  onDialogClosed: () => void;
}

/** The Review column of the rows on screen drawn again (the grid holds no others), and the rows shown worked out again when the review decides them. */
function redraw(rows: GridRowsForActions, reviewFiltered: boolean): void {
  const api = rows.gridApi.current;
  if (!api || api.isDestroyed()) return;
  api.refreshCells({ columns: ['review'], force: true });
  const reviewColumn = api.getColumnState().find((c) => c.colId === 'review');
  if (reviewFiltered || reviewColumn?.sort || api.getColumnFilterModel('review')) rows.refilter();
}

export function useReviewActions({ rows: gridRows, review, reviewFiltered, announce, setNotice, onDialogClosed }: Dependencies): ReviewActions {
  const [noteFor, setNoteFor] = useState<readonly ChangeRow[] | null>(null);
  const [confirmApprove, setConfirmApprove] = useState<readonly ChangeRow[] | null>(null);

  // The grid's own focused cell, not the page's state of it: a key pressed right after a click comes
  // before React has drawn the click, and must mark the row clicked.
  const targets = gridRows.targetRows;

  const markRows = useCallback(
    async (rows: readonly ChangeRow[], action: MarkAction, note?: string) => {
      if (rows.length === 0) return announce('Focus a row or select rows to mark.');
      const result = await review.mark(rows, action, note);
      if ('failed' in result) return setNotice({ kind: 'error', text: `The marks were not set: ${result.failed}` });
      redraw(gridRows, reviewFiltered());
      announce(describe(action, result.changed.length, result.notMarkable));
    },
    [review, gridRows, reviewFiltered, announce, setNotice],
  );

  const openNote = useCallback((rows: readonly ChangeRow[]) => {
    if (rows.length) setNoteFor(rows);
  }, []);
  const closeNote = useCallback(() => {
    setNoteFor(null);
    onDialogClosed();
  }, [onDialogClosed]);
  const saveNote = useCallback(
    (verdict: ReviewVerdict, note: string) => {
      const rows = noteFor ?? [];
      closeNote();
      void markRows(rows, verdict, note);
    },
    [noteFor, closeNote, markRows],
  );

  const onKey = useCallback(
    (action: ReviewKeyAction) => (action === 'note' ? openNote(targets()) : void markRows(targets(), action)),
    [openNote, markRows, targets],
  );

  const askApproveShown = useCallback(() => {
    const shown = gridRows.shownRows.shownRows().filter((row) => row.pending);
    if (shown.length) setConfirmApprove(shown);
    else announce('No pending changes are shown.');
  }, [gridRows, announce]);
  const closeConfirm = useCallback(() => {
    setConfirmApprove(null);
    onDialogClosed();
  }, [onDialogClosed]);
  const approveShown = useCallback(() => {
    const rows = confirmApprove ?? [];
    closeConfirm();
    void markRows(rows, 'approved');
  }, [confirmApprove, closeConfirm, markRows]);

  return { onKey, markRows, noteFor, openNote, saveNote, closeNote, confirmApprove, askApproveShown, approveShown, closeConfirm };
}
