import { describe, expect, it } from 'vitest';
import { bytesToGuid, describeValue, displayValue, parseIntegerValue, userAccountControlFlags } from './attribute-values.js';
import { rdnValue, resolveIdentity, type AttributeBag } from './resolve-identity.js';
import { ALL_DELETES, isOperationChosen, matchesGridFilter, matchesOperationChoice, NO_GRID_FILTER, rowMatcher, searchWords } from '../rows/filter-rows.js';
import { ReferenceIndex } from '../rows/reference-index.js';
import { NO_PENDING_EXPORT } from '../rows/change-row.js';
import { changeRow } from '../testing/change-row-fixture.js';

const bag = (values: Record<string, string[]>): AttributeBag =>
  new Map(Object.entries(values).map(([k, v]) => [k.toLowerCase(), v.map((raw) => ({ raw, base64: false }))]));

describe('attribute values', () => {
  it('reads integers as the sync engine writes them (hex)', () => {
    expect(parseIntegerValue('0x202')).toBe(514);
    expect(parseIntegerValue('200')).toBe(512);
    expect(parseIntegerValue('not a number')).toBeUndefined();
    expect(userAccountControlFlags(0x10202)).toEqual(['ACCOUNTDISABLE', 'NORMAL_ACCOUNT', 'DONT_EXPIRE_PASSWORD']);
  });

  it('shows GUIDs in Microsoft byte order and base64 text as text', () => {
    expect(bytesToGuid(Uint8Array.from([0x33, 0x22, 0x11, 0x00, 0x55, 0x44, 0x77, 0x66, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff]))).toBe(
      '00112233-4455-6677-8899-aabbccddeeff',
    );
    expect(describeValue('description', 'binary', btoa('hello'), true)).toMatchObject({ text: 'hello' });
    const certificate = describeValue('userCertificate', 'binary', 'MIIBojCCAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=', true);
    expect(certificate.text).toBeUndefined();
    expect(displayValue(certificate)).toBe('MIIBojCCAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=');
  });
});

describe('resolveIdentity', () => {
  it('takes each field from the first source that has it, in the documented order', () => {
    const identity = resolveIdentity({
      exportHologram: bag({ userPrincipalName: ['new@contoso.com'] }),
      synchronizedHologram: bag({ userPrincipalName: ['old@contoso.com'], displayName: ['Jane'], proxyAddresses: ['smtp:a@x', 'SMTP:Jane@contoso.com'] }),
      delta: bag({ mail: ['jane@contoso.com'] }),
      dn: 'CN={ABC}',
    });
    expect(identity).toMatchObject({ userPrincipalName: 'new@contoso.com', displayName: 'Jane', primarySmtp: 'Jane@contoso.com', mail: 'jane@contoso.com' });
    expect(identity.sources).toMatchObject({ userPrincipalName: 'export-hologram', displayName: 'synchronized-hologram', mail: 'delta' });
  });

  it('falls back to the RDN so no row is blank', () => {
    expect(resolveIdentity({ dn: 'CN=Ortiz\\, Mateo,OU=Staff,DC=contoso,DC=com' })).toMatchObject({
      displayName: 'Ortiz, Mateo',
      sources: { displayName: 'dn' },
    });
    expect(rdnValue('CN=Caf\\C3\\A9 \\2B Co')).toBe('Café + Co');
    expect(rdnValue('E10043')).toBe('E10043');
    expect(rdnValue('CN=a\\00b')).toBe('a\uFFFDb');
  });
});

const row = changeRow;

describe('filters and references', () => {
  it('filters by operation, type and search text', () => {
    const match = rowMatcher({ operations: ['delete'], objectTypes: ['USER'], search: 'JANE' });
    expect(match(row({ operation: 'delete', userPrincipalName: 'jane@x' }))).toBe(true);
    expect(match(row({ operation: 'update', userPrincipalName: 'jane@x' }))).toBe(false);
    expect(match(row({ operation: 'delete', objectType: 'group', displayName: 'Jane' }))).toBe(false);
    expect(match(row({ operation: 'delete', dn: 'CN=Jane Doe' }))).toBe(true);
    expect(rowMatcher({})(row({ operation: NO_PENDING_EXPORT }))).toBe(true);
  });

  it('searches the grid by words, each found in any searchable field, without case', () => {
    const dana = row({ userPrincipalName: 'dana.kelly@contoso.com', displayName: 'Dana Kelly', dn: 'CN={AB12}' });
    const search = (text: string) =>
      matchesGridFilter(dana, { ...NO_GRID_FILTER, search: searchWords(text) }, { stateOf: () => 'unreviewed', comparisonOf: () => '' });
    expect(search('')).toBe(true);
    expect(search('KELLY')).toBe(true);
    expect(search('  dana   {ab12}  ')).toBe(true);
    expect(search('dana smith')).toBe(false);
    expect(searchWords('  Dana\tKelly ')).toEqual(['dana', 'kelly']);
  });

  it('chooses rows in the grid by operation chip: pending only, every deleting operation, or none pending', () => {
    const rows = [
      row({ id: 'd', operation: 'delete' }),
      row({ id: 'da', operation: 'delete-add' }),
      row({ id: 'u', operation: 'update' }),
      row({ id: 'n', operation: NO_PENDING_EXPORT, pending: false }),
    ];
    const chosen = (choice: string) => rows.filter((r) => matchesOperationChoice(r, choice)).map((r) => r.id);
    expect(chosen('all')).toEqual(['d', 'da', 'u']);
    expect(chosen(ALL_DELETES)).toEqual(['d', 'da']);
    expect(chosen('delete')).toEqual(['d']);
    expect(chosen(NO_PENDING_EXPORT)).toEqual(['n']);
    expect(['delete', 'delete-add', 'update'].filter((op) => isOperationChosen(op, ALL_DELETES))).toEqual(['delete', 'delete-add']);
    expect(['delete', 'delete-add', 'update'].filter((op) => isOperationChosen(op, 'update'))).toEqual(['update']);
  });

  it('resolves DNs case-insensitively, including renamed objects', () => {
    const index = ReferenceIndex.fromRows([row({ id: 'a', dn: 'CN=Jane,OU=A', newDn: 'CN=Jane,OU=B', userPrincipalName: 'jane@x' })]);
    expect(index.resolve('cn=jane,ou=a').target?.userPrincipalName).toBe('jane@x');
    expect(index.resolve('CN=Jane,OU=B').target?.id).toBe('a');
    expect(index.resolve('CN=Other').target).toBeUndefined();
  });
});
