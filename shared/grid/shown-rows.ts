/**
 * The rows the grid shows, in the order it shows them, and which are selected: the grid's data
 * source for AG Grid's Infinite Row Model, which then holds only the blocks on screen. Filtering,
 * search, column filters and sorting run here over plain arrays (one ordinal a row, its place in
 * arrival order), so a chip or a search on a million rows is a pass over typed arrays rather than
 * the grid's row-node pipeline (figures: ARCHITECTURE.md, "The grid at scale").
 */
import type { ChangeRow } from '../rows/change-row.js';
import { hasEveryWord } from '../rows/filter-rows.js';
import { columnFilterTest, type CellText, type ColumnFilterModel } from './column-filter.js';
import { SearchIndex } from './search-index.js';
import { sortOrdinals, type ColumnSort } from './sort-rows.js';

/** What decides the rows shown. */
export interface ShownQuery {
  /** Whether rows of this operation show (the operation chips): asked once for each distinct operation, not for each row. */
  showsOperation: (row: Pick<ChangeRow, 'operation' | 'pending'>) => boolean;
  /** The rest of the grid's filter besides its search (type, review, comparison, chosen rows); null keeps every row. */
  keep: ((row: ChangeRow) => boolean) | null;
  /** The search box's words, lower-cased (`searchWords`). */
  search: readonly string[];
  filterModel: ColumnFilterModel | null;
  sortModel: readonly ColumnSort[];
  /** A cell's text by column id, as the column filters and the sort read it. */
  cellText: CellText<ChangeRow>;
}

function queryKey(query: ShownQuery, generation: number): string {
  return JSON.stringify([generation, query.search, query.filterModel ?? {}, query.sortModel.map(({ colId, sort }) => [colId, sort])]);
}

export class ShownRows {
  private rows: ChangeRow[] = [];
  private readonly search = new SearchIndex();
  private operations = new OperationKinds();
  private view = new Int32Array(1024);
  private shown = 0;
  private selected = new Uint8Array(1024);
  private selectedCount = 0;
  /** Bumped when what `showsOperation` or `keep` decides changed without the query's data changing (a chip, marks). */
  private generation = 0;
  private key: string | null = null;
  /** What a row arriving must pass to join the view (null while it is sorted); its searchable text comes from the index. */
  private appendTest: ((row: ChangeRow, text: string) => boolean) | null = null;
  private behind = false;
  /** The position a plain click last toggled: where a shift-click's range starts. */
  private anchor: number | null = null;

  get length(): number {
    return this.shown;
  }

  get total(): number {
    return this.rows.length;
  }

  /** Every row read, in file order: the window's one list of them. */
  get rowsRead(): readonly ChangeRow[] {
    return this.rows;
  }

  get selectionSize(): number {
    return this.selectedCount;
  }

  clear(): void {
    this.rows = [];
    this.search.clear();
    this.operations = new OperationKinds();
    this.shown = 0;
    this.selected = new Uint8Array(1024);
    this.selectedCount = 0;
    this.key = null;
    this.appendTest = null;
    this.behind = false;
    this.anchor = null;
  }

  /** Rows arriving: indexed for search, and shown at once when the order does not depend on them (else at `catchUp`). */
  append(rows: readonly ChangeRow[]): void {
    const first = this.rows.length;
    for (const row of rows) this.rows.push(row);
    const texts = this.search.add(rows);
    this.operations.add(rows, first);
    if (this.selected.length < this.rows.length) this.selected = grown(this.selected, this.rows.length);
    const test = this.appendTest;
    if (!test) {
      this.behind = true;
      return;
    }
    rows.forEach((row, k) => {
      if (test(row, texts[k] as string)) this.push(first + k);
    });
  }

  /** Whether rows have arrived that a sorted view does not show yet (`catchUp` lets the next `update` sort them in). */
  get isBehind(): boolean {
    return this.behind;
  }

  /**
   * The next `update` filters and sorts again if rows arrived since the view was sorted. Until then
   * the grid's block requests keep reading the view as it was: sorting a million rows again for
   * every block scrolled to while a file streams in would stall the window.
   */
  catchUp(): void {
    if (this.behind) this.key = null;
  }

  /** What `showsOperation` or `keep` decides has changed (they are functions, not data to compare): the next `update` filters again. */
  invalidate(): void {
    this.generation++;
  }

  /** Filters and sorts again if the query changed since the last time; true if it did. */
  update(query: ShownQuery): boolean {
    const key = queryKey(query, this.generation);
    if (key === this.key) return false;
    this.key = key;
    this.behind = false;
    const columns = columnFilterTest(query.filterModel, query.cellText);
    const hits = query.search.length ? this.search.matching(query.search) : null;
    const { keep } = query;
    const test = keep && columns ? (row: ChangeRow) => keep(row) && columns(row) : (keep ?? columns);
    // The operation chips and search read typed arrays; a row object is read only for the rest.
    const operationShown = this.operations.shown(query.showsOperation);
    const kinds = this.operations.kindOf;
    this.shown = 0;
    for (let ordinal = 0; ordinal < this.rows.length; ordinal++) {
      const shows = operationShown[kinds[ordinal] as number];
      if (shows === 0 || (hits && hits[ordinal] === 0)) continue;
      const row = this.rows[ordinal] as ChangeRow;
      if ((shows === 1 || query.showsOperation(row)) && (!test || test(row))) this.push(ordinal);
    }
    if (query.sortModel.length) sortOrdinals(this.view.subarray(0, this.shown), this.rows, query.sortModel, query.cellText);
    this.anchor = null;
    // Rows arriving later join the end while the order is file order; a sorted view is made again.
    const words = query.search;
    this.appendTest = query.sortModel.length ? null : (row, text) => query.showsOperation(row) && (!test || test(row)) && hasEveryWord(text, words);
    return true;
  }

