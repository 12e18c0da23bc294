/** The selection column's checkboxes: one a row, and the header's "select every row shown". */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { ICellRendererParams, IHeaderParams } from 'ag-grid-community';
import type { ChangeRow } from '../../shared/rows/change-row.js';
import { rowLabel } from '../../shared/rows/change-row.js';
import type { GridSelection } from './grid-selection.js';

function selectionOf(context: unknown): GridSelection {
  return (context as { selection: GridSelection }).selection;
}

export function RowCheckbox(params: ICellRendererParams<ChangeRow>) {
  const selection = selectionOf(params.context);
  useSyncExternalStore(selection.subscribe, selection.version);
  const position = params.node.rowIndex ?? -1;
  if (!params.data) return null;
  return (
    <input
      type="checkbox"
      className="row-select"
      aria-label={`Select ${rowLabel(params.data)}`}
      checked={selection.isSelected(position)}
      onChange={() => undefined}
      onClick={(event) => selection.toggle(position, event.shiftKey)}
    />
  );
}

export function SelectAllCheckbox(params: IHeaderParams<ChangeRow>) {
  const selection = selectionOf(params.context);
  useSyncExternalStore(selection.subscribe, selection.version);
  const state = selection.shownState();
  const box = useRef<HTMLInputElement>(null);
  const offered = selection.offersSelectAll();
  useEffect(() => {
    if (box.current) box.current.indeterminate = state === 'some';
  }, [state, offered]);
  if (!offered) return <span className="visually-hidden">Select</span>;
  return (
    <input
      ref={box}
      type="checkbox"
      className="select-all-shown"
      aria-label="Select every row shown"
      checked={state === 'all'}
      onChange={() => selection.toggleAllShown()}
    />
  );
}
