/**
 * The app: empty state → reading (progress, first rows) → review (chips, search, grid, details,
 * marks) → CSV export. Rows flow one way: read events → `ShownRows` (filtering, order, selection)
 * → the grid's blocks on screen; the marks live beside them. Each concern is a hook; this component wires them.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ChangeRow } from '../shared/rows/change-row.js';
import { reviewApi } from './api.js';
import { DropZone, EmptyState } from './DropZone.js';
import { ExportDialog } from './ExportDialog.js';
import { NoticeStrip } from './NoticeStrip.js';
import { ReadOutcome } from './ReadOutcome.js';
import { ReviewView } from './ReviewView.js';
import { ReviewDialogs } from './ReviewDialogs.js';
import { focusGrid } from './grid-focus.js';
import { useAnnouncer, useReadAnnouncements } from './useAnnouncer.js';
import { useAppCommands, useListening } from './useAppCommands.js';
import { reviewedIds, useCsvExport } from './useCsvExport.js';
import { useGridFilters } from './useGridFilters.js';
import { useGridRows } from './useGridRows.js';
import { useNotices } from './useNotices.js';
import { useReview } from './useReview.js';
import { useReviewActions } from './useReviewActions.js';
import { useComparison } from './compare/useComparison.js';
import { useColumnRedraw } from './useColumnRedraw.js';
import { DroppedFileChoice, useDroppedFile } from './compare/DroppedFileChoice.js';

export function App() {
  const searchRef = useRef<HTMLInputElement>(null);
  const details = useState(true);
  const { notice, setNotice, showFailure } = useNotices();
  const { message, announce } = useAnnouncer();
  const arrivals = useRef<(rows: ChangeRow[]) => void>(() => undefined);
  const rows = useGridRows((batch) => arrivals.current(batch));
  const { session, gridApi } = rows;
  const filters = useGridFilters(rows.refilter, session.file?.readId);
  const redraw = useColumnRedraw(gridApi, rows.refilter);
  const onReviewMessage = useCallback((text: string, kind: 'info' | 'error') => setNotice({ kind, text }), [setNotice]);
  const review = useReview(session.file?.readId, rows.allRows, redraw.review, onReviewMessage);
  arrivals.current = review.rowsArrived;
  // After the dialog has left the page: a dialog removed from the page hands focus to the body.
  const returnFocus = useCallback(() => void window.setTimeout(() => focusGrid(gridApi.current), 0), [gridApi]);
  const reviewed = useMemo(() => ({ allRows: rows.allRows, marks: review.marks }), [rows.allRows, review.marks]);
  const csv = useCsvExport(rows.shownRows, session, reviewed, setNotice, returnFocus);
  const reviewFiltered = () => filters.filterRef.current.review !== 'all';
  const actions = useReviewActions({ rows, review, reviewFiltered, announce, setNotice, onDialogClosed: returnFocus });
  useReadAnnouncements(session, announce);
  const comparison = useComparison(session.file?.readId, redraw.comparison, setNotice);
  useAppCommands(searchRef, csv.startExport, review.chooseReviewFile, comparison.compareWith);
  const [dropped, onDroppedWhileOpen, droppedDone] = useDroppedFile(returnFocus);
  useListening(showFailure);

  const openDialog = useCallback(() => void reviewApi().showOpenDialog().catch(showFailure), [showFailure]);
  const cancelRead = useCallback(() => void reviewApi().cancelRead().catch(showFailure), [showFailure]);
  const onRefused = useCallback((text: string) => setNotice({ kind: 'error', text }), [setNotice]);
  const { status, file } = session;
  const reviewing = file !== null && (status === 'reading' || status === 'done');
  return (
    <DropZone onRefused={onRefused} onDroppedWhileOpen={status === 'done' ? onDroppedWhileOpen : undefined}>
      <div className="app">
        <div className="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
          {message}
        </div>
        {notice && <NoticeStrip notice={notice} onDismiss={() => setNotice(null)} />}
        {!reviewing && <ReadOutcome session={session} />}
        {!reviewing && <EmptyState onOpen={openDialog} />}
        {reviewing && file && (
          <ReviewView
            file={file}
            rows={rows}
            filters={filters}
            review={review}
            actions={actions}
            searchRef={searchRef}
            onOpen={openDialog}
            onExport={csv.startExport}
            onCancelRead={cancelRead}
            details={details}
            onExportMembers={(groupId) => void csv.exportMembers(groupId)}
            comparison={comparison}
          />
        )}
        {csv.exporting && (
          <ExportDialog
            counts={{ shown: rows.shown, selected: rows.selected, reviewed: reviewedIds(reviewed).length }}
            onCancel={csv.cancelExport}
            onExport={(scope, level) => void csv.runExport(scope, level)}
          />
        )}
        <ReviewDialogs review={review} actions={actions} onProblemClosed={returnFocus} />
        {dropped && file && (
          <DroppedFileChoice
            dropped={dropped}
            openName={file.name}
            comparison={comparison}
            onRefused={onRefused}
            onFailure={showFailure}
            onDone={droppedDone}
          />
        )}
      </div>
    </DropZone>
  );
}
