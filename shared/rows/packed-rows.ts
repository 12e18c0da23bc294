/**
 * Rows as one string per batch, for crossing threads: structured cloning would write every property
 * name of every row again (why this matters: ARCHITECTURE.md, "Parse in parallel").
 *
 * Layout: per row the fields of ROW_FIELDS in its order (a list as its length, then its items), all
 * joined by U+0000. U+0000 cannot occur in a value, so the separator never needs escaping: XML
 * forbids it and the parser refuses it (raw or as `&#0;`), and the one field not taken from XML
 * text, a name decoded from a DN's RDN, turns `\00` into U+FFFD (resolve-identity.ts).
 */
import type { ChangeRow } from './change-row.js';
import { ROW_FIELDS } from './row-fields.js';

const SEPARATOR = '\u0000';

const TEXT = 0;
const NUMBER = 1;
const FLAG = 2;
const LIST = 3;
const KIND_CODES = { text: TEXT, number: NUMBER, flag: FLAG, list: LIST } as const;

// The table flattened to parallel arrays, and a row with every key in table order: each unpacked row
// starts as a copy of it, so all rows share one shape and filling them in never adds a property.
const KEYS = ROW_FIELDS.map((f) => f.key);
const KINDS = Uint8Array.from(ROW_FIELDS, (f) => KIND_CODES[f.kind]);
const TEMPLATE = Object.fromEntries(KEYS.map((key) => [key, undefined])) as unknown as Record<string, unknown>;

export function packRows(rows: readonly ChangeRow[]): string {
  const parts: string[] = [];
  const fields = KEYS.length;
  for (const row of rows as unknown as readonly Record<string, unknown>[]) {
    for (let f = 0; f < fields; f++) {
      const value = row[KEYS[f] as string];
      const kind = KINDS[f];
      if (kind === TEXT) parts.push(value as string);
      else if (kind === NUMBER) parts.push(String(value));
      else if (kind === FLAG) parts.push(value ? '1' : '');
      else {
        const items = value as string[];
        parts.push(String(items.length));
        for (const item of items) parts.push(item);
      }
    }
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
  const fields = KEYS.length;
  let k = 0;
  while (k < parts.length) {
    const row = { ...TEMPLATE };
    for (let f = 0; f < fields; f++) {
      const part = parts[k++] as string;
      const kind = KINDS[f];
      const key = KEYS[f] as string;
      if (kind === TEXT) row[key] = part;
      else if (kind === NUMBER) row[key] = Number(part);
      else if (kind === FLAG) row[key] = part === '1';
      else {
        const end = k + Number(part);
        row[key] = parts.slice(k, end);
        k = end;
      }
    }
    rows.push(row as unknown as ChangeRow);
  }
  return rows;
}
