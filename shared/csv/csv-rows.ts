/**
 * The two CSV levels. Object: one row per pending change. Attribute: one row per attribute value
 * change, with the OMODT / AMODT columns CSExportAnalyzer users know, plus UPN and displayName so
 * every row reads on its own.
 */
import type { AttributeChange, AttributeValue, PendingChange } from '../model/csexport-model.js';
import type { ChangeRow } from '../rows/change-row.js';
import { displayValue } from '../model/attribute-values.js';
import type { ReferenceIndex } from '../rows/reference-index.js';
import { ROW_FIELDS } from '../rows/row-fields.js';
import { REVIEW_COLUMNS } from '../review/review-columns.js';

/** One row per pending change, per attribute value change, or per group member added or removed. */
export type CsvLevel = 'object' | 'attribute' | 'member';

export const CSV_LEVELS: readonly CsvLevel[] = ['object', 'attribute', 'member'];

/** Which rows the app exports: those shown by the filters, those selected, or every row with a review mark. */
export type CsvScope = 'shown' | 'selected' | 'reviewed';

export const CSV_SCOPES: readonly CsvScope[] = ['shown', 'selected', 'reviewed'];

const CSV_FIELDS = ROW_FIELDS.filter((field) => field.csvColumn !== undefined);

/** The object level's columns: ROW_FIELDS's, in its order, then the review's. */
export const OBJECT_COLUMNS: readonly string[] = [...CSV_FIELDS.map((field) => field.csvColumn as string), ...REVIEW_COLUMNS];

/** A row's cells without the review's (`reviewCells` adds those). */
export function objectCsvRow(row: ChangeRow): string[] {
  return CSV_FIELDS.map(({ key, kind }) => {
    const value = row[key];
    return kind === 'list' ? (value as string[]).join('; ') : String(value);
  });
}

export const ATTRIBUTE_COLUMNS = [
  'OMODT',
  'Object type',
  'DN',
  'UPN',
  'Display name',
  'Attribute',
  'AMODT',
  'Value operation',
  'Old value',
  'New value',
  'Reference UPN',
  'Reference display name',
  'Id',
  ...REVIEW_COLUMNS,
] as const;

export function describeReference(dn: string, references: ReferenceIndex): [string, string] {
  const target = references.resolve(dn).target;
  return target ? [target.userPrincipalName, target.displayName] : ['(not in this file)', ''];
}

function joined(values: AttributeValue[]): string {
  return values.map(displayValue).join('; ');
}

function changeRows(change: AttributeChange, references: ReferenceIndex): Array<[string, string, string, string, string]> {
  const rows: Array<[string, string, string, string, string]> = [];
  const oldText = joined(change.oldValues);
  if (change.values.length === 0) return [['', oldText, '', '', '']];
  const perValue = change.multivalued || change.values.some((v) => v.operation);
  if (!perValue) {
    const value = change.values[0] as { value: AttributeValue };
    const [refUpn, refName] = change.reference ? describeReference(value.value.raw, references) : ['', ''];
    return [['', oldText, displayValue(value.value), refUpn, refName]];
  }
  for (const { operation, value } of change.values) {
    const [refUpn, refName] = change.reference ? describeReference(value.raw, references) : ['', ''];
    const text = displayValue(value);
    // A removed value was the old value; an added one is the new value.
    rows.push(operation === 'delete' ? [operation, text, '', refUpn, refName] : [operation ?? change.operation, '', text, refUpn, refName]);
  }
  return rows;
}

/** A pending change's attribute rows, each ending with `review` (its review cells); `only`: those attributes (lower case). */
export function attributeCsvRows(change: PendingChange, references: ReferenceIndex, review: readonly string[], only?: ReadonlySet<string>): string[][] {
  const head = (attribute: string, amodt: string) => [
    change.operation,
    change.objectType,
    change.dn,
    change.identity.userPrincipalName ?? '',
    change.identity.displayName ?? '',
    attribute,
    amodt,
  ];
  if (change.changes.length === 0) return [[...head('', ''), '', '', '', '', '', change.id, ...review]];
  const rows: string[][] = [];
  for (const attribute of change.changes) {
    if (only && !only.has(attribute.name.toLowerCase())) continue;
    for (const [valueOperation, oldValue, newValue, refUpn, refName] of changeRows(attribute, references)) {
      rows.push([...head(attribute.name, attribute.operation), valueOperation, oldValue, newValue, refUpn, refName, change.id, ...review]);
    }
  }
  return rows;
}
