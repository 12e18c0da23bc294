/** The review of an open file: toolbar, progress, delete banner, grid with details, status bar. */
import type { RefObject } from 'react';
import type { OpenedFile } from '../shared/app/ipc-contract.js';
import { deleteCount } from '../shared/model/operations.js';
import { ALL_DELETES } from '../shared/rows/filter-rows.js';
import { ChangeGrid } from './ChangeGrid.js';
import { DeleteBanner } from './DeleteBanner.js';
import { DetailPanel } from './DetailPanel.js';
import { formatCount } from './format.js';
import { ProgressBar } from './ProgressBar.js';
import { StatusBar } from './StatusBar.js';
import { darkGridTheme, lightGridTheme, useDarkMode } from './theme.js';
import { Toolbar } from './Toolbar.js';
import { useDeleteThreshold } from './useDeleteThreshold.js';
import type { GridFilters } from './useGridFilters.js';
import type { GridRows } from './useGridRows.js';
import type { RowCounts } from './useReadSession.js';

interface ReviewViewProps {
  file: OpenedFile;
  rows: GridRows;
  filters: GridFilters;
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

export function ReviewView({ file, rows, filters, searchRef, onOpen, onExport, onCancelRead, details }: ReviewViewProps) {
  const dark = useDarkMode();
  const [threshold, setThreshold] = useDeleteThreshold();
  const [detailsOpen, setDetailsOpen] = details;
  const { session, focused } = rows;
  const { counts } = session;
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
      />
      {session.progress && <ProgressBar progress={session.progress} onCancel={onCancelRead} />}
      <DeleteBanner
        deletes={deleteCount(counts.operations)}
        breakdown={deleteBreakdown(counts)}
        threshold={threshold}
        onThreshold={setThreshold}
        onShowDeletes={() => filters.chooseOperation(ALL_DELETES)}
      />
      <div className="workspace">
        <ChangeGrid
          theme={dark ? darkGridTheme : lightGridTheme}
          filterRef={filters.filterRef}
          onReady={rows.onGridReady}
          onFocusRow={rows.setFocused}
          onOpenDetails={() => setDetailsOpen(true)}
          onCountsChanged={rows.refreshCounts}
          reading={session.status === 'reading'}
        />
        {detailsOpen && focused && <DetailPanel readId={file.readId} row={focused} onClose={() => setDetailsOpen(false)} />}
      </div>
      <StatusBar session={session} shown={rows.shown} selected={rows.selected} />
    </>
  );
}
