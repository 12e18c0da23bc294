/**
 * Rows as one string per batch, for crossing threads. Structured cloning writes every property name of
 * every row again; measured on the 1 GB bench file, posting rows as objects cost each parse worker
 * about a tenth of its time and the receiving thread as much again. One string is copied in one go.
 *
 * Layout: per row its 20 scalar fields in the order below, the count of changed attributes and their
 * names, all joined by U+0000. (A field added to ChangeRow must be added to both functions; the
 * round-trip test builds a row with every field, so it fails until then.) U+0000 cannot occur in a
 * value, so the separator never needs escaping: XML forbids it and the parser rejects it (raw or as
 * `&#0;`), and the one field not taken from XML text, a name decoded from a DN's RDN, turns `\00`
 * into U+FFFD (resolve-identity.ts).
 */
import type { ChangeRow } from './change-row.js';

const SEPARATOR = '\u0000';

export function packRows(rows: readonly ChangeRow[]): string {
  const parts: string[] = [];
  for (const row of rows) {
    parts.push(
      row.id,
      row.pending ? '1' : '',
      row.operation,
      row.objectType,
      row.dn,
      row.newDn,
      row.userPrincipalName,
      row.displayName,
      row.mail,
      row.primarySmtp,
      row.sourceAnchor,
      row.alias,
      row.samAccountName,
      row.objectGuid,
      row.identitySource,
      String(row.valueChanges),
      String(row.errorCount),
      row.firstError,
      String(row.offset),
      String(row.length),
      String(row.changedAttributes.length),
      ...row.changedAttributes,
    );
  }
  return parts.join(SEPARATOR);
}

/** Packed batches joined into one, as if the rows had been packed together. Empty batches must be left out. */
export function joinPackedRows(packed: readonly string[]): string {
  return packed.join(SEPARATOR);
}

export function unpackRows(packed: string): ChangeRow[] {
  if (packed === '') return [];
  const parts = packed.split(SEPARATOR);
  const rows: ChangeRow[] = [];
  let k = 0;
  while (k < parts.length) {
    const changed = Number(parts[k + 20]);
    rows.push({
      id: parts[k] as string,
      pending: parts[k + 1] === '1',
      operation: parts[k + 2] as string,
      objectType: parts[k + 3] as string,
      dn: parts[k + 4] as string,
      newDn: parts[k + 5] as string,
      userPrincipalName: parts[k + 6] as string,
      displayName: parts[k + 7] as string,
      mail: parts[k + 8] as string,
      primarySmtp: parts[k + 9] as string,
      sourceAnchor: parts[k + 10] as string,
      alias: parts[k + 11] as string,
      samAccountName: parts[k + 12] as string,
      objectGuid: parts[k + 13] as string,
      identitySource: parts[k + 14] as ChangeRow['identitySource'],
      valueChanges: Number(parts[k + 15]),
      errorCount: Number(parts[k + 16]),
      firstError: parts[k + 17] as string,
      offset: Number(parts[k + 18]),
      length: Number(parts[k + 19]),
      changedAttributes: parts.slice(k + 21, k + 21 + changed),
    });
    k += 21 + changed;
  }
  return rows;
}
