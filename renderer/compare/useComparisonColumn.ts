/** The Comparison column shows only while there is a comparison; its chip's filter goes with it. */
import { useEffect, type RefObject } from 'react';
import type { GridApi } from 'ag-grid-community';
import type { ChangeRow } from '../../shared/rows/change-row.js';
import type { GridFilters } from '../useGridFilters.js';

export function useComparisonColumn(
  gridApi: RefObject<GridApi<ChangeRow> | null>,
  compared: boolean,
  filters: Pick<GridFilters, 'filterRef' | 'chooseComparison'>,
): void {
  const { filterRef, chooseComparison } = filters;
  useEffect(() => {
    const api = gridApi.current;
    if (api && !api.isDestroyed()) {
      api.setColumnsVisible(['comparison'], compared);
      api.refreshCells({ columns: ['comparison'], force: true });
    }
    if (!compared && filterRef.current.comparison !== 'all') chooseComparison('all');
  }, [gridApi, compared, filterRef, chooseComparison]);
}
