/** The CLI's impact: the tables and the JSON, the --max-changes gate, csv --attribute and --level member. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { EXIT } from './export-review.node.js';
import { runCliForTest as run } from '../testing/run-cli.node.js';
import { makeTempDir } from '../testing/samples.node.js';
import { IMPACT_FIXTURE as F, userDn, userUpn, writeImpactFixture } from '../testing/impact-fixture.node.js';
import { MEMBER_COLUMNS } from '../csv/member-rows.js';
import type { ImpactReport } from '../impact/impact-model.js';

const temp = makeTempDir();
afterAll(() => temp.remove());
const file = join(temp.dir, 'mass-change.xml');
const utf16 = join(temp.dir, 'mass-change-utf16.xml');
beforeAll(() => {
  writeImpactFixture(file);
  writeImpactFixture(utf16, 'utf16le');
});

const csvRows = (path: string) => parse(readFileSync(path, 'utf8').replace(/^\ufeff/, '')) as string[][];

describe('export-review impact', () => {
  it('prints attributes by objects changed, the UPN pattern with examples, and groups by members removed', async () => {
    const { code, out } = await run('impact', file);
    expect(code).toBe(EXIT.ok);
    expect(out).toMatch(new RegExp(`user / userPrincipalName\\s+${F.upnChanged}\\s+0\\s+${F.upnChanged}\\s+0\\s+0`));
    expect(out).toMatch(new RegExp(`"contoso" → "fabrikam"\\s+${F.upnChanged}\\s+e\\.g\\. user1@fabrikam\\.com, user2@fabrikam\\.com, user3@fabrikam\\.com`));
    expect(out).toContain('set to "Finance"');
    expect(out).toContain('cleared (was "Sales")');
    expect(out).toMatch(
      new RegExp(`Groups with member changes \\(3\\):\\n\\s+group\\s+members removed\\s+members added\\n\\s+All Staff\\s+${F.allStaffRemoved}\\s+0\\n`),
    );
  });

  it('prints the documented JSON shape, the same for UTF-16', async () => {
    const { code, out } = await run('impact', file, '--json');
    expect(code).toBe(EXIT.ok);
    const report = JSON.parse(out) as ImpactReport & { file: string; operations: Record<string, number> };
    expect(report.operations).toEqual({
      update: F.upnChanged + F.departmentChanged + F.departmentSet + F.departmentCleared + 2,
      add: F.adds + 1,
      delete: F.deletes,
      replace: 1,
    });
    expect(report.attributes[0]).toMatchObject({ objectType: 'user', attribute: 'userPrincipalName', objects: F.upnChanged });
    expect(report.valueChanges[0]).toMatchObject({ attribute: 'userPrincipalName', from: 'contoso', to: 'fabrikam', objects: F.upnChanged });
    expect(report.groups[0]).toMatchObject({ displayName: 'All Staff', membersAdded: 0, membersRemoved: F.allStaffRemoved, id: expect.any(String) });
    const again = JSON.parse((await run('impact', utf16, '--json')).out) as typeof report;
    // The same figures; only where each group lies in the file differs (two bytes a character).
    const placeless = (r: typeof report) => ({
      ...r,
      file: '',
      groups: r.groups.map(({ offset, length, ...group }) => ({ ...group, bytes: offset > 0 && length > 0 })),
    });
    expect(placeless(again)).toEqual(placeless(report));
  });

  it('exits 3 naming each attribute over its --max-changes limit, on impact, summary and csv', async () => {
    const over = await run('impact', file, '--max-changes', `userPrincipalName=${F.upnChanged - 1},department=1000`);
    expect(over.code).toBe(EXIT.tooManyChanges);
    expect(over.err).toBe(
      `STOP: ${F.upnChanged} objects change userPrincipalName, more than --max-changes userPrincipalName=${F.upnChanged - 1}. Review them before leaving staging mode.\n`,
    );
    expect((await run('impact', file, '--max-changes', `userprincipalname=${F.upnChanged}`)).code).toBe(EXIT.ok);
    const summary = await run('summary', file, '--max-changes', 'member=2');
    expect(summary.code).toBe(EXIT.tooManyChanges);
    expect(summary.err).toContain('STOP: 3 objects change member');
    const out = join(temp.dir, 'gated.csv');
    const csv = await run('csv', file, '-o', out, '--type', 'group', '--max-changes', 'department=100');
    expect(csv.code).toBe(EXIT.tooManyChanges);
    // The gate counts the whole file, not the rows written.
    expect(csv.err).toContain(`STOP: ${F.departmentChanged + F.departmentSet + F.departmentCleared} objects change department`);
    expect(existsSync(out)).toBe(true);
  });

  it('refuses a malformed --max-changes', async () => {
    for (const bad of ['userPrincipalName', 'mail=lots', '=5']) {
      const { code, err } = await run('impact', file, '--max-changes', bad);
      expect(code).toBe(EXIT.usage);
      expect(err).toContain('--max-changes takes ATTRIBUTE=N pairs');
    }
  });
});

describe('export-review csv --attribute and --level member', () => {
  it('writes only the rows that change one of the attributes, and at the attribute level only those attributes', async () => {
    const objects = join(temp.dir, 'upn-objects.csv');
    expect((await run('csv', file, '-o', objects, '--attribute', 'userprincipalname')).code).toBe(EXIT.ok);
    expect(csvRows(objects)).toHaveLength(1 + F.upnChanged + F.adds);
    const attributes = join(temp.dir, 'department-attributes.csv');
    expect((await run('csv', file, '-o', attributes, '--level', 'attribute', '--attribute', 'department', '--operation', 'update')).code).toBe(EXIT.ok);
    const [header, ...rows] = csvRows(attributes);
    const column = header?.indexOf('Attribute') ?? -1;
    expect(new Set(rows.map((row) => row[column]))).toEqual(new Set(['department']));
    expect(rows).toHaveLength(F.departmentChanged + F.departmentSet + F.departmentCleared);
  });

  it('writes one row per member added or removed, resolved where the member is in the file', async () => {
    const out = join(temp.dir, 'members.csv');
    const { code, err } = await run('csv', file, '-o', out, '--level', 'member');
    expect(code).toBe(EXIT.ok);
    const [header, ...rows] = csvRows(out);
    expect(header).toEqual([...MEMBER_COLUMNS]);
    const total = F.allStaffRemoved + F.phoenixAdded + F.phoenixRemoved + F.approversAdded + F.approversRemoved;
    expect(rows).toHaveLength(total);
    expect(err).toContain(`Wrote ${total} rows (3 objects)`);
    const allStaff = rows.filter((row) => row[0] === 'All Staff');
    expect(allStaff.every((row) => row[2] === 'removed')).toBe(true);
    expect(allStaff.filter((row) => row[4] === '(not in this file)')).toHaveLength(F.allStaffRemovedElsewhere);
    // User 250 is among those whose UPN changes: named as it will be.
    expect(allStaff.at(-1)?.slice(3, 6)).toEqual([
      userDn(F.allStaffRemoved),
      userUpn(F.allStaffRemoved).replace('contoso', 'fabrikam'),
      `User ${F.allStaffRemoved}`,
    ]);
    const approvers = rows.filter((row) => row[0] === 'Finance Approvers').map((row) => [row[2], row[4]]);
    const after = (n: number) => userUpn(n).replace('contoso', 'fabrikam');
    expect(approvers).toEqual([
      ['added', after(11)],
      ['added', after(12)],
      ['removed', after(1)],
      ['removed', after(2)],
    ]);
  });
});
