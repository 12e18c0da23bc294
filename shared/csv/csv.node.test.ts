/** CSV: quoting and formula neutralising, atomic writes, and a round trip through csv-parse. */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { csvCell, csvLine } from './csv-format.js';
import { writeCsvFile } from './write-csv-file.node.js';
import { exportCsv } from './export-csv.node.js';
import { ATTRIBUTE_COLUMNS, OBJECT_COLUMNS, objectCsvRow } from './csv-rows.js';
import { readExportRows } from '../read/read-export-file.node.js';
import type { ChangeRow } from '../rows/change-row.js';
import { makeTempDir, samplePath } from '../testing/samples.node.js';

const temp = makeTempDir();
afterAll(() => temp.remove());

function parseCsv(path: string): string[][] {
  const text = readFileSync(path, 'utf8');
  expect(text.startsWith('\ufeff')).toBe(true);
  return parse(text, { bom: true, relax_column_count: false }) as string[][];
}

describe('csvCell', () => {
  it('quotes per RFC 4180 and neutralises formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\r\nbreak')).toBe('"line\r\nbreak"');
    for (const risky of ['=SUM(1+1)', '+1', '-1', '@cmd', '\tx', '\rx']) expect(csvCell(risky).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvLine(['a', 1, '=x'])).toBe("a,1,'=x\r\n");
  });
});

