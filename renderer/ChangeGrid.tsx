/**
 * The review grid: AG Grid does the grid work (stable row ids, batched transactions, an external
 * filter for the chips, type and search, column filters, checkbox selection).
 */
import { useCallback, useMemo } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type {
  IFilterOptionDef,
  CellFocusedEvent,
  CellKeyDownEvent,
  ColDef,
  GridApi,
  GridReadyEvent,
  ICellRendererParams,
  IRowNode,
  RowSelectionOptions,
  Theme,
} from 'ag-grid-community';
import type { ChangeRow } from '../shared/rows/change-row.js';
import type { CompareClass } from '../shared/compare/compare-model.js';
import { CLASS_LABELS } from '../shared/compare/compare-csv.js';
import { matchesGridFilter, type GridFilter } from '../shared/rows/filter-rows.js';
import type { ReviewMark, ReviewState } from '../shared/review/review-marks.js';
import { operationLabel } from './format.js';
import { REVIEW_KEYS, type ReviewKeyAction } from './review-keys.js';
import { ReviewCell, reviewTooltip } from './ReviewCell.js';

/** What the grid's cells read the review from: refs, so marking a row never re-creates the grid's columns. */
export interface GridContext {
  stateOf: (row: ChangeRow) => ReviewState | '';
  markOf: (row: ChangeRow) => ReviewMark | undefined;
  /** The row's class in a comparison with another export ('' without one). */
  comparisonOf: (row: ChangeRow) => CompareClass | '';
}

interface ChangeGridProps {
  theme: Theme;
  filterRef: { current: GridFilter };
  context: GridContext;
  /** A review key (A, F, U, N) pressed on a row. */
  onReviewKey: (action: ReviewKeyAction) => void;
  onReady: (api: GridApi<ChangeRow> | null) => void;
  onFocusRow: (row: ChangeRow | undefined) => void;
  onOpenDetails: () => void;
  onCountsChanged: () => void;
  /** True while rows still stream in. */
  reading: boolean;
}

function OperationCell(params: ICellRendererParams<ChangeRow, string>) {
  const operation = params.value ?? '';
  return <span className={`op-pill op-${operation.replace(/[^a-z-]/g, '-')}`}>{operationLabel(operation)}</span>;
}

/** The Changed attributes column's own filter option: rows whose delta changes the attribute named (any case). */
const CHANGES_ATTRIBUTE: IFilterOptionDef = {
  displayKey: 'changesAttribute',
  displayName: 'Changes attribute',
  numberOfInputs: 1,
  predicate: ([name], cellValue) => {
    const wanted = String(name ?? '')
      .trim()
      .toLowerCase();
    return String(cellValue ?? '')
      .toLowerCase()
      .split(', ')
      .includes(wanted);
  },
};

const columns: ColDef<ChangeRow>[] = [
  { field: 'operation', headerName: 'Operation', width: 130, cellRenderer: OperationCell, filter: 'agTextColumnFilter' },
  {
    colId: 'review',
    headerName: 'Review',
    width: 140,
    valueGetter: (params) => (params.data ? (params.context as GridContext).stateOf(params.data) : ''),
    cellRenderer: ReviewCell,
    tooltipValueGetter: (params) => (params.data ? reviewTooltip((params.context as GridContext).markOf(params.data)) : undefined),
    filter: 'agTextColumnFilter',
  },
  {
    // Shown while the file is compared with another export (useComparisonColumn).
    colId: 'comparison',
    headerName: 'Comparison',
    width: 150,
    hide: true,
    valueGetter: (params) => {
      const compared = params.data ? (params.context as GridContext).comparisonOf(params.data) : '';
      return compared ? CLASS_LABELS[compared] : '';
    },
    filter: 'agTextColumnFilter',
  },
  { field: 'objectType', headerName: 'Type', width: 110, filter: 'agTextColumnFilter' },
  { field: 'userPrincipalName', headerName: 'UPN', width: 250, filter: 'agTextColumnFilter' },
  { field: 'displayName', headerName: 'Display name', width: 200, filter: 'agTextColumnFilter' },
  { field: 'mail', headerName: 'Mail', width: 230, filter: 'agTextColumnFilter' },
  { field: 'dn', headerName: 'DN', width: 300, filter: 'agTextColumnFilter', tooltipField: 'dn' },
  {
    colId: 'changedAttributes',
    headerName: 'Changed attributes',
    width: 280,
    valueGetter: (params) => params.data?.changedAttributes.join(', ') ?? '',
    tooltipValueGetter: (params) => params.data?.changedAttributes.join(', ') ?? '',
    filter: 'agTextColumnFilter',
    // "Changes attribute" matches a whole attribute name: "mail" is not "mailNickname".
    filterParams: { filterOptions: [CHANGES_ATTRIBUTE, 'contains', 'notContains', 'blank', 'notBlank'], buttons: ['reset'] },
  },
  { field: 'identitySource', headerName: 'Identity from', width: 170, filter: 'agTextColumnFilter' },
  { field: 'firstError', headerName: 'Error', width: 180, filter: 'agTextColumnFilter' },
  { field: 'id', headerName: 'Id', width: 320, filter: 'agTextColumnFilter' },
];

