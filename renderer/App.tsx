/**
 * The app: empty state → reading (progress, first rows) → review (chips, search, grid, details) →
 * CSV export. Rows flow one way: read events → grid transactions; the grid owns filtering and selection.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { GridApi } from 'ag-grid-community';
import type { ChangeRow } from '../shared/rows/change-row.js';
import type { CsvLevel } from '../shared/csv/csv-rows.js';
import { deleteCount } from '../shared/model/operations.js';
import { ALL_DELETES } from '../shared/rows/filter-rows.js';
import { failureMessage, type Notice } from '../shared/app/ipc-contract.js';
import { reviewApi } from './api.js';
import { ChangeGrid, type GridFilter } from './ChangeGrid.js';
import { DeleteBanner } from './DeleteBanner.js';
import { DetailPanel } from './DetailPanel.js';
import { DropZone, EmptyState } from './DropZone.js';
import { ExportDialog } from './ExportDialog.js';
import { ProgressBar } from './ProgressBar.js';
import { Toolbar } from './Toolbar.js';
import { darkGridTheme, lightGridTheme, useDarkMode } from './theme.js';
import { useReadSession } from './useReadSession.js';
import { formatCount } from './format.js';

const THRESHOLD_KEY = 'export-review.delete-threshold';
const DEFAULT_THRESHOLD = 500;

function storedThreshold(): number {
  const value = Number(window.localStorage.getItem(THRESHOLD_KEY));
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_THRESHOLD;
}

export function App() {
  const dark = useDarkMode();
  const gridApi = useRef<GridApi<ChangeRow> | null>(null);
  const filterRef = useRef<GridFilter>({ operation: 'all', objectType: 'all' });
  const searchRef = useRef<HTMLInputElement>(null);
  const [operation, setOperation] = useState('all');
  const [objectType, setObjectType] = useState('all');
  const [search, setSearch] = useState('');
  const [focused, setFocused] = useState<ChangeRow | undefined>();
  const [detailsOpen, setDetailsOpen] = useState(true);
  const [shown, setShown] = useState(0);
  const [selected, setSelected] = useState(0);
  const [exporting, setExporting] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [threshold, setThreshold] = useState(storedThreshold);

  const onRows = useCallback((rows: ChangeRow[], reset: boolean) => {
    const api = gridApi.current;
    if (!api) return;
    if (reset) {
      api.flushAsyncTransactions();
      api.setGridOption('rowData', []);
      setFocused(undefined);
      return;
    }
    api.applyTransactionAsync({ add: rows });
  }, []);
  const session = useReadSession(onRows);
  const sessionRows = useRef(session.rows);
  sessionRows.current = session.rows;

  const refreshCounts = useCallback(() => {
    const api = gridApi.current;
    if (!api) return;
    setShown(api.getDisplayedRowCount());
    setSelected(api.getSelectedRows().length);
  }, []);

  const onGridReady = useCallback(
    (api: GridApi<ChangeRow> | null) => {
      gridApi.current = api;
      if (!api) return;
      // Rows that arrived before the grid existed.
      api.setGridOption('rowData', sessionRows.current.slice());
      refreshCounts();
    },
    [refreshCounts],
  );

  const applyFilter = useCallback((next: Partial<GridFilter>) => {
    filterRef.current = { ...filterRef.current, ...next };
    gridApi.current?.onFilterChanged();
  }, []);

  const chooseOperation = useCallback(
    (value: string) => {
      setOperation(value);
      applyFilter({ operation: value });
    },
    [applyFilter],
  );

  // Typing stays responsive on 500,000 rows: the grid filters once the typing pauses.
  useEffect(() => {
    const timer = window.setTimeout(() => gridApi.current?.setGridOption('quickFilterText', search), search ? 150 : 0);
    return () => window.clearTimeout(timer);
  }, [search]);

  // A new file starts with every filter cleared.
  const readId = session.file?.readId;
  useEffect(() => {
    setOperation('all');
    setObjectType('all');
    setSearch('');
    filterRef.current = { operation: 'all', objectType: 'all' };
    gridApi.current?.onFilterChanged();
  }, [readId]);

  // Any call that fails shows its reason: nothing the admin asks for may fail in silence.
  const showFailure = useCallback((error: unknown) => setNotice({ kind: 'error', text: failureMessage(error) }), []);
  const openDialog = useCallback(() => void reviewApi().showOpenDialog().catch(showFailure), [showFailure]);
  const cancelRead = useCallback(() => void reviewApi().cancelRead().catch(showFailure), [showFailure]);
  const startExport = useCallback(() => {
    if (session.status === 'done') setExporting(true);
    else setNotice({ kind: 'info', text: 'Open a file and let it finish reading before exporting.' });
  }, [session.status]);

  const runExport = useCallback(
    async (scope: 'shown' | 'selected', level: CsvLevel) => {
      setExporting(false);
      const api = gridApi.current;
      if (!api || !session.file) return;
      const ids: string[] = [];
      if (scope === 'selected') for (const row of api.getSelectedRows()) ids.push(row.id);
      else api.forEachNodeAfterFilterAndSort((node) => node.data && ids.push(node.data.id));
      try {
        const outcome = await reviewApi().exportCsv({ readId: session.file.readId, level, ids, scope });
        if (outcome.status === 'written')
          setNotice({ kind: 'info', text: `Wrote ${formatCount(outcome.rows)} rows (${formatCount(outcome.objects)} objects) to ${outcome.path}` });
        else if (outcome.status === 'failed') setNotice({ kind: 'error', text: `The CSV was not written: ${outcome.message}` });
      } catch (error) {
        setNotice({ kind: 'error', text: `The CSV was not written: ${failureMessage(error)}` });
      }
    },
    [session.file],
  );

  // Keyboard: Ctrl/Cmd+F focuses search; the native menu sends the same as commands.
  useEffect(() => {
    const focusSearch = () => {
      searchRef.current?.focus();
      searchRef.current?.select();
    };
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        focusSearch();
      }
    };
    window.addEventListener('keydown', onKey);
    const unsubscribe = reviewApi().onMenuCommand((command) => {
      if (command === 'find') focusSearch();
      if (command === 'export-csv') startExport();
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      unsubscribe();
    };
  }, [startExport]);

  // What the main process has to say outside any read: a refused "Open with", a vanished recent file.
  useEffect(() => reviewApi().onNotice(setNotice), []);

  // Last of the subscriptions above: files asked for before this wait in the main process until now.
  useEffect(() => void reviewApi().listening().catch(showFailure), [showFailure]);

  const onRefused = useCallback((text: string) => setNotice({ kind: 'error', text }), []);
  const updateThreshold = useCallback((value: number) => {
    setThreshold(value);
    window.localStorage.setItem(THRESHOLD_KEY, String(value));
  }, []);

  const { status, file, counts } = session;
  const reviewing = file !== null && (status === 'reading' || status === 'done');
  const deletes = deleteCount(counts.operations);
  const deleteAdds = counts.operations['delete-add'] ?? 0;
  const breakdown = deleteAdds ? `${formatCount(counts.operations['delete'] ?? 0)} delete, ${formatCount(deleteAdds)} delete-add` : '';

  return (
    <DropZone onRefused={onRefused}>
      <div className="app">
        {notice && (
          <div className={`strip notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
            <span>{notice.text}</span>
            <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => setNotice(null)}>
              ×
            </button>
          </div>
        )}
        {!reviewing && (status === 'failed' || status === 'cancelled') && (
          <div className="read-error" role="alert">
            <h2>{status === 'failed' ? `Could not read ${file?.name ?? 'the file'}` : `Reading ${file?.name ?? 'the file'} was cancelled`}</h2>
            {status === 'failed' && <p>{session.error?.message}</p>}
            <p className="muted">
              {status === 'failed'
                ? 'Nothing from this file is shown: a partly read export is not a review. Open another file, or write it again with csexport.'
                : 'Open the file again to review it.'}
            </p>
          </div>
        )}
        {!reviewing && <EmptyState onOpen={openDialog} />}
        {reviewing && file && (
          <>
            <Toolbar
              file={file}
              counts={counts}
              elapsedMs={session.summary?.elapsedMs ?? null}
              operation={operation}
              objectType={objectType}
              search={search}
              searchRef={searchRef}
              onOperation={chooseOperation}
              onObjectType={(value) => {
                setObjectType(value);
                applyFilter({ objectType: value });
              }}
              onSearch={setSearch}
              onExport={startExport}
              onOpen={openDialog}
            />
            {session.progress && <ProgressBar progress={session.progress} onCancel={cancelRead} />}
            <DeleteBanner
              deletes={deletes}
              breakdown={breakdown}
              threshold={threshold}
              onThreshold={updateThreshold}
              onShowDeletes={() => chooseOperation(ALL_DELETES)}
            />
            <div className="workspace">
              <ChangeGrid
                theme={dark ? darkGridTheme : lightGridTheme}
                filterRef={filterRef}
                onReady={onGridReady}
                onFocusRow={setFocused}
                onOpenDetails={() => setDetailsOpen(true)}
                onCountsChanged={refreshCounts}
                reading={session.status === 'reading'}
              />
              {detailsOpen && focused && <DetailPanel readId={file.readId} row={focused} onClose={() => setDetailsOpen(false)} />}
            </div>
            <footer className="status-bar" aria-label="Status">
              <span>
                Showing <strong data-testid="shown-count">{formatCount(shown)}</strong> of {formatCount(counts.pending)} pending changes
              </span>
              <span>
                <strong data-testid="selected-count">{formatCount(selected)}</strong> selected
              </span>
              {counts.withoutPending > 0 && <span>{formatCount(counts.withoutPending)} without a pending export</span>}
              {session.summary && <span className="muted">{session.summary.encoding.toUpperCase()}</span>}
            </footer>
          </>
        )}
        {exporting && (
          <ExportDialog shown={shown} selected={selected} onCancel={() => setExporting(false)} onExport={(scope, level) => void runExport(scope, level)} />
        )}
      </div>
    </DropZone>
  );
}
