/**
 * The grid's column filters, evaluated outside the grid: AG Grid's Infinite Row Model hands its
 * filter model to the data source, which filters. The model is AG Grid's text filter model, typed
 * here as plain data; the semantics follow AG Grid's text filter (case-insensitive, an empty filter
 * text keeps every row), plus the Changed attributes column's own "Changes attribute" option.
 */

/** One condition of a text filter, as AG Grid's text filter writes it. */
export interface TextFilterCondition {
  filterType?: 'text';
  type?: string | null;
  filter?: string | null;
}

/** A text filter with two or more conditions joined. */
export interface CombinedTextFilter {
  filterType?: 'text';
  operator: 'AND' | 'OR';
  conditions: TextFilterCondition[];
}

export type TextFilterModel = TextFilterCondition | CombinedTextFilter;

/** Column id → its filter: what the grid passes to `getRows`. */
export type ColumnFilterModel = Record<string, TextFilterModel>;

/** The "Changes attribute" option's key: a whole attribute name in the comma-joined list. */
export const CHANGES_ATTRIBUTE = 'changesAttribute';

/** The "Changes attribute" rule: whether the comma-joined attribute list names `name` whole (any case, spaces around it ignored). */
export function listsAttribute(changedAttributes: string, name: string): boolean {
  return changedAttributes.toLowerCase().split(', ').includes(name.trim().toLowerCase());
}

/** A cell's text for filtering and sorting, by column id. */
export type CellText<Row> = (row: Row, colId: string) => string;

type TextTest = (text: string) => boolean;

const ALWAYS: TextTest = () => true;

function conditionTest(condition: TextFilterCondition): TextTest {
  const wanted = (condition.filter ?? '').toLowerCase();
  switch (condition.type) {
    case 'blank':
      return (text) => text.trim() === '';
    case 'notBlank':
      return (text) => text.trim() !== '';
    case CHANGES_ATTRIBUTE:
      return wanted.trim() === '' ? ALWAYS : (text) => listsAttribute(text, wanted);
  }
  if (wanted === '') return ALWAYS;
  switch (condition.type) {
    case 'equals':
      return (text) => text.toLowerCase() === wanted;
    case 'notEqual':
      return (text) => text.toLowerCase() !== wanted;
    case 'startsWith':
      return (text) => text.toLowerCase().startsWith(wanted);
    case 'endsWith':
      return (text) => text.toLowerCase().endsWith(wanted);
    case 'notContains':
      return (text) => !text.toLowerCase().includes(wanted);
    default:
      return (text) => text.toLowerCase().includes(wanted);
  }
}

function modelTest(model: TextFilterModel): TextTest {
  if (!('conditions' in model)) return conditionTest(model);
  const tests = model.conditions.map(conditionTest);
  return model.operator === 'OR' ? (text) => tests.some((test) => test(text)) : (text) => tests.every((test) => test(text));
}

/** The rows a filter model keeps, compiled once for many rows; undefined when it keeps every row. */
export function columnFilterTest<Row>(model: ColumnFilterModel | null | undefined, cellText: CellText<Row>): ((row: Row) => boolean) | undefined {
  const columns = Object.entries(model ?? {}).map(([colId, filter]) => ({ colId, test: modelTest(filter) }));
  if (columns.length === 0) return undefined;
  return (row) => columns.every(({ colId, test }) => test(cellText(row, colId)));
}