describe('writeCsvFile', () => {
  it('leaves nothing behind when filling fails', async () => {
    const dir = join(temp.dir, 'failing');
    (await import('node:fs')).mkdirSync(dir);
    const target = join(dir, 'out.csv');
    await expect(
      writeCsvFile(target, ['a'], async (writer) => {
        writer.row(['1']);
        throw new Error('disk on fire');
      }),
    ).rejects.toThrow('disk on fire');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('replaces an existing file only when complete', async () => {
    const target = join(temp.dir, 'replace.csv');
    await writeCsvFile(target, ['a'], async (writer) => writer.row(['old']));
    await expect(writeCsvFile(target, ['a'], async () => Promise.reject(new Error('stop')))).rejects.toThrow('stop');
    expect(parseCsv(target)).toEqual([['a'], ['old']]);
  });
});

describe('round trip: reader → CSV → csv-parse', () => {
  it.each(['aad-connector-utf8.xml', 'ad-connector-utf16le-indented.xml', 'mim-sql-deltas-only.xml'])(
    'object level, %s, gives back the same cells',
    async (file) => {
      const rows: ChangeRow[] = [];
      await readExportRows(samplePath(file), { onRow: (row) => rows.push(row) });
      const out = join(temp.dir, `${file}.objects.csv`);
      const result = await exportCsv(samplePath(file), out, { level: 'object', scope: { filter: {} } });
      const parsed = parseCsv(out);
      expect(parsed[0]).toEqual([...OBJECT_COLUMNS]);
      const pending = rows.filter((r) => r.pending);
      expect(result.rows).toBe(pending.length);
      const unneutralise = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);
      expect(parsed.slice(1).map((r) => r.map(unneutralise))).toEqual(pending.map((r) => [...objectCsvRow(r), 'unreviewed', '', '', '']));
    },
  );

  it('keeps the CR/LF value and the formula-looking name of the AAD sample readable and inert', async () => {
    const out = join(temp.dir, 'aad-attributes.csv');
    await exportCsv(samplePath('aad-connector-utf8.xml'), out, { level: 'attribute', scope: { filter: {} } });
    const parsed = parseCsv(out);
    expect(parsed[0]).toEqual([...ATTRIBUTE_COLUMNS]);
    const column = (name: (typeof ATTRIBUTE_COLUMNS)[number]) => ATTRIBUTE_COLUMNS.indexOf(name);
    const department = parsed.find((r) => r[column('Attribute')] === 'department' && r[column('UPN')] === 'birgit.oelsner@contoso.com');
    expect(department?.[column('New value')]).toBe('Research &\nDevelopment');
    expect(parsed.some((r) => r[column('Display name')] === "'=SUM(1+1) Eve")).toBe(true);
  });

  it('writes attribute rows with old → new values and resolved references', async () => {
    const out = join(temp.dir, 'ad-attributes.csv');
    const result = await exportCsv(samplePath('ad-connector-utf16le-indented.xml'), out, { level: 'attribute', scope: { filter: {} } });
    const parsed = parseCsv(out);
    const column = (name: (typeof ATTRIBUTE_COLUMNS)[number]) => ATTRIBUTE_COLUMNS.indexOf(name);
    expect(result.rows).toBe(parsed.length - 1);
    const uac = parsed.find((r) => r[column('Attribute')] === 'userAccountControl');
    expect([uac?.[column('OMODT')], uac?.[column('AMODT')], uac?.[column('Old value')], uac?.[column('New value')]]).toEqual([
      'update',
      'replace',
      '512 (NORMAL_ACCOUNT)',
      '514 (ACCOUNTDISABLE, NORMAL_ACCOUNT)',
    ]);
    const members = parsed.filter((r) => r[column('Attribute')] === 'member');
    expect(members.map((r) => [r[column('New value')], r[column('Reference UPN')]])).toEqual([
      ['CN=Lara Smith,OU=Staff,DC=contoso,DC=com', 'lara.smith@contoso.com'],
      ['CN=Ortiz\\, Mateo,OU=Staff,DC=contoso,DC=com', 'mateo.ortiz@contoso.com'],
      ['CN=Not In This File,OU=Staff,DC=contoso,DC=com', '(not in this file)'],
    ]);
    const deletes = parsed.filter((r) => r[column('OMODT')] === 'delete');
    expect(deletes.map((r) => r[column('Display name')]).sort()).toEqual(['DESKTOP-ABC123', 'Svc Backup']);
  });

  it('exports exactly the chosen ids, and the filter subset', async () => {
    const out = join(temp.dir, 'ids.csv');
    const ids = ['{00000003-1111-4A4A-9B9B-000000001003}', '{00000007-1111-4A4A-9B9B-000000001007}'];
    await exportCsv(samplePath('aad-connector-utf8.xml'), out, { level: 'object', scope: { ids } });
    expect(
      parseCsv(out)
        .slice(1)
        .map((r) => r[OBJECT_COLUMNS.indexOf('Id')]),
    ).toEqual(ids);

    const deletesOnly = join(temp.dir, 'deletes.csv');
    const result = await exportCsv(samplePath('aad-connector-utf8.xml'), deletesOnly, { level: 'object', scope: { filter: { operations: ['delete'] } } });
    expect(
      parseCsv(deletesOnly)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(['delete', 'delete', 'delete']);
    expect(result.operationTotals).toEqual({ add: 2, update: 5, delete: 3, 'delete-add': 1 });
  });

  it("writes chosen ids in the order given (the grid's sort), not the file's, at both levels", async () => {
    const ids = ['{00000007-1111-4A4A-9B9B-000000001007}', '{00000002-1111-4A4A-9B9B-000000001002}', '{00000003-1111-4A4A-9B9B-000000001003}'];
    const objects = join(temp.dir, 'ordered.csv');
    await exportCsv(samplePath('aad-connector-utf8.xml'), objects, { level: 'object', scope: { ids } });
    expect(
      parseCsv(objects)
        .slice(1)
        .map((r) => r[OBJECT_COLUMNS.indexOf('Id')]),
    ).toEqual(ids);
    const attributes = join(temp.dir, 'ordered-attributes.csv');
    await exportCsv(samplePath('aad-connector-utf8.xml'), attributes, { level: 'attribute', scope: { ids } });
    const idColumn = ATTRIBUTE_COLUMNS.indexOf('Id');
    const inOrder = parseCsv(attributes)
      .slice(1)
      .map((r) => r[idColumn])
      .filter((id, i, all) => all[i - 1] !== id);
    expect(inOrder).toEqual(ids);
  });

  it('does not leave a CSV when the source is bad', async () => {
    const out = join(temp.dir, 'never.csv');
    const bad = join(temp.dir, 'bad.xml');
    (await import('node:fs')).writeFileSync(bad, '<cs-objects><cs-object id="x">');
    await expect(exportCsv(bad, out, { level: 'object', scope: { filter: {} } })).rejects.toMatchObject({ code: 'truncated' });
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(temp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
