/**
 * The impact's warnings beside the delete threshold: more existing objects changing an attribute
 * than its threshold, or more members removed from groups than theirs. 500 each by default, as the
 * sync engine's own delete threshold.
 */
import type { ImpactReport } from './impact-model.js';
import { membersRemoved, objectsChanging } from './objects-changing.js';

/** The threshold on members removed from groups, beside those on attributes (keyed by attribute name). */
export const MEMBER_REMOVALS = 'member removals';

export type ImpactThresholds = Readonly<Record<string, number>>;

export const DEFAULT_IMPACT_THRESHOLDS: ImpactThresholds = {
  userPrincipalName: 500,
  mail: 500,
  proxyAddresses: 500,
  sourceAnchor: 500,
  [MEMBER_REMOVALS]: 500,
};

export interface ExceededThreshold {
  key: string;
  /** Objects changing the attribute, or members removed. */
  count: number;
  threshold: number;
}

export function exceededThresholds(report: ImpactReport, thresholds: ImpactThresholds): ExceededThreshold[] {
  const exceeded: ExceededThreshold[] = [];
  for (const [key, threshold] of Object.entries(thresholds)) {
    const count = key === MEMBER_REMOVALS ? membersRemoved(report) : objectsChanging(report, key);
    if (count > threshold) exceeded.push({ key, count, threshold });
  }
  return exceeded;
}

/** Thresholds as stored (anything): the defaults, with each stored whole number of zero or more over its default. */
export function thresholdsFrom(stored: unknown): ImpactThresholds {
  const thresholds: Record<string, number> = { ...DEFAULT_IMPACT_THRESHOLDS };
  if (typeof stored !== 'object' || stored === null) return thresholds;
  for (const key of Object.keys(DEFAULT_IMPACT_THRESHOLDS)) {
    const value = (stored as Record<string, unknown>)[key];
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) thresholds[key] = value;
  }
  return thresholds;
}
