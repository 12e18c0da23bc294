/**
 * The review grid: AG Grid's Infinite Row Model draws the rows, keyboard and columns; which rows
 * show, in what order, and which are selected is `ShownRows`' (the grid holds only the blocks on
 * screen, so a million rows cost no more to filter than a typed-array pass; ARCHITECTURE.md).
 */
import { useCallback, useMemo, useRef } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type {
  IFilterOptionDef,
  CellFocusedEvent,
  CellKeyDownEvent,
  ColDef,
  GridApi,
  GridReadyEvent,
  ICellRendererParams,
  IDatasource,
  Theme,
} from 'ag-grid-community';
import type { ChangeRow } from '../shared/rows/change-row.js';
import type { CompareClass } from '../shared/compare/compare-model.js';
import { CLASS_LABELS } from '../shared/compare/compare-csv.js';
import { matchesOperationChoice, restOfGridFilter, type GridFilter } from '../shared/rows/filter-rows.js';
import { CHANGES_ATTRIBUTE, listsAttribute, type CellText, type ColumnFilterModel } from '../shared/grid/column-filter.js';
import type { ShownRows } from '../shared/grid/shown-rows.js';
import type { ColumnSort } from '../shared/grid/sort-rows.js';
import type { ReviewMark, ReviewState } from '../shared/review/review-marks.js';
import { operationLabel } from './format.js';
import { REVIEW_KEYS, type ReviewKeyAction } from './review-keys.js';
import { ReviewCell, reviewTooltip } from './ReviewCell.js';
import type { GridSelection } from './grid/grid-selection.js';
import { RowCheckbox, SelectAllCheckbox } from './grid/SelectionCells.js';

/** What the grid's cells read the review from: refs, so marking a row never re-creates the grid's columns. */
export interface GridContext {
  stateOf: (row: ChangeRow) => ReviewState | '';
  markOf: (row: ChangeRow) => ReviewMark | undefined;
  /** The row's class in a comparison with another export ('' without one). */
  comparisonOf: (row: ChangeRow) => CompareClass | '';
}

/** The grid's context as its cells get it: the review, and the selection's checkboxes. */
type CellContext = GridContext & { selection: GridSelection };

interface ChangeGridProps {
  theme: Theme;
  filterRef: { current: GridFilter };
  context: GridContext;
  shown: ShownRows;
  selection: GridSelection;
  /** A review key (A, F, U, N) pressed on a row. */
  onReviewKey: (action: ReviewKeyAction) => void;
  onReady: (api: GridApi<ChangeRow> | null) => void;
  onFocusRow: (row: ChangeRow | undefined) => void;
  onOpenDetails: () => void;
  /** The rows shown changed (their count, or which). */
  onCountsChanged: () => void;
}

function OperationCell(params: ICellRendererParams<ChangeRow, string>) {
  const operation = params.value ?? '';
  return <span className={`op-pill op-${operation.replace(/[^a-z-]/g, '-')}`}>{operationLabel(operation)}</span>;
}

/** A cell's text as it is shown, sorted and filtered. */
function cellText(context: GridContext): CellText<ChangeRow> {
  return (row, colId) => {
    if (colId === 'review') return context.stateOf(row);
    if (colId === 'comparison') {
      const compared = context.comparisonOf(row);
      return compared ? CLASS_LABELS[compared] : '';
    }
    if (colId === 'changedAttributes') return row.changedAttributes.join(', ');
    const value = row[colId as keyof ChangeRow];
    return typeof value === 'string' ? value : String(value ?? '');
  };
}

/**
 * The Changed attributes column's own filter option: rows whose delta changes the attribute named
 * (any case). `ShownRows` applies it (`columnFilterTest`); the grid's option names the same rule.
 */
const CHANGES_ATTRIBUTE_OPTION: IFilterOptionDef = {
  displayKey: CHANGES_ATTRIBUTE,
  displayName: 'Changes attribute',
  numberOfInputs: 1,
  predicate: ([name], cellValue) => listsAttribute(String(cellValue ?? ''), String(name ?? '')),
};

/** Named for screen readers by its checkbox (axe: empty-table-header), which selects every row shown. */
const selectionColumn: ColDef<ChangeRow> = {
  colId: 'select',
  headerName: 'Select',
  headerComponent: SelectAllCheckbox,
  cellRenderer: RowCheckbox,
  width: 52,
  sortable: false,
  resizable: false,
  filter: false,
  lockPosition: 'left',
  suppressMovable: true,
  suppressHeaderMenuButton: true,
};

