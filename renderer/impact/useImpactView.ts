/**
 * The Impact view's state beside the grid: open or not, the thresholds and which are exceeded, and
 * what each click leaves in the grid (exactly the objects counted under it).
 */
import { useCallback, useMemo, useState, type RefObject } from 'react';
import type { GridApi } from 'ag-grid-community';
import type { ChangeRow } from '../../shared/rows/change-row.js';
import type { ChosenRows } from '../../shared/rows/filter-rows.js';
import type { AttributeImpact, GroupImpact, ImpactReport, ValueChangeImpact } from '../../shared/impact/impact-model.js';
import { exceededThresholds, MEMBER_REMOVALS, type ExceededThreshold, type ImpactThresholds } from '../../shared/impact/impact-thresholds.js';
import { focusGrid } from '../grid-focus.js';
import { attributeRows, groupRows, groupsLosingMembers, patternRows, rowsChangingAttribute } from './impact-choices.js';
import { useImpactThresholds } from './useImpactThresholds.js';

export interface ImpactView {
  open: boolean;
  setOpen: (open: boolean) => void;
  exceeded: ExceededThreshold[];
  thresholds: ImpactThresholds;
  setThreshold: (key: string, value: number) => void;
  showAttribute: (attribute: AttributeImpact) => void;
  showPattern: (pattern: ValueChangeImpact) => void;
  showGroup: (group: GroupImpact) => void;
  showExceeded: (key: string) => void;
}

interface ImpactViewInputs {
  report: ImpactReport | null;
  rows: { allRows: { readonly current: readonly ChangeRow[] }; gridApi: RefObject<GridApi<ChangeRow> | null> };
  chooseRows: (chosen: ChosenRows | null) => void;
  openDetails: () => void;
}

export function useImpactView({ report, rows, chooseRows, openDetails }: ImpactViewInputs): ImpactView {
  const { allRows, gridApi } = rows;
  const [thresholds, setThreshold] = useImpactThresholds();
  const [open, setOpen] = useState(false);
  const exceeded = useMemo(() => (report ? exceededThresholds(report, thresholds) : []), [report, thresholds]);
  const choose = useCallback(
    (chosen: ChosenRows, focusFirst = false) => {
      chooseRows(chosen);
      // After the grid has filtered: its one row gets the focus, so the details show it.
      if (focusFirst) window.setTimeout(() => focusGrid(gridApi.current), 0);
    },
    [chooseRows, gridApi],
  );
  const showAttribute = useCallback((attribute: AttributeImpact) => choose(attributeRows(allRows.current, attribute)), [choose, allRows]);
  const showPattern = useCallback((pattern: ValueChangeImpact) => choose(patternRows(allRows.current, pattern)), [choose, allRows]);
  const showGroup = useCallback(
    (group: GroupImpact) => {
      choose(groupRows(group), true);
      openDetails();
    },
    [choose, openDetails],
  );
  const showExceeded = useCallback(
    (key: string) => {
      setOpen(true);
      if (report) choose(key === MEMBER_REMOVALS ? groupsLosingMembers(report.groups) : rowsChangingAttribute(allRows.current, key));
    },
    [report, choose, allRows],
  );
  return { open, setOpen, exceeded, thresholds, setThreshold, showAttribute, showPattern, showGroup, showExceeded };
}
