/**
 * Rows into the grid and the grid's counts out: read events become grid transactions (rows that
 * arrived before the grid existed are handed over when it is ready), and the status bar's shown and
 * selected counts follow the grid.
 */
import { useCallback, useRef, useState, type RefObject } from 'react';
import type { GridApi } from 'ag-grid-community';
import type { ChangeRow } from '../shared/rows/change-row.js';
import { useReadSession, type ReadSession } from './useReadSession.js';

export interface GridRows {
  gridApi: RefObject<GridApi<ChangeRow> | null>;
  session: ReadSession;
  shown: number;
  selected: number;
  focused: ChangeRow | undefined;
  setFocused: (row: ChangeRow | undefined) => void;
  onGridReady: (api: GridApi<ChangeRow> | null) => void;
  refreshCounts: () => void;
  /** Every row read so far, in file order. */
  allRows: { readonly current: ChangeRow[] };
}

/** `onArrived` hears each batch of rows as it reaches the grid. */
export function useGridRows(onArrived: (rows: ChangeRow[]) => void): GridRows {
  const arrived = useRef(onArrived);
  arrived.current = onArrived;
  const gridApi = useRef<GridApi<ChangeRow> | null>(null);
  const [shown, setShown] = useState(0);
  const [selected, setSelected] = useState(0);
  const [focused, setFocused] = useState<ChangeRow | undefined>();

  const onRows = useCallback((rows: ChangeRow[], reset: boolean) => {
    if (!reset) arrived.current(rows);
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
      api.setGridOption('rowData', sessionRows.current.slice());
      refreshCounts();
    },
    [refreshCounts],
  );

  return { gridApi, session, shown, selected, focused, setFocused, onGridReady, refreshCounts, allRows: session.rowsRef };
}
