/**
 * The open file's compared changes as one string for IPC, as rows and marks travel (packed-rows.ts):
 * per change id, class, paired by and what differs, U+0000 between fields and U+0001 between the
 * differences (attribute names are XML names: neither can be in one).
 */
import type { CompareClass, ComparedChange, PairKey } from './compare-model.js';

export interface ComparedRow {
  class: CompareClass;
  pairedBy: PairKey | '';
  differences: string[];
}

const FIELD = '\u0000';
const LIST = '\u0001';

/** The open file's side (the first) of each change that has one. */
export function packComparedRows(changes: readonly ComparedChange[]): string {
  const parts: string[] = [];
  for (const change of changes) if (change.first) parts.push(change.first.id, change.class, change.pairedBy ?? '', change.differences.join(LIST));
  return parts.join(FIELD);
}

export function unpackComparedRows(packed: string): Map<string, ComparedRow> {
  const rows = new Map<string, ComparedRow>();
  if (packed === '') return rows;
  const parts = packed.split(FIELD);
  for (let k = 0; k + 4 <= parts.length; k += 4) {
    const differences = parts[k + 3] as string;
    rows.set(parts[k] as string, {
      class: parts[k + 1] as CompareClass,
      pairedBy: parts[k + 2] as PairKey | '',
      differences: differences ? differences.split(LIST) : [],
    });
  }
  return rows;
}
