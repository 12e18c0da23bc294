/**
 * Resolves reference values (`dn-attr`: member, manager, ...) to the object they point to, when that
 * object is in the same file. Built from rows, so it costs a few strings per object.
 */
import type { ChangeRow } from './change-row.js';

export interface ReferenceTarget {
  id: string;
  userPrincipalName: string;
  displayName: string;
  objectType: string;
}

export interface ResolvedReference {
  dn: string;
  /** Undefined when the DN points outside the file: show the DN, marked unresolved. */
  target?: ReferenceTarget;
}

/** DNs compare case-insensitively in AD and the sync engine; spaces around them carry no meaning. */
export function dnKey(dn: string): string {
  return dn.trim().toLowerCase();
}

export class ReferenceIndex {
  private readonly byDn = new Map<string, ReferenceTarget>();

  add(row: ChangeRow): void {
    const target: ReferenceTarget = { id: row.id, userPrincipalName: row.userPrincipalName, displayName: row.displayName, objectType: row.objectType };
    this.byDn.set(dnKey(row.dn), target);
    if (row.newDn) this.byDn.set(dnKey(row.newDn), target);
  }

  get size(): number {
    return this.byDn.size;
  }

  resolve(dn: string): ResolvedReference {
    const target = this.byDn.get(dnKey(dn));
    return target ? { dn, target } : { dn };
  }

  static fromRows(rows: Iterable<ChangeRow>): ReferenceIndex {
    const index = new ReferenceIndex();
    for (const row of rows) index.add(row);
    return index;
  }
}
