/**
 * Rows into the grid and the grid's counts out: read events become rows of `ShownRows`, the grid's
 * data source (rows that arrive before the grid exists wait there for it); the grid is told to ask
 * again at most a few times a second while a file streams in. The status bar's shown and selected
 * counts follow `ShownRows`.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { GridApi } from 'ag-grid-community';
import type { ChangeRow } from '../shared/rows/change-row.js';
import { ShownRows } from '../shared/grid/shown-rows.js';
import { useReadSession, type ReadSession } from './useReadSession.js';
import { gridSelection, type GridSelection } from './grid/grid-selection.js';

export interface GridRows {
  gridApi: RefObject<GridApi<ChangeRow> | null>;
  session: ReadSession;
  /** Which rows the grid shows, in its order, and which are selected. */
  shownRows: ShownRows;
  selection: GridSelection;
  shown: number;
  selected: number;
  focused: ChangeRow | undefined;
  setFocused: (row: ChangeRow | undefined) => void;
  onGridReady: (api: GridApi<ChangeRow> | null) => void;
  refreshCounts: () => void;
  /** The grid's filter, or what a filter or sort reads (review states, comparison), changed: the rows shown are worked out again. */
  refilter: () => void;
  /** The rows to act on: the selected ones, else the focused row. */
  targetRows: () => ChangeRow[];
  /** Every row read so far, in file order (`ShownRows.rowsRead`, always the current read's). */
  allRows: { readonly current: readonly ChangeRow[] };
}

/** How often the grid is asked to take in rows while a file streams in: less often when that means sorting every row again. */
const ARRIVAL_REFRESH_MS = 250;
const SORTED_ARRIVAL_REFRESH_MS = 2000;

/** While a file streams in, asks the grid to take in the rows that arrived, at most every so often. */
function useArrivalRefresh(
  gridApi: RefObject<GridApi<ChangeRow> | null>,
  shownRows: ShownRows,
  selection: GridSelection,
  refreshCounts: () => void,
): () => void {
  const refreshTimer = useRef<number | null>(null);
  return useCallback(() => {
    if (refreshTimer.current !== null) return;
    refreshTimer.current = window.setTimeout(
      () => {
        refreshTimer.current = null;
        shownRows.catchUp();
        const api = gridApi.current;
        if (api && !api.isDestroyed()) api.refreshInfiniteCache();
        selection.changed();
        refreshCounts();
      },
      shownRows.isBehind ? SORTED_ARRIVAL_REFRESH_MS : ARRIVAL_REFRESH_MS,
    );
  }, [gridApi, shownRows, selection, refreshCounts]);
}

/** `onArrived` hears each batch of rows as it reaches the grid. */
export function useGridRows(onArrived: (rows: ChangeRow[]) => void): GridRows {
  const arrived = useRef(onArrived);
  arrived.current = onArrived;
  const gridApi = useRef<GridApi<ChangeRow> | null>(null);
  const [shown, setShown] = useState(0);
  const [selected, setSelected] = useState(0);
  const [focused, setFocused] = useState<ChangeRow | undefined>();
  const shownRows = useMemo(() => new ShownRows(), []);

  const refreshCounts = useCallback(() => {
    setShown(shownRows.length);
    setSelected(shownRows.selectionSize);
  }, [shownRows]);
  const selection = useMemo(() => gridSelection(shownRows, refreshCounts), [shownRows, refreshCounts]);

  const askGridAgain = useArrivalRefresh(gridApi, shownRows, selection, refreshCounts);

  const onRows = useCallback(
    (rows: ChangeRow[], reset: boolean) => {
      if (reset) {
        shownRows.clear();
        setFocused(undefined);
        const api = gridApi.current;
        if (api && !api.isDestroyed()) api.purgeInfiniteCache();
        selection.changed();
        refreshCounts();
        return;
      }
      shownRows.append(rows);
      arrived.current(rows);
      askGridAgain();
    },
    [shownRows, selection, refreshCounts, askGridAgain],
  );
  const session = useReadSession(onRows);
  const allRows = useMemo(
    () => ({
      get current(): readonly ChangeRow[] {
        return shownRows.rowsRead;
      },
    }),
    [shownRows],
  );
  const reading = session.status === 'reading';
  useEffect(() => selection.setReading(reading), [selection, reading]);

  const refilter = useCallback(() => {
    shownRows.invalidate();
    const api = gridApi.current;
    if (api && !api.isDestroyed()) api.refreshInfiniteCache();
  }, [shownRows]);

  const targetRows = useCallback((): ChangeRow[] => {
    const selectedRows = shownRows.selectedRows();
    if (selectedRows.length) return selectedRows;
    const cell = gridApi.current?.getFocusedCell();
    const row = cell ? shownRows.rowAt(cell.rowIndex) : undefined;
    return row ? [row] : [];
  }, [shownRows]);

  const onGridReady = useCallback(
    (api: GridApi<ChangeRow> | null) => {
      gridApi.current = api;
      if (api) refreshCounts();
    },
    [refreshCounts],
  );

  return {
    gridApi,
    session,
    shownRows,
    selection,
    shown,
    selected,
    focused,
    setFocused,
    onGridReady,
    refreshCounts,
    refilter,
    targetRows,
    allRows,
  };
}
