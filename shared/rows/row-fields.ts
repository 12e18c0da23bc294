/**
 * Every field of a ChangeRow, once: how it travels packed (text, number, flag or list) and its
 * column in the object-level CSV, in the CSV's order. Packing, unpacking and the CSV columns are
 * all driven by this table, so a field added to ChangeRow is added here and nowhere else.
 */
import type { ChangeRow } from './change-row.js';

type FieldKind = 'text' | 'number' | 'flag' | 'list';
type KindOf<V> = V extends readonly string[] ? 'list' : V extends number ? 'number' : V extends boolean ? 'flag' : 'text';

export interface RowField {
  key: keyof ChangeRow;
  kind: FieldKind;
  /** The object-level CSV's header for it; none for fields the CSV leaves out. */
  csvColumn?: string;
}

function field<K extends keyof ChangeRow>(key: K, kind: KindOf<ChangeRow[K]>, csvColumn?: string): RowField {
  return csvColumn === undefined ? { key, kind } : { key, kind, csvColumn };
}

export const ROW_FIELDS: readonly RowField[] = [
  field('operation', 'text', 'Operation'),
  field('objectType', 'text', 'Object type'),
  field('dn', 'text', 'DN'),
  field('userPrincipalName', 'text', 'UPN'),
  field('displayName', 'text', 'Display name'),
  field('mail', 'text', 'Mail'),
  field('primarySmtp', 'text', 'Primary SMTP'),
  field('sourceAnchor', 'text', 'Source anchor'),
  field('alias', 'text', 'Alias'),
  field('samAccountName', 'text', 'sAMAccountName'),
  field('changedAttributes', 'list', 'Changed attributes'),
  field('identitySource', 'text', 'Identity source'),
  field('newDn', 'text', 'New DN'),
  field('firstError', 'text', 'Error'),
  field('id', 'text', 'Id'),
  field('pending', 'flag'),
  field('objectGuid', 'text'),
  field('cloudAnchor', 'text'),
  field('fingerprint', 'text'),
  field('changeDigest', 'text'),
  field('valueChanges', 'number'),
  field('errorCount', 'number'),
  field('offset', 'number'),
  field('length', 'number'),
];
