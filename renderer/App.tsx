/**
 * The app: empty state → reading (progress, first rows) → review (chips, search, grid, details) →
 * CSV export. Rows flow one way: read events → grid transactions; the grid owns filtering and
 * selection. Each concern is a hook; this component only wires them together.
 */
import { useCallback, useRef, useState } from 'react';
import { reviewApi } from './api.js';
import { DropZone, EmptyState } from './DropZone.js';
import { ExportDialog } from './ExportDialog.js';
import { NoticeStrip } from './NoticeStrip.js';
import { ReadOutcome } from './ReadOutcome.js';
import { ReviewView } from './ReviewView.js';
import { useAppCommands, useListening } from './useAppCommands.js';
import { useCsvExport } from './useCsvExport.js';
import { useGridFilters } from './useGridFilters.js';
import { useGridRows } from './useGridRows.js';
import { useNotices } from './useNotices.js';

export function App() {
  const searchRef = useRef<HTMLInputElement>(null);
  const details = useState(true);
  const { notice, setNotice, showFailure } = useNotices();
  const rows = useGridRows();
  const { session, gridApi } = rows;
  const filters = useGridFilters(gridApi, session.file?.readId);
  const csv = useCsvExport(gridApi, session, setNotice);
  useAppCommands(searchRef, csv.startExport);
  useListening(showFailure);

  const openDialog = useCallback(() => void reviewApi().showOpenDialog().catch(showFailure), [showFailure]);
  const cancelRead = useCallback(() => void reviewApi().cancelRead().catch(showFailure), [showFailure]);
  const onRefused = useCallback((text: string) => setNotice({ kind: 'error', text }), [setNotice]);
  const { status, file } = session;
  const reviewing = file !== null && (status === 'reading' || status === 'done');

  return (
    <DropZone onRefused={onRefused}>
      <div className="app">
        {notice && <NoticeStrip notice={notice} onDismiss={() => setNotice(null)} />}
        {!reviewing && <ReadOutcome session={session} />}
        {!reviewing && <EmptyState onOpen={openDialog} />}
        {reviewing && file && (
          <ReviewView
            file={file}
            rows={rows}
            filters={filters}
            searchRef={searchRef}
            onOpen={openDialog}
            onExport={csv.startExport}
            onCancelRead={cancelRead}
            details={details}
          />
        )}
        {csv.exporting && (
          <ExportDialog shown={rows.shown} selected={rows.selected} onCancel={csv.cancelExport} onExport={(scope, level) => void csv.runExport(scope, level)} />
        )}
      </div>
    </DropZone>
  );
}