/** Named for screen readers (axe: empty-table-header), the name hidden beside the checkbox. */
const selectionColumn = { headerName: 'Select', headerClass: 'selection-header' };

/**
 * The header's select-all box only once the read is done: AG Grid works out its state by walking
 * every row after each batch that arrives (its cost: ARCHITECTURE.md), and "select all" of a file
 * still arriving would select a moving target anyway.
 */
function rowSelectionFor(reading: boolean): RowSelectionOptions<ChangeRow> {
  return { mode: 'multiRow', checkboxes: true, headerCheckbox: !reading, selectAll: 'filtered', enableClickSelection: false };
}

export function ChangeGrid({ theme, filterRef, context, onReviewKey, onReady, onFocusRow, onOpenDetails, onCountsChanged, reading }: ChangeGridProps) {
  const rowSelection = useMemo(() => rowSelectionFor(reading), [reading]);
  const defaultColDef = useMemo<ColDef<ChangeRow>>(() => ({ sortable: true, resizable: true, filterParams: { buttons: ['reset'] } }), []);

  const isExternalFilterPresent = useCallback(() => true, []);
  const doesExternalFilterPass = useCallback(
    (node: IRowNode<ChangeRow>) => {
      const row = node.data;
      if (!row) return false;
      return matchesGridFilter(row, filterRef.current, context.stateOf(row), context.comparisonOf(row));
    },
    [filterRef, context],
  );

  const onGridReady = useCallback((event: GridReadyEvent<ChangeRow>) => onReady(event.api), [onReady]);
  const onCellFocused = useCallback(
    (event: CellFocusedEvent<ChangeRow>) => {
      if (event.rowIndex === null || event.rowIndex === undefined) return;
      onFocusRow(event.api.getDisplayedRowAtIndex(event.rowIndex)?.data);
    },
    [onFocusRow],
  );
  const onCellKeyDown = useCallback(
    (event: CellKeyDownEvent<ChangeRow>) => {
      const key = event.event as KeyboardEvent | undefined;
      if (!key) return;
      if (key.key === 'Enter') return onOpenDetails();
      const action = key.ctrlKey || key.metaKey || key.altKey ? undefined : REVIEW_KEYS[key.key.toLowerCase()];
      if (!action) return;
      key.preventDefault();
      onReviewKey(action);
    },
    [onOpenDetails, onReviewKey],
  );

  return (
    <div className="grid-host">
      <AgGridReact<ChangeRow>
        theme={theme}
        containerStyle={{ height: '100%', width: '100%' }}
        columnDefs={columns}
        defaultColDef={defaultColDef}
        getRowId={(params) => params.data.id}
        selectionColumnDef={selectionColumn}
        context={context}
        rowSelection={rowSelection}
        isExternalFilterPresent={isExternalFilterPresent}
        doesExternalFilterPass={doesExternalFilterPass}
        onGridReady={onGridReady}
        onGridPreDestroyed={() => onReady(null)}
        onCellFocused={onCellFocused}
        onCellKeyDown={onCellKeyDown}
        onRowDoubleClicked={onOpenDetails}
        onFilterChanged={onCountsChanged}
        onSelectionChanged={onCountsChanged}
        onRowDataUpdated={onCountsChanged}
        asyncTransactionWaitMillis={100}
        rowBuffer={20}
        tooltipShowDelay={600}
        animateRows={false}
        suppressCellFocus={false}
        overlayNoRowsTemplate="No rows match the filters"
      />
    </div>
  );
}