const columns: ColDef<ChangeRow>[] = [
  selectionColumn,
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
    filterParams: { filterOptions: [CHANGES_ATTRIBUTE_OPTION, 'contains', 'notContains', 'blank', 'notBlank'], buttons: ['reset'] },
  },
  { field: 'identitySource', headerName: 'Identity from', width: 170, filter: 'agTextColumnFilter' },
  { field: 'firstError', headerName: 'Error', width: 180, filter: 'agTextColumnFilter' },
  { field: 'id', headerName: 'Id', width: 320, filter: 'agTextColumnFilter' },
];

/** How many rows the grid asks for at a time, and how many such blocks it keeps: what it holds of a million. */
const BLOCK_ROWS = 5000;
const BLOCKS_KEPT = 3;

export function ChangeGrid(props: ChangeGridProps) {
  const { theme, filterRef, context, shown, selection, onReviewKey, onReady, onFocusRow, onOpenDetails, onCountsChanged } = props;
  const defaultColDef = useMemo<ColDef<ChangeRow>>(() => ({ sortable: true, resizable: true, filterParams: { buttons: ['reset'] } }), []);
  const cellContext = useMemo<CellContext>(() => ({ ...context, selection }), [context, selection]);
  const latest = useRef({ context, onCountsChanged });
  latest.current = { context, onCountsChanged };

  // One data source for the grid's life: it reads the filters and the review through refs.
  const datasource = useMemo<IDatasource>(
    () => ({
      getRows: (params) => {
        const { context: states, onCountsChanged: counted } = latest.current;
        const filter = filterRef.current;
        const changed = shown.update({
          showsOperation: (row) => matchesOperationChoice(row, filter.operation),
          keep: restOfGridFilter(filter, states),
          search: filter.search,
          filterModel: params.filterModel as ColumnFilterModel | null,
          sortModel: params.sortModel as ColumnSort[],
          cellText: cellText(states),
        });
        params.successCallback(shown.slice(params.startRow, params.endRow), shown.length);
        if (changed) {
          selection.changed();
          counted();
        }
      },
    }),
    [filterRef, shown, selection],
  );

  const onGridReady = useCallback((event: GridReadyEvent<ChangeRow>) => onReady(event.api), [onReady]);
  const onCellFocused = useCallback(
    (event: CellFocusedEvent<ChangeRow>) => {
      if (event.rowIndex === null || event.rowIndex === undefined) return;
      onFocusRow(shown.rowAt(event.rowIndex));
    },
    [onFocusRow, shown],
  );
  const onCellKeyDown = useCallback(
    (event: CellKeyDownEvent<ChangeRow>) => {
      const key = event.event as KeyboardEvent | undefined;
      if (!key) return;
      if (key.key === 'Enter') return onOpenDetails();
      if (key.key === ' ' && event.rowIndex !== null) {
        key.preventDefault();
        return selection.toggle(event.rowIndex, key.shiftKey);
      }
      const action = key.ctrlKey || key.metaKey || key.altKey ? undefined : REVIEW_KEYS[key.key.toLowerCase()];
      if (!action) return;
      key.preventDefault();
      onReviewKey(action);
    },
    [onOpenDetails, onReviewKey, selection],
  );

  return (
    <div className="grid-host">
      <AgGridReact<ChangeRow>
        theme={theme}
        containerStyle={{ height: '100%', width: '100%' }}
        columnDefs={columns}
        defaultColDef={defaultColDef}
        rowModelType="infinite"
        datasource={datasource}
        cacheBlockSize={BLOCK_ROWS}
        maxBlocksInCache={BLOCKS_KEPT}
        getRowId={(params) => params.data.id}
        context={cellContext}
        onGridReady={onGridReady}
        onGridPreDestroyed={() => onReady(null)}
        onCellFocused={onCellFocused}
        onCellKeyDown={onCellKeyDown}
        onRowDoubleClicked={onOpenDetails}
        rowBuffer={10}
        tooltipShowDelay={600}
        animateRows={false}
        suppressCellFocus={false}
        overlayNoRowsTemplate="No rows match the filters"
      />
    </div>
  );
}
