import { describe, expect, it } from 'vitest';
import { pairChanges } from './pair-changes.js';
import type { CompareEntry } from './compare-model.js';

const entry = (id: string, overrides: Partial<CompareEntry>): CompareEntry => ({
  id,
  operation: 'update',
  objectType: 'user',
  dn: '',
  newDn: '',
  userPrincipalName: '',
  displayName: '',
  sourceAnchor: '',
  cloudAnchor: '',
  objectGuid: '',
  digest: 'd',
  offset: 0,
  length: 1,
  ...overrides,
});

describe('pairChanges', () => {
  it('pairs by DN first, then source anchor, cloud anchor and objectGUID, each object once, never by id', () => {
    const first = [
      entry('a1', { dn: 'CN={1}' }),
      entry('a2', { dn: 'CN={2}', sourceAnchor: 'S2' }),
      entry('a3', { dn: 'CN={3}', cloudAnchor: 'User_3' }),
      entry('a4', { dn: 'CN={4}', objectGuid: 'AB-CD' }),
      entry('same-id', { dn: 'CN={5}' }),
    ];
    const second = [
      entry('b1', { dn: 'cn={1}' }),
      entry('b2', { dn: 'CN={20}', sourceAnchor: 'S2' }),
      entry('b3', { dn: 'CN={30}', cloudAnchor: 'User_3' }),
      entry('b4', { dn: 'CN={40}', objectGuid: 'ab-cd' }),
      entry('same-id', { dn: 'CN={6}' }),
    ];
    const { changes, counts } = pairChanges(first, second, true);
    expect(changes.filter((c) => c.pairedBy).map((c) => [c.first?.id, c.second?.id, c.pairedBy])).toEqual([
      ['a1', 'b1', 'dn'],
      ['a2', 'b2', 'source-anchor'],
      ['a3', 'b3', 'cloud-anchor'],
      ['a4', 'b4', 'object-guid'],
    ]);
    expect(counts).toEqual({ onlyInFirst: 1, onlyInSecond: 1, different: 0, same: 4 });
  });

  it('tells an operation, a new DN and attribute changes that differ apart', () => {
    const { changes } = pairChanges(
      [entry('a', { dn: 'CN=x', operation: 'update', newDn: 'CN=y', digest: '1' })],
      [entry('b', { dn: 'CN=x', operation: 'delete', digest: '2' })],
    );
    expect(changes).toMatchObject([{ class: 'different', differences: ['operation', 'new DN', 'attributes'] }]);
  });
});
