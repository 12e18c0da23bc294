/** File facts, the operation chips, the object-type filter and the search box. */
import type { RefObject } from 'react';
import { operationsInOrder } from '../shared/model/operations.js';
import { ALL_PENDING, ALL_TYPES, isOperationChosen, type OperationChoice } from '../shared/rows/filter-rows.js';
import { NO_PENDING_EXPORT } from '../shared/rows/change-row.js';
import { isDeleting } from '../shared/model/operations.js';
import type { RowCounts } from './useReadSession.js';
import { formatBytes, formatCount, formatSeconds, operationLabel } from './format.js';
import type { OpenedFile } from '../shared/app/ipc-contract.js';
import type { ReactNode } from 'react';

interface ToolbarProps {
  file: OpenedFile;
  counts: RowCounts;
  elapsedMs: number | null;
  operation: OperationChoice;
  objectType: string;
  search: string;
  searchRef: RefObject<HTMLInputElement | null>;
  onOperation: (operation: OperationChoice) => void;
  onObjectType: (objectType: string) => void;
  onSearch: (text: string) => void;
  onExport: () => void;
  onOpen: () => void;
  /** The review chips, on the filters' row. */
  reviewChips: ReactNode;
  /** The button that shows and hides the Impact view. */
  impactToggle: ReactNode;
}

/** The usual three first, in review order, then any other operation the file has. */
function chipOperations(counts: RowCounts): string[] {
  return operationsInOrder(Object.keys(counts.operations), ['add', 'update', 'delete']);
}

export function Toolbar(props: ToolbarProps) {
  const { file, counts } = props;
  const chip = (value: OperationChoice, label: string, count: number, extraClass = '') => (
    <button
      key={value}
      type="button"
      className={`chip ${extraClass} ${isOperationChosen(value, props.operation) ? 'chip-active' : ''}`}
      aria-pressed={isOperationChosen(value, props.operation)}
      onClick={() => props.onOperation(value)}
    >
      {label} <span className="chip-count">{formatCount(count)}</span>
    </button>
  );
  return (
    <header className="toolbar">
      <div className="file-facts">
        <h1 className="file-name" title={file.path}>
          {file.name}
        </h1>
        <span className="fact">{formatBytes(file.sizeBytes)}</span>
        <span className="fact">{formatCount(counts.total)} objects</span>
        {props.elapsedMs !== null && <span className="fact">read in {formatSeconds(props.elapsedMs)}</span>}
        <span className="spacer" />
        {props.impactToggle}
        <button type="button" className="button" onClick={props.onOpen}>
          Open…
        </button>
        <button type="button" className="button button-primary" onClick={props.onExport}>
          Export CSV…
        </button>
      </div>
      <div className="filters" role="toolbar" aria-label="Filters">
        <div className="chips" role="group" aria-label="Operation">
          {chip(ALL_PENDING, 'All', counts.pending)}
          {chipOperations(counts).map((op) => chip(op, operationLabel(op), counts.operations[op] ?? 0, isDeleting(op) ? 'chip-danger' : ''))}
          {counts.withoutPending > 0 && chip(NO_PENDING_EXPORT, 'No pending export', counts.withoutPending, 'chip-muted')}
        </div>
        {props.reviewChips}
        <label className="type-filter">
          Type{' '}
          <select value={props.objectType} onChange={(e) => props.onObjectType(e.target.value)} aria-label="Object type">
            <option value={ALL_TYPES}>All types</option>
            {Object.keys(counts.types)
              .sort()
              .map((type) => (
                <option key={type} value={type}>
                  {type} ({formatCount(counts.types[type] ?? 0)})
                </option>
              ))}
          </select>
        </label>
        <input
          ref={props.searchRef}
          className="search"
          type="search"
          placeholder="Search UPN, name, mail, DN  (Ctrl+F)"
          aria-label="Search"
          value={props.search}
          onChange={(e) => props.onSearch(e.target.value)}
        />
      </div>
    </header>
  );
}
