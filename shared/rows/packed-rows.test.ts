import { describe, expect, it } from 'vitest';
import type { ChangeRow } from './change-row.js';
import { joinPackedRows, packRows, unpackRows } from './packed-rows.js';
import { changeRow } from '../testing/change-row-fixture.js';

/** Every field set, each to a value no other field has, so a field dropped or swapped on the way shows. */
const full: ChangeRow = {
  id: '{1}',
  pending: true,
  operation: 'delete-add',
  objectType: 'group',
  dn: 'CN=a,DC=x',
  newDn: 'CN=b,DC=x',
  userPrincipalName: 'u@x',
  displayName: 'Display, "quoted"\ttab\nline',
  mail: 'm@x',
  primarySmtp: 'p@x',
  sourceAnchor: 'anchor==',
  cloudAnchor: 'User_0001',
  alias: 'alias',
  samAccountName: 'sam',
  objectGuid: '0f0e0d0c-0b0a-0908-0706-050403020100',
  identitySource: 'synchronized-hologram',
  changedAttributes: ['member', 'displayName', ''],
  valueChanges: 12,
  errorCount: 2,
  firstError: 'AttributeValueMustBeUnique',
  fingerprint: '0123456789abcdef0123456789abcdef',
  changeDigest: 'fedcba9876543210fedcba9876543210',
  offset: 9_007_199_254_740_000,
  length: 4321,
};

// Every field empty or zero (but the id and a zero-length object): what a row without a pending export can look like.
const bare: ChangeRow = changeRow({ id: '{2}', pending: false, dn: '', length: 0 });

describe('packed rows', () => {
  it('give back the same rows, empty strings and empty lists included', () => {
    const rows = [full, bare, { ...full, id: '{3}', changedAttributes: ['one'] }];
    expect(unpackRows(packRows(rows))).toEqual(rows);
    expect(unpackRows(packRows([bare]))).toEqual([bare]);
    expect(unpackRows(packRows([]))).toEqual([]);
  });

  it('joined batches give back the rows of both, in order', () => {
    const first = [full, bare];
    const second = [{ ...bare, id: '{4}', changedAttributes: ['x', 'y'] }];
    expect(unpackRows(joinPackedRows([packRows(first), packRows(second)]))).toEqual([...first, ...second]);
  });
});
