/** The comparison as CSV: one row per difference (object level), or per differing attribute value (attribute level). */
import type { CompareClass } from './compare-model.js';
import type { DetailedChange } from './compare-model.js';
import { whoLabel } from '../model/resolve-identity.js';

export const CLASS_LABELS: Record<CompareClass, string> = {
  onlyInFirst: 'only in first',
  onlyInSecond: 'only in second',
  different: 'different',
  same: 'same',
};

export const COMPARE_OBJECT_COLUMNS = [
  'Class',
  'Paired by',
  'Operation in first',
  'Operation in second',
  'UPN',
  'Display name',
  'DN in first',
  'DN in second',
  'Differences',
  'Id in first',
  'Id in second',
] as const;

export const COMPARE_ATTRIBUTE_COLUMNS = [
  'Class',
  'Operation in first',
  'Operation in second',
  'UPN',
  'Display name',
  'DN',
  'Attribute',
  'Attribute operation in first',
  'Attribute operation in second',
  'Value in first',
  'Value in second',
] as const;

function who(change: DetailedChange): [string, string] {
  const side = change.first ?? change.second;
  return [side?.userPrincipalName ?? '', side?.displayName ?? ''];
}

export function compareObjectRow(change: DetailedChange): string[] {
  return [
    CLASS_LABELS[change.class],
    change.pairedBy ?? '',
    change.first?.operation ?? '',
    change.second?.operation ?? '',
    ...who(change),
    change.first?.dn ?? '',
    change.second?.dn ?? '',
    change.differences.join('; '),
    change.first?.id ?? '',
    change.second?.id ?? '',
  ];
}

/** Who a change is, for people: UPN, else display name, else DN. */
export function compareLabel(change: DetailedChange): string {
  const side = change.first ?? change.second;
  return whoLabel(side?.userPrincipalName, side?.displayName, side?.dn ?? '');
}

export function compareAttributeRows(change: DetailedChange): string[][] {
  const head = [
    CLASS_LABELS[change.class],
    change.first?.operation ?? '',
    change.second?.operation ?? '',
    ...who(change),
    (change.first ?? change.second)?.dn ?? '',
  ];
  const rows: string[][] = [];
  // An operation or new DN that differs is a row of its own: it is no attribute value.
  for (const what of change.differences.filter((d) => d === 'operation' || d === 'new DN'))
    rows.push([
      ...head,
      what,
      '',
      '',
      what === 'operation' ? (change.first?.operation ?? '') : (change.first?.newDn ?? ''),
      what === 'operation' ? (change.second?.operation ?? '') : (change.second?.newDn ?? ''),
    ]);
  for (const a of change.attributes ?? []) {
    const values = Math.max(a.onlyFirst.length, a.onlySecond.length, 1);
    for (let i = 0; i < values; i++) rows.push([...head, a.attribute, a.firstOperation, a.secondOperation, a.onlyFirst[i] ?? '', a.onlySecond[i] ?? '']);
  }
  return rows;
}
