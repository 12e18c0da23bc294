/** What impact thresholds count: objects changing an attribute, over every object type. */
import type { ImpactReport } from './impact-model.js';

/** Existing objects whose pending change changes `attribute` (compared case-insensitively). */
export function objectsChanging(report: ImpactReport, attribute: string): number {
  const name = attribute.toLowerCase();
  return report.attributes.reduce((sum, a) => sum + (a.attribute.toLowerCase() === name ? a.objects : 0), 0);
}

/** Members removed from groups, over every group. */
export function membersRemoved(report: ImpactReport): number {
  return report.groups.reduce((sum, g) => sum + g.membersRemoved, 0);
}
