/**
 * Rows as the window keeps them, up to a million at a time: unpacked from their batch, with the
 * fields the window never reads left empty (the main process keeps them: details, CSV, comparison),
 * repeated values shared between rows, and every string a copy of its own. A string cut out of the
 * packed batch would keep the whole batch alive (V8 makes such a substring a view of its parent),
 * and with it every field the window dropped. Figures: ARCHITECTURE.md, "The grid at scale".
 */
import type { ChangeRow } from './change-row.js';
import { unpackRows } from './packed-rows.js';

type TextField = { [K in keyof ChangeRow]: ChangeRow[K] extends string ? K : never }[keyof ChangeRow];

/** Fields the window never reads (a test checks renderer/ does not). */
export const FIELDS_THE_WINDOW_DROPS: readonly TextField[] = ['sourceAnchor', 'cloudAnchor', 'alias', 'objectGuid', 'changeDigest'];

/** Fields with few distinct values: one string for each value, shared by the rows. */
const SHARED_FIELDS: readonly TextField[] = ['operation', 'objectType', 'identitySource', 'firstError'];

/** Fields mostly different in every row: copied out of the batch. */
const COPIED_FIELDS: readonly TextField[] = ['id', 'dn', 'newDn', 'userPrincipalName', 'displayName', 'mail', 'primarySmtp', 'samAccountName', 'fingerprint'];

/** How many distinct values (and attribute lists) are shared at most; past that, rows keep their own. */
const SHARED_LIMIT = 10_000;

/** An unpacker for one read: the values it shares are shared across all of that read's batches. */
export function windowRowUnpacker(): (packed: string) => ChangeRow[] {
  const values = new Map<string, string>();
  const lists = new Map<string, string[]>();
  const share = (text: string): string => {
    const known = values.get(text);
    if (known !== undefined) return known;
    // A value to share is copied too, for the same reason as the others.
    const copy = JSON.parse(JSON.stringify(text)) as string;
    if (values.size < SHARED_LIMIT) values.set(copy, copy);
    return copy;
  };
  const shareList = (names: string[]): string[] => {
    const key = names.join('\u0000');
    const known = lists.get(key);
    if (known !== undefined) return known;
    const copy = names.map(share);
    // Keyed by the copies' join, not `key`: a one-name list's join is that name itself, a view of the batch.
    if (lists.size < SHARED_LIMIT) lists.set(copy.join('\u0000'), copy);
    return copy;
  };
  return (packed) => {
    const rows = unpackRows(packed);
    const texts: string[] = [];
    for (const row of rows) for (const field of COPIED_FIELDS) texts.push(row[field]);
    // JSON.parse makes each string anew, in one pass over the batch's texts.
    const copies = JSON.parse(JSON.stringify(texts)) as string[];
    let k = 0;
    for (const row of rows) {
      const fields = row as unknown as Record<TextField, string>;
      for (const field of COPIED_FIELDS) fields[field] = copies[k++] as string;
      for (const field of SHARED_FIELDS) fields[field] = share(fields[field]);
      for (const field of FIELDS_THE_WINDOW_DROPS) fields[field] = '';
      row.changedAttributes = shareList(row.changedAttributes);
    }
    return rows;
  };
}
