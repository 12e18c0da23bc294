/**
 * The member level: one row per member a group gains or loses, each member resolved to UPN and
 * display name where it is in the file. The groups are those the impact counts: existing groups
 * (pending update or replace) whose `member` changes.
 */
import type { PendingChange } from '../model/csexport-model.js';
import type { ReferenceIndex } from '../rows/reference-index.js';
import { countsForImpact } from '../impact/impact-tally.js';
import { isMembership, valueDelta } from '../impact/value-delta.js';
import { describeReference } from './csv-rows.js';

export const MEMBER_COLUMNS = ['Group', 'Group DN', 'Change', 'Member DN', 'Member UPN', 'Member display name', 'Group id'] as const;

export type MemberChange = 'added' | 'removed';

export interface MemberRow {
  change: MemberChange;
  dn: string;
}

/** The members `group` gains and loses, added first, each in file order. */
export function memberChanges(group: PendingChange): MemberRow[] {
  if (!countsForImpact(group.operation)) return [];
  const rows: MemberRow[] = [];
  for (const change of group.changes) {
    if (!isMembership(change)) continue;
    const delta = valueDelta(change, group.hasValuesNow);
    for (const value of delta.added) rows.push({ change: 'added', dn: value.raw });
    for (const value of delta.removed) rows.push({ change: 'removed', dn: value.raw });
  }
  return rows;
}

export function memberCsvRows(group: PendingChange, references: ReferenceIndex): string[][] {
  const name = group.identity.displayName ?? group.dn;
  return memberChanges(group).map(({ change, dn }) => [name, group.dn, change, dn, ...describeReference(dn, references), group.id]);
}
