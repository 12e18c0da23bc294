/**
 * The grid's sort, done outside the grid for the Infinite Row Model: AG Grid's own rule for text
 * (plain code-unit order, empty first) over each sorted column in turn, ties kept in file order.
 */
import type { CellText } from './column-filter.js';

/** A sorted column, as the grid's sort model gives it (AG Grid's `SortModelItem`, as plain data). */
export interface ColumnSort {
  colId: string;
  sort: 'asc' | 'desc';
}

/** Sorts `ordinals` (rows by their place in `rows`) in place by `sorts`; stable. */
export function sortOrdinals<Row>(ordinals: Int32Array, rows: readonly Row[], sorts: readonly ColumnSort[], cellText: CellText<Row>): Int32Array {
  if (sorts.length === 0) return ordinals;
  // Each sorted column's text made once per row, not once per comparison.
  const keys = sorts.map(({ colId }) => {
    const texts = new Array<string>(rows.length);
    for (const ordinal of ordinals) texts[ordinal] = cellText(rows[ordinal] as Row, colId);
    return texts;
  });
  const directions = sorts.map(({ sort }) => (sort === 'desc' ? -1 : 1));
  return ordinals.sort((a, b) => {
    for (let s = 0; s < keys.length; s++) {
      const texts = keys[s] as string[];
      const x = texts[a] as string;
      const y = texts[b] as string;
      if (x !== y) return (x < y ? -1 : 1) * (directions[s] as number);
    }
    return a - b;
  });
}
