/** The impact counted in the same read as the rows: a fixture with planted mass changes, the samples, and the attribute-level CSV. */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { readExportRows } from '../read/read-export-file.node.js';
import { emptyImpactTally, impactReport } from './impact-tally.js';
import type { ImpactReport } from './impact-model.js';
import { exportCsv } from '../csv/export-csv.node.js';
import { IMPACT_FIXTURE as F, userUpn, writeImpactFixture } from '../testing/impact-fixture.node.js';
import { loadTruth, makeTempDir, samplePath } from '../testing/samples.node.js';
import { writeGeneratedExport } from '../../scripts/generate-export.js';
import type { ChangeRow } from '../rows/change-row.js';

const temp = makeTempDir();
afterAll(() => temp.remove());

async function impactOf(path: string, workers = 0): Promise<ImpactReport> {
  const tally = emptyImpactTally();
  await readExportRows(path, { onRow: () => undefined, impact: tally, workers });
  return impactReport(tally);
}

/** Objects per object type and attribute that the attribute-level CSV lists for existing objects (updates and replaces). */
async function attributeCsvObjects(path: string): Promise<Map<string, number>> {
  const csv = join(temp.dir, 'attributes.csv');
  await exportCsv(path, csv, { level: 'attribute', scope: { filter: {} } });
  const [header, ...rows] = parse(readFileSync(csv, 'utf8'), { bom: true }) as string[][];
  const column = (name: string) => header?.indexOf(name) ?? -1;
  const [omodt, type, attribute, id] = [column('OMODT'), column('Object type'), column('Attribute'), column('Id')];
  const ids = new Map<string, Set<string>>();
  for (const row of rows) {
    if (row[omodt] !== 'update' && row[omodt] !== 'replace') continue;
    const key = `${row[type]}/${row[attribute]}`;
    if (!ids.has(key)) ids.set(key, new Set());
    ids.get(key)?.add(row[id] as string);
  }
  return new Map([...ids].map(([key, set]) => [key, set.size]));
}

function attributeObjects(report: ImpactReport): Map<string, number> {
  return new Map(report.attributes.map((a) => [`${a.objectType}/${a.attribute}`, a.objects]));
}

describe('impact of a file with planted mass changes', () => {
  for (const encoding of ['utf8', 'utf16le'] as const) {
    it(`counts every attribute, pattern and group exactly (${encoding}), with and without parse workers`, async () => {
      const path = join(temp.dir, `impact-${encoding}.xml`);
      writeImpactFixture(path, encoding);
      const report = await impactOf(path);
      expect(await impactOf(path, 2)).toEqual(report);

      const attribute = (type: string, name: string) => report.attributes.find((a) => a.objectType === type && a.attribute === name);
      expect(attribute('user', 'userPrincipalName')).toMatchObject({ objects: F.upnChanged, operations: { replace: F.upnChanged } });
      const departments = F.departmentChanged + F.departmentSet + F.departmentCleared;
      expect(attribute('user', 'department')).toMatchObject({
        objects: departments,
        operations: { replace: F.departmentChanged + F.departmentSet, delete: F.departmentCleared },
      });
      expect(attribute('group', 'member')).toMatchObject({
        objects: 3,
        multivalued: true,
        operations: { update: 2, replace: 1 },
        valuesAdded: F.phoenixAdded + F.approversAdded,
        valuesRemoved: F.allStaffRemoved + F.phoenixRemoved + F.approversRemoved,
        valuesNowUnknown: 0,
      });
      // Adds and deletes are counted by operation: nothing else changes an attribute here.
      expect(report.attributes).toHaveLength(3);

      const patterns = report.valueChanges.map(({ objectType, attribute, kind, from, to, objects }) => ({ objectType, attribute, kind, from, to, objects }));
      expect(patterns).toEqual([
        { objectType: 'user', attribute: 'userPrincipalName', kind: 'changed', from: 'contoso', to: 'fabrikam', objects: F.upnChanged },
        { objectType: 'user', attribute: 'department', kind: 'changed', from: 'Sales', to: 'Marketing', objects: F.departmentChanged },
        { objectType: 'user', attribute: 'department', kind: 'set', from: '', to: 'Finance', objects: F.departmentSet },
        { objectType: 'user', attribute: 'department', kind: 'cleared', from: 'Sales', to: '', objects: F.departmentCleared },
      ]);
      expect(report.valueChanges[0]?.rows).toEqual(Array.from({ length: F.upnChanged }, (_, i) => i));
      expect(report.valueChanges[0]?.examples).toEqual([
        { id: expect.any(String), label: userUpn(1).replace('contoso', 'fabrikam'), before: userUpn(1), after: userUpn(1).replace('contoso', 'fabrikam') },
        expect.objectContaining({ before: userUpn(2) }),
        expect.objectContaining({ before: userUpn(3) }),
      ]);
      expect(report.patternCoverage.find((c) => c.attribute === 'department')).toEqual({
        objectType: 'user',
        attribute: 'department',
        objects: departments,
        patterns: 3,
        notListed: 0,
        notTracked: 0,
        valueNowUnknown: 0,
      });

      expect(report.groups.map(({ displayName, membersAdded, membersRemoved, complete }) => ({ displayName, membersAdded, membersRemoved, complete }))).toEqual(
        [
          { displayName: 'All Staff', membersAdded: 0, membersRemoved: F.allStaffRemoved, complete: true },
          { displayName: 'Project Phoenix', membersAdded: F.phoenixAdded, membersRemoved: F.phoenixRemoved, complete: true },
          { displayName: 'Finance Approvers', membersAdded: F.approversAdded, membersRemoved: F.approversRemoved, complete: true },
        ],
      );

      expect(attributeObjects(report)).toEqual(await attributeCsvObjects(path));
    });
  }
});

