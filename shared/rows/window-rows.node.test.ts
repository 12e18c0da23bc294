import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changeRow } from '../testing/change-row-fixture.js';
import { packRows, unpackRows } from './packed-rows.js';
import { FIELDS_THE_WINDOW_DROPS, windowRowUnpacker } from './window-rows.js';

const rows = [
  changeRow({
    id: '{00000001-1111-4A4A-9B9B-000000001001}',
    operation: 'delete-add',
    objectType: 'group',
    dn: 'CN={0123456789ABCDEF0123456789ABCDEF}',
    newDn: 'CN=Renamed,OU=Groups,DC=contoso,DC=com',
    userPrincipalName: 'dana.kelly@contoso.com',
    displayName: 'Dana Kelly, "quoted"\ttab\nline',
    mail: 'dana.kelly@contoso.com',
    primarySmtp: 'dana@contoso.com',
    samAccountName: 'dkelly',
    sourceAnchor: 'T21aK3yeSwqOPR8qa1x9gA==',
    cloudAnchor: 'User_0001',
    alias: 'dana',
    objectGuid: '0f0e0d0c-0b0a-0908-0706-050403020100',
    identitySource: 'export-hologram',
    changedAttributes: ['member', 'displayName'],
    firstError: 'AttributeValueMustBeUnique',
    fingerprint: '0123456789abcdef0123456789abcdef',
    changeDigest: 'fedcba9876543210fedcba9876543210',
    valueChanges: 3,
    errorCount: 1,
    offset: 9_007_199_254_740_000,
    length: 4321,
  }),
  changeRow({ id: '{2}', pending: false, changedAttributes: ['member', 'displayName'] }),
  changeRow({ id: '{3}', changedAttributes: [] }),
];

describe('rows as the window keeps them', () => {
  it('are the rows packed, but for the fields the window drops, which are empty', () => {
    const unpack = windowRowUnpacker();
    const dropped = Object.fromEntries(FIELDS_THE_WINDOW_DROPS.map((field) => [field, '']));
    expect(unpack(packRows(rows))).toEqual(unpackRows(packRows(rows)).map((row) => ({ ...row, ...dropped })));
    expect(unpack(packRows([]))).toEqual([]);
  });

  it('share one list for the same changed attributes across the batches of a read', () => {
    const unpack = windowRowUnpacker();
    const [first, second] = unpack(packRows(rows));
    const [later] = unpack(packRows(rows));
    expect(first?.changedAttributes).toBe(second?.changedAttributes);
    expect(later?.changedAttributes).toBe(first?.changedAttributes);
    expect(windowRowUnpacker()(packRows(rows))[0]?.changedAttributes).not.toBe(first?.changedAttributes);
  });

  it('leave out only fields no code in renderer/ reads as a property (the detail panel shows them from the main process)', () => {
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? sources(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [readFileSync(join(dir, entry.name), 'utf8')] : [],
      );
    const renderer = sources(join(import.meta.dirname, '..', '..', 'renderer')).join('\n');
    expect(renderer.length).toBeGreaterThan(10_000);
    for (const field of FIELDS_THE_WINDOW_DROPS) expect(renderer, field).not.toMatch(new RegExp(`\\.${field}\\b`));
  });
});
