/**
 * The grid's selection as its checkboxes see it: kept by `ShownRows` (a bit a row, so "select all
 * shown" on a million rows is one pass), with a version the header's checkbox subscribes to.
 */
import type { ShownRows } from '../../shared/grid/shown-rows.js';

export type ShownSelection = 'all' | 'some' | 'none';

export interface GridSelection {
  isSelected: (position: number) => boolean;
  /** A row's checkbox clicked (`range`: with Shift held). */
  toggle: (position: number, range: boolean) => void;
  /** The header's checkbox clicked: every row shown selected, or every selection cleared. */
  toggleAllShown: () => void;
  shownState: () => ShownSelection;
  /**
   * Whether "select every row shown" is offered: not while rows still stream in, since "all" of a
   * file still arriving would select a moving target.
   */
  offersSelectAll: () => boolean;
  setReading: (reading: boolean) => void;
  subscribe: (listener: () => void) => () => void;
  version: () => number;
  /** The rows shown or the selection changed: the checkboxes are drawn again. */
  changed: () => void;
}

export function gridSelection(shown: ShownRows, onChanged: () => void): GridSelection {
  const listeners = new Set<() => void>();
  let version = 0;
  let reading = false;
  const changed = () => {
    version++;
    for (const listener of listeners) listener();
  };
  const afterChange = () => {
    changed();
    onChanged();
  };
  const shownState = (): ShownSelection => {
    if (shown.selectionSize === 0 || shown.length === 0) return 'none';
    const selected = shown.selectedShown();
    return selected === 0 ? 'none' : selected === shown.length ? 'all' : 'some';
  };
  return {
    isSelected: (position) => shown.isSelected(position),
    toggle: (position, range) => {
      shown.toggle(position, range);
      afterChange();
    },
    toggleAllShown: () => {
      shown.selectAllShown(shownState() !== 'all');
      afterChange();
    },
    shownState,
    offersSelectAll: () => !reading,
    setReading: (now) => {
      if (now === reading) return;
      reading = now;
      changed();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    version: () => version,
    changed,
  };
}
