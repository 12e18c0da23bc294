/** Focus back on the grid's focused cell (after a dialog closes), or its first row when none was focused. */
import type { GridApi } from 'ag-grid-community';

export function focusGrid<T>(api: GridApi<T> | null | undefined): void {
  if (!api || api.isDestroyed()) return;
  const cell = api.getFocusedCell();
  if (cell) api.setFocusedCell(cell.rowIndex, cell.column, cell.rowPinned);
  else if (api.getDisplayedRowCount() > 0) {
    const first = api.getAllDisplayedColumns()[0];
    if (first) api.setFocusedCell(0, first);
  }
}