describe('impact of objects laid out otherwise, or without holograms', () => {
  const object = (id: number, inner: string) => `<cs-object cs-dn="CN={${id}}" id="{${id}}" object-type="user">${inner}</cs-object>`;
  const delta =
    '<unapplied-export><delta operation="update" dn="CN={1}"><attr name="department" type="string" multivalued="false" operation="replace"><value>Marketing</value></attr></delta></unapplied-export>';
  const now =
    '<synchronized-hologram><entry dn="CN={1}"><attr name="department" type="string" multivalued="false"><value>Sales</value></attr></entry></synchronized-hologram>';
  const write = (name: string, objects: string[]) => {
    const path = join(temp.dir, name);
    writeFileSync(path, `<?xml version="1.0" encoding="UTF-8"?><cs-objects>${objects.join('')}</cs-objects>`);
    return path;
  };

  it('finds the value now wherever the synchronized hologram is in the object', async () => {
    const report = await impactOf(write('hologram-first.xml', [object(1, now + delta), object(2, delta + now)]));
    expect(report.valueChanges.map(({ from, to, objects }) => ({ from, to, objects }))).toEqual([{ from: 'Sales', to: 'Marketing', objects: 2 }]);
  });

  it('says what it cannot know without a synchronized hologram (csexport /o:d), rather than calling the value "set"', async () => {
    const members = '<dn-attr name="member" multivalued="true" operation="replace"><dn-value><dn>CN={7}</dn></dn-value></dn-attr>';
    const group = `<cs-object cs-dn="CN={3}" id="{3}" object-type="group"><unapplied-export><delta operation="update" dn="CN={3}">${members}</delta></unapplied-export></cs-object>`;
    const report = await impactOf(write('deltas-only.xml', [object(1, delta), group]));
    expect(report.valueChanges).toEqual([]);
    expect(report.patternCoverage).toEqual([
      { objectType: 'user', attribute: 'department', objects: 0, patterns: 0, notListed: 0, notTracked: 0, valueNowUnknown: 1 },
    ]);
    expect(report.groups).toMatchObject([{ id: '{3}', membersAdded: 1, membersRemoved: 0, complete: false }]);
    expect(report.attributes.find((a) => a.attribute === 'member')).toMatchObject({ valuesNowUnknown: 1 });
  });
});

describe('impact of a generated file read in many batches', () => {
  it("is the same with and without parse workers, and each pattern's rows are the objects that changed so", async () => {
    const path = join(temp.dir, 'generated.xml');
    await writeGeneratedExport(path, { objects: 3000, seed: 9 });
    const rows: ChangeRow[] = [];
    const tally = emptyImpactTally();
    await readExportRows(path, { onRow: (row) => rows.push(row), impact: tally, workers: 2 });
    const report = impactReport(tally);
    expect(await impactOf(path)).toEqual(report);
    const upn = report.valueChanges.find((v) => v.attribute === 'userPrincipalName');
    expect(upn).toMatchObject({ kind: 'changed', from: 'contoso', to: 'fabrikam' });
    for (const pattern of report.valueChanges) {
      expect(pattern.rows).toHaveLength(pattern.objects);
      for (const at of pattern.rows) expect(rows[at]?.changedAttributes).toContain(pattern.attribute);
      expect(pattern.examples.map((e) => e.id)).toEqual(pattern.rows.slice(0, 3).map((at) => rows[at]?.id));
    }
    expect(attributeObjects(report)).toEqual(await attributeCsvObjects(path));
  });
});

describe('impact of the reference samples', () => {
  for (const { file } of loadTruth()) {
    it(`counts what the attribute-level CSV lists for ${file}`, async () => {
      const report = await impactOf(samplePath(file));
      expect(attributeObjects(report)).toEqual(await attributeCsvObjects(samplePath(file)));
      for (const group of report.groups) expect(group.membersAdded + group.membersRemoved).toBeGreaterThan(0);
    });
  }
});
