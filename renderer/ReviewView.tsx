/** The review of an open file: toolbar with chips, progress, delete banner, grid with details, status bar. */
import { useCallback, useMemo, type RefObject } from 'react';
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
import type { ChangeRow } from '../shared/rows/change-row.js';
import type { ComparisonView } from './compare/useComparison.js';
import { ComparisonStrip } from './compare/ComparisonStrip.js';
import { ComparisonSection } from './compare/ComparisonSection.js';
import { useComparisonColumn } from './compare/useComparisonColumn.js';
import { ImpactPanel } from './impact/ImpactPanel.js';
import { ImpactBanner } from './impact/ImpactBanner.js';
import { ImpactToggle } from './impact/ImpactToggle.js';
import { ChosenRowsStrip } from './impact/ChosenRowsStrip.js';
import { useImpactView } from './impact/useImpactView.js';

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
  /** Writes the members a group gains and loses to a CSV (the member level). */
  onExportMembers: (groupId: string) => void;
  comparison: ComparisonView;
}

/** "3 delete, 1 delete-add" when the file has delete-adds; the banner's count alone otherwise. */
function deleteBreakdown(counts: RowCounts): string {
  const deleteAdds = counts.operations['delete-add'] ?? 0;
  return deleteAdds ? `${formatCount(counts.operations['delete'] ?? 0)} delete, ${formatCount(deleteAdds)} delete-add` : '';
}

/** The detail panel of the focused row, with its review section. */
function FocusedDetails({
  readId,
  row,
  review,
  actions,
  comparison,
  onClose,
  onExportMembers,
}: {
  readId: number;
  row: ChangeRow;
  review: Review;
  actions: ReviewActions;
  comparison: ComparisonView;
  onClose: () => void;
  onExportMembers: (groupId: string) => void;
}) {
  return (
    <DetailPanel
      readId={readId}
      row={row}
      onClose={onClose}
      onExportMembers={onExportMembers}
      comparison={<ComparisonSection readId={readId} row={row} comparison={comparison} />}
      review={
        <ReviewSection
          row={row}
          state={review.stateOf(row)}
          mark={review.marks.current.get(row.id)}
          onMark={(action) => void actions.markRows([row], action)}
          onNote={() => actions.openNote([row])}
        />
      }
    />
  );
}

/** The delete banner, with its threshold (remembered on this machine). */
function DeleteStrip({ counts, deletes, onShowDeletes }: { counts: RowCounts; deletes: Review['counts']['deletes']; onShowDeletes: () => void }) {
  const [threshold, setThreshold] = useDeleteThreshold();
  return (
    <DeleteBanner
      deletes={deleteCount(counts.operations)}
      breakdown={deleteBreakdown(counts)}
      threshold={threshold}
      onThreshold={setThreshold}
      onShowDeletes={onShowDeletes}
      progress={deleteProgress(deletes)}
    />
  );
}

export function ReviewView(props: ReviewViewProps) {
  const { file, rows, filters, review, actions, searchRef, onOpen, onExport, onCancelRead, details, onExportMembers, comparison } = props;
  const dark = useDarkMode();
  const [detailsOpen, setDetailsOpen] = details;
  const { session, focused } = rows;
  const { counts } = session;
  const context = useMemo<GridContext>(
    () => ({ stateOf: review.stateOf, markOf: (row) => review.marks.current.get(row.id), comparisonOf: comparison.classOf }),
    [review.stateOf, review.marks, comparison.classOf],
  );
  useComparisonColumn(rows.gridApi, comparison.state === 'done', filters);
  const chips = (
    <ReviewChips counts={review.counts.all} choice={filters.filter.review} onChoose={filters.chooseReview} onApproveShown={actions.askApproveShown} />
  );
  const openDetails = useCallback(() => setDetailsOpen(true), [setDetailsOpen]);
  const impact = useImpactView({ report: session.impact, rows, chooseRows: filters.chooseRows, openDetails });
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
        impactToggle={<ImpactToggle open={impact.open} onToggle={impact.setOpen} exceeded={impact.exceeded.length} />}
      />
      <main className="review-main" aria-label="Pending changes">
        {session.progress && <ProgressBar progress={session.progress} onCancel={onCancelRead} />}
        <DeleteStrip counts={counts} deletes={review.counts.deletes} onShowDeletes={() => filters.chooseOperation(ALL_DELETES)} />
        <ImpactBanner exceeded={impact.exceeded} onShow={impact.showExceeded} />
        <ComparisonStrip comparison={comparison} thisName={file.name} filters={filters} />
        {filters.filter.chosen && <ChosenRowsStrip chosen={filters.filter.chosen} onClear={() => filters.chooseRows(null)} />}
        <div className="workspace">
          {impact.open && <ImpactPanel report={session.impact} chosen={filters.filter.chosen?.label ?? null} view={impact} />}
          <ChangeGrid
            theme={dark ? darkGridTheme : lightGridTheme}
            filterRef={filters.filterRef}
            context={context}
            shown={rows.shownRows}
            selection={rows.selection}
            onReviewKey={actions.onKey}
            onReady={rows.onGridReady}
            onFocusRow={rows.setFocused}
            onOpenDetails={openDetails}
            onCountsChanged={rows.refreshCounts}
          />
          {detailsOpen && focused && (
            <FocusedDetails
              readId={file.readId}
              row={focused}
              review={review}
              actions={actions}
              comparison={comparison}
              onClose={() => setDetailsOpen(false)}
              onExportMembers={onExportMembers}
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