  rowAt(position: number): ChangeRow | undefined {
    return position >= 0 && position < this.shown ? this.rows[this.view[position] as number] : undefined;
  }

  /** The rows shown from `start` up to `end`. */
  slice(start: number, end: number): ChangeRow[] {
    const rows: ChangeRow[] = [];
    for (let position = Math.max(0, start); position < Math.min(end, this.shown); position++) rows.push(this.rows[this.view[position] as number] as ChangeRow);
    return rows;
  }

  /** Every row shown, in the order shown. */
  shownRows(): ChangeRow[] {
    return this.slice(0, this.shown);
  }

  isSelected(position: number): boolean {
    return position >= 0 && position < this.shown && this.selected[this.view[position] as number] === 1;
  }

  /**
   * Selects or clears the row at `position`; with `range`, every row from the last one clicked to
   * this one takes the new state (a shift-click).
   */
  toggle(position: number, range = false): void {
    if (position < 0 || position >= this.shown) return;
    const on = !this.isSelected(position);
    const from = range && this.anchor !== null ? Math.min(this.anchor, position) : position;
    const to = range && this.anchor !== null ? Math.max(this.anchor, position) : position;
    for (let p = from; p <= to; p++) this.setSelected(this.view[p] as number, on);
    this.anchor = position;
  }

  /** Selects every row shown, or clears every selection (shown or not) with `on` false. */
  selectAllShown(on: boolean): void {
    if (!on) {
      this.selected.fill(0);
      this.selectedCount = 0;
      return;
    }
    for (let position = 0; position < this.shown; position++) this.setSelected(this.view[position] as number, true);
  }

  /** How many of the rows shown are selected. */
  selectedShown(): number {
    let count = 0;
    for (let position = 0; position < this.shown; position++) count += this.selected[this.view[position] as number] as number;
    return count;
  }

  /** The selected rows: those shown in the order shown, then any the filters hide, in file order. */
  selectedRows(): ChangeRow[] {
    if (this.selectedCount === 0) return [];
    const rows: ChangeRow[] = [];
    const taken = new Uint8Array(this.rows.length);
    for (let position = 0; position < this.shown; position++) {
      const ordinal = this.view[position] as number;
      if (this.selected[ordinal]) {
        rows.push(this.rows[ordinal] as ChangeRow);
        taken[ordinal] = 1;
      }
    }
    for (let ordinal = 0; ordinal < this.rows.length; ordinal++) if (this.selected[ordinal] && !taken[ordinal]) rows.push(this.rows[ordinal] as ChangeRow);
    return rows;
  }

  private setSelected(ordinal: number, on: boolean): void {
    const was = this.selected[ordinal] === 1;
    if (was === on) return;
    this.selected[ordinal] = on ? 1 : 0;
    this.selectedCount += on ? 1 : -1;
  }

  private push(ordinal: number): void {
    if (this.shown === this.view.length) this.view = grown(this.view, this.shown + 1);
    this.view[this.shown++] = ordinal;
  }
}

function grown<T extends Int32Array | Uint8Array | Uint16Array>(array: T, atLeast: number): T {
  const next = new (array.constructor as new (length: number) => T)(Math.max(atLeast, array.length * 2));
  next.set(array);
  return next;
}

/**
 * Each row's operation and whether it is pending, as a small number per ordinal: few rows differ in
 * these, and the chips filter on nothing else. A file with more distinct operations than a kind can
 * number (a hostile one) has the rest under `OTHER_KIND`, tested row by row.
 */
const OTHER_KIND = 0xffff;

class OperationKinds {
  readonly kinds: Pick<ChangeRow, 'operation' | 'pending'>[] = [];
  kindOf = new Uint16Array(1024);
  private readonly known = new Map<string, number>();

  add(rows: readonly ChangeRow[], first: number): void {
    if (this.kindOf.length < first + rows.length) this.kindOf = grown(this.kindOf, first + rows.length);
    rows.forEach((row, k) => {
      const key = `${row.pending ? 1 : 0}${row.operation}`;
      let kind = this.known.get(key);
      if (kind === undefined && this.kinds.length < OTHER_KIND) {
        kind = this.kinds.length;
        this.kinds.push({ operation: row.operation, pending: row.pending });
        this.known.set(key, kind);
      }
      this.kindOf[first + k] = kind ?? OTHER_KIND;
    });
  }

  /** For each kind, 1 when its rows show (`OTHER_KIND`: 2, ask the row). */
  shown(showsOperation: ShownQuery['showsOperation']): Uint8Array {
    const shown = new Uint8Array(OTHER_KIND + 1);
    this.kinds.forEach((kind, k) => (shown[k] = showsOperation(kind) ? 1 : 0));
    shown[OTHER_KIND] = 2;
    return shown;
  }
}
