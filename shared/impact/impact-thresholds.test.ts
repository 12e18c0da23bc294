import { describe, expect, it } from 'vitest';
import { DEFAULT_IMPACT_THRESHOLDS, exceededThresholds, MEMBER_REMOVALS, thresholdsFrom } from './impact-thresholds.js';
import { noImpact, type AttributeImpact, type GroupImpact, type ImpactReport } from './impact-model.js';

const attribute = (objectType: string, name: string, objects: number): AttributeImpact => ({
  objectType,
  attribute: name,
  multivalued: false,
  objects,
  operations: { replace: objects },
  valuesAdded: 0,
  valuesRemoved: 0,
  valuesNowUnknown: 0,
});
const group = (membersRemoved: number): GroupImpact => ({
  id: `{${membersRemoved}}`,
  objectType: 'group',
  dn: 'CN=g',
  displayName: 'g',
  userPrincipalName: '',
  membersAdded: 0,
  membersRemoved,
  complete: true,
  offset: 0,
  length: 1,
});

describe('impact thresholds', () => {
  it('warns when objects of every type changing an attribute, or members removed from every group, exceed the threshold', () => {
    const report: ImpactReport = {
      ...noImpact(),
      attributes: [attribute('user', 'mail', 400), attribute('contact', 'Mail', 101), attribute('user', 'userPrincipalName', 500)],
      groups: [group(300), group(201)],
    };
    expect(exceededThresholds(report, DEFAULT_IMPACT_THRESHOLDS)).toEqual([
      { key: 'mail', count: 501, threshold: 500 },
      { key: MEMBER_REMOVALS, count: 501, threshold: 500 },
    ]);
    expect(exceededThresholds(report, { ...DEFAULT_IMPACT_THRESHOLDS, userPrincipalName: 499, mail: 501 })).toEqual([
      { key: 'userPrincipalName', count: 500, threshold: 499 },
      { key: MEMBER_REMOVALS, count: 501, threshold: 500 },
    ]);
  });

  it('takes stored thresholds only where they are whole numbers of zero or more', () => {
    expect(thresholdsFrom(null)).toEqual(DEFAULT_IMPACT_THRESHOLDS);
    expect(thresholdsFrom({ mail: 10, userPrincipalName: -1, proxyAddresses: 2.5, sourceAnchor: '7', other: 3 })).toEqual({
      ...DEFAULT_IMPACT_THRESHOLDS,
      mail: 10,
    });
  });
});
