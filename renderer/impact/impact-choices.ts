/**
 * What a click in the Impact view leaves in the grid: exactly the objects counted under what was
 * clicked. An attribute: the existing objects of that type whose delta changes it; a pattern: the
 * objects the parse workers counted in it (by their places in the file); a group: the group.
 */
import type { ChangeRow } from '../../shared/rows/change-row.js';
import type { ChosenRows } from '../../shared/rows/filter-rows.js';
import type { AttributeImpact, GroupImpact, ValueChangeImpact } from '../../shared/impact/impact-model.js';
import { countsForImpact } from '../../shared/impact/impact-tally.js';
import { describePattern } from '../../shared/impact/describe-pattern.js';

export function attributeLabel(item: { objectType: string; attribute: string }): string {
  return `${item.objectType} / ${item.attribute}`;
}

/** What the grid is said to show once each is chosen; the Impact view marks the chosen entry by it. */
export const choiceLabels = {
  attribute: (attribute: string, objectType?: string) => `changes ${objectType === undefined ? attribute : attributeLabel({ objectType, attribute })}`,
  pattern: (pattern: ValueChangeImpact) => `${attributeLabel(pattern)}: ${describePattern(pattern)}`,
  group: (group: GroupImpact) => `group ${group.displayName || group.dn}`,
};

/** `objectType` undefined: every object type (what a threshold counts). */
export function rowsChangingAttribute(rows: readonly ChangeRow[], attribute: string, objectType?: string): ChosenRows {
  const name = attribute.toLowerCase();
  const ids = new Set<string>();
  for (const row of rows)
    if (
      row.pending &&
      countsForImpact(row.operation) &&
      (objectType === undefined || row.objectType === objectType) &&
      row.changedAttributes.some((a) => a.toLowerCase() === name)
    )
      ids.add(row.id);
  return { label: choiceLabels.attribute(attribute, objectType), ids };
}

export function attributeRows(rows: readonly ChangeRow[], attribute: AttributeImpact): ChosenRows {
  return rowsChangingAttribute(rows, attribute.attribute, attribute.objectType);
}

export function patternRows(rows: readonly ChangeRow[], pattern: ValueChangeImpact): ChosenRows {
  const ids = new Set<string>();
  for (const at of pattern.rows) {
    const row = rows[at];
    if (row) ids.add(row.id);
  }
  return { label: choiceLabels.pattern(pattern), ids };
}

export function groupRows(group: GroupImpact): ChosenRows {
  return { label: choiceLabels.group(group), ids: new Set([group.id]) };
}

/** Groups that lose members: what the member-removals threshold counts. */
export function groupsLosingMembers(groups: readonly GroupImpact[]): ChosenRows {
  return { label: 'groups losing members', ids: new Set(groups.filter((g) => g.membersRemoved > 0).map((g) => g.id)) };
}
