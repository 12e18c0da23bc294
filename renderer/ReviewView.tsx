/** The review of an open file: toolbar with chips, progress, delete banner, grid with details, status bar. */
import { useMemo, type RefObject } from 'react';
import type { OpenedFile } from '../shared/app/ipc-contract.js';
import { deleteCount } from '../shared/model/operations.js';
import { ALL_DELETES } from '../shared/rows/filter-rows.js';
import { deleteProgress } from '../shared/review/review-counts.js';
import { ChangeGrid, type GridContext } from './ChangeGrid.js';
import { DeleteBanner } from './DeleteBanner.js';
import { DetailPanel } from './DetailPanel.js';
import { formatCount } from './format.js';
import { ProgressBar } from './ProgressBar.js';
import { ReviewChips } from './ReviewChips.js';
import { ReviewSection } from './ReviewSection.js';
import { StatusBar } from './StatusBar.js';
import { darkGridTheme, lightGridTheme, useDarkMode } from './theme.js';
import { Toolbar } from './Toolbar.js';
import { useDeleteThreshold } from './useDeleteThreshold.js';
import type { GridFilters } from './useGridFilters.js';
import type { GridRows } from './useGridRows.js';
import type { RowCounts } from './useReadSession.js';
import type { Review } from './useReview.js';
import type { ReviewActions } from './useReviewActions.js';

interface ReviewViewProps {
  file: OpenedFile;
  rows: GridRows;
  filters: GridFilters;
  review: Review;
  actions: ReviewActions;
  searchRef: RefObject<HTMLInputElement | null>;
  onOpen: () => void;
  onExport: () => void;
  onCancelRead: () => void;
  /** Kept by App, so a closed panel stays closed from one file to the next. */
  details: [open: boolean, setOpen: (open: boolean) => void];
}

/** "3 delete, 1 delete-add" when the file has delete-adds; the banner's count alone otherwise. */
function deleteBreakdown(counts: RowCounts): string {
  const deleteAdds = counts.operations['delete-add'] ?? 0;
  return deleteAdds ? `${formatCount(counts.operations['delete'] ?? 0)} delete, ${formatCount(deleteAdds)} delete-add` : '';
}

export function ReviewView({ file, rows, filters, review, actions, searchRef, onOpen, onExport, onCancelRead, details }: ReviewViewProps) {
  const dark = useDarkMode();
  const [threshold, setThreshold] = useDeleteThreshold();
  const [detailsOpen, setDetailsOpen] = details;
  const { session, focused } = rows;
  const { counts } = session;
  const context = useMemo<GridContext>(() => ({ stateOf: review.stateOf, markOf: (row) => review.marks.current.get(row.id) }), [review.stateOf, review.marks]);
  const chips = (
    <ReviewChips counts={review.counts.all} choice={filters.filter.review} onChoose={filters.chooseReview} onApproveShown={actions.askApproveShown} />
  );
  return (
    <>
      <Toolbar
        file={file}
        counts={counts}
        elapsedMs={session.summary?.elapsedMs ?? null}
        operation={filters.filter.operation}
        objectType={filters.filter.objectType}
        search={filters.search}
        searchRef={searchRef}
        onOperation={filters.chooseOperation}
        onObjectType={filters.chooseObjectType}
        onSearch={filters.setSearch}
        onExport={onExport}
        onOpen={onOpen}
        reviewChips={chips}
      />
      <main className="review-main" aria-label="Pending changes">
        {session.progress && <ProgressBar progress={session.progress} onCancel={onCancelRead} />}
        <DeleteBanner
          deletes={deleteCount(counts.operations)}
          breakdown={deleteBreakdown(counts)}
          threshold={threshold}
          onThreshold={setThreshold}
          onShowDeletes={() => filters.chooseOperation(ALL_DELETES)}
          progress={deleteProgress(review.counts.deletes)}
        />
        <div className="workspace">
          <ChangeGrid
            theme={dark ? darkGridTheme : lightGridTheme}
            filterRef={filters.filterRef}
            context={context}
            onReviewKey={actions.onKey}
            onReady={rows.onGridReady}
            onFocusRow={rows.setFocused}
            onOpenDetails={() => setDetailsOpen(true)}
            onCountsChanged={rows.refreshCounts}
            reading={session.status === 'reading'}
          />
          {detailsOpen && focused && (
            <DetailPanel
              readId={file.readId}
              row={focused}
              onClose={() => setDetailsOpen(false)}
              review={
                <ReviewSection
                  row={focused}
                  state={review.stateOf(focused)}
                  mark={review.marks.current.get(focused.id)}
                  onMark={(action) => void actions.markRows([focused], action)}
                  onNote={() => actions.openNote([focused])}
                />
              }
            />
          )}
        </div>
      </main>
      <StatusBar
        session={session}
        shown={rows.shown}
        selected={rows.selected}
        storage={review.storage}
        onChooseReviewFile={() => void review.chooseReviewFile()}
      />
    </>
  );
}
