/** Redraws one column of the rows on screen and works out the rows shown again: after marks or a comparison change what the rows show. */
import { useMemo, type RefObject } from 'react';
import type { GridApi } from 'ag-grid-community';
import type { ChangeRow } from '../shared/rows/change-row.js';

export function useColumnRedraw(gridApi: RefObject<GridApi<ChangeRow> | null>, refilter: () => void): { review: () => void; comparison: () => void } {
  return useMemo(() => {
    const redraw = (column: string) => () => {
      gridApi.current?.refreshCells({ columns: [column], force: true });
      refilter();
    };
    return { review: redraw('review'), comparison: redraw('comparison') };
  }, [gridApi, refilter]);
}
