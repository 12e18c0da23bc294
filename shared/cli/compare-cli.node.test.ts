/** The CLI's compare: classes and keys on two servers' exports, JSON, CSV at both levels, noise, the gate, a bad file. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { EXIT } from './export-review.node.js';
import { runCliForTest as run } from '../testing/run-cli.node.js';
import { makeTempDir } from '../testing/samples.node.js';
import { COMPARE_FIXTURE, writeCompareFixture } from '../testing/compare-fixture.node.js';
import type { DetailedComparison } from '../compare/compare-model.js';
import { COMPARE_OBJECT_COLUMNS } from '../compare/compare-csv.js';

const temp = makeTempDir();
afterAll(() => temp.remove());
let files: ReturnType<typeof writeCompareFixture>;
beforeAll(() => {
  files = writeCompareFixture(temp.dir);
});

const csvRows = (path: string) => parse(readFileSync(path, 'utf8').replace(/^\ufeff/, '')) as string[][];

async function comparison(...extra: string[]): Promise<DetailedComparison & { transient?: number }> {
  const { code, out } = await run('compare', files.first, files.second, '--json', ...extra);
  expect(code).toBe(EXIT.ok);
  return JSON.parse(out) as DetailedComparison;
}

describe('export-review compare', () => {
  it('pairs on the object, not the text: DNs without case, renames, anchors; values in any order', async () => {
    const result = await comparison();
    expect(result.counts).toEqual(COMPARE_FIXTURE.counts);
    const of = (upn: string) => result.changes.find((c) => (c.first ?? c.second)?.userPrincipalName === upn);
    expect(of('user7@contoso.com')).toMatchObject({ class: 'different', pairedBy: 'dn', differences: ['department'] });
    expect(of('user8@contoso.com')).toMatchObject({
      class: 'different',
      differences: ['operation', 'department'],
      first: { operation: 'update' },
      second: { operation: 'delete' },
    });
    expect(of('user11@contoso.com')).toMatchObject({ class: 'different', pairedBy: 'new-dn', differences: ['new DN'] });
    expect(of('user9@contoso.com')).toMatchObject({ class: 'onlyInFirst' });
    expect(of('user14@contoso.com')).toMatchObject({ class: 'onlyInFirst' });
    expect(of('user10@contoso.com')).toMatchObject({ class: 'onlyInSecond', second: { operation: 'add' } });
    // The same ones are listed only with --all, with the key that paired them.
    expect(of('user6@contoso.com')).toBeUndefined();
    const all = await comparison('--all');
    const pairedBy = (upn: string) => all.changes.find((c) => c.first?.userPrincipalName === upn)?.pairedBy;
    expect([pairedBy('user6@contoso.com'), pairedBy('user12@contoso.com'), pairedBy('user13@contoso.com')]).toEqual(['dn', 'source-anchor', 'dn']);
    expect(all.changes.filter((c) => c.class === 'same')).toHaveLength(COMPARE_FIXTURE.counts.same);
  });

  it('prints counts per class and operation and each difference with its identity', async () => {
    const { code, out } = await run('compare', files.first, files.second);
    expect(code).toBe(EXIT.ok);
    expect(out).toMatch(/total\s+2\s+1\s+3\s+8\n/);
    expect(out).toContain('different  update / update  user7@contoso.com  differ: department  (paired by dn)');
    expect(out).toContain('only in second  - / add  user10@contoso.com');
  });

  it('keeps only the differences found again in the second pair of exports', async () => {
    const result = await comparison('--first-again', files.firstAgain, '--second-again', files.secondAgain);
    expect(result.counts).toEqual(COMPARE_FIXTURE.steady);
    expect(result.transient).toBe(COMPARE_FIXTURE.transient);
    expect((await run('compare', files.first, files.second, '--first-again', files.firstAgain)).code).toBe(EXIT.usage);
  });

  it('writes one row per difference, or per differing attribute value with the value on each side', async () => {
    const out = join(temp.dir, 'diff.csv');
    expect((await run('compare', files.first, files.second, '-o', out)).code).toBe(EXIT.ok);
    const [header, ...rows] = csvRows(out);
    expect(header).toEqual([...COMPARE_OBJECT_COLUMNS]);
    expect(rows).toHaveLength(6);
    const attributes = join(temp.dir, 'diff-attributes.csv');
    expect((await run('compare', files.first, files.second, '-o', attributes, '--level', 'attribute')).code).toBe(EXIT.ok);
    const values = csvRows(attributes).slice(1);
    expect(values.find((r) => r[3] === 'user7@contoso.com')?.slice(6)).toEqual(['department', 'replace', 'replace', 'Marketing', 'Finance']);
    expect(values.filter((r) => r[3] === 'user8@contoso.com').map((r) => r[6])).toEqual(['operation', 'department']);
    expect(values.find((r) => r[3] === 'user11@contoso.com')?.slice(6)).toEqual(['new DN', '', '', 'CN=User Eleven,OU=Staff,DC=contoso,DC=com', '']);
    const withAll = join(temp.dir, 'diff-all.csv');
    await run('compare', files.first, files.second, '-o', withAll, '--all');
    expect(csvRows(withAll)).toHaveLength(1 + 6 + COMPARE_FIXTURE.counts.same);
  });

  it('exits 3 when differences exceed --max-differences', async () => {
    const over = await run('compare', files.first, files.second, '--max-differences', '5');
    expect(over.code).toBe(EXIT.tooManyDifferences);
    expect(over.err).toContain('STOP: 6 differences exceed --max-differences 5.');
    expect((await run('compare', files.first, files.second, '--max-differences', '6')).code).toBe(EXIT.ok);
  });

  it('names the file it cannot read, and leaves no CSV behind', async () => {
    const broken = join(temp.dir, 'broken.xml');
    writeFileSync(broken, '<?xml version="1.0"?><cs-objects><cs-object id="x">');
    const out = join(temp.dir, 'never.csv');
    const { code, err } = await run('compare', files.first, broken, '-o', out);
    expect(code).toBe(EXIT.readFailed);
    expect(err).toMatch(new RegExp(`^export-review: cannot read ${broken.replace(/[.\\/]/g, '\\$&')}: `));
    expect(existsSync(out)).toBe(false);
    expect((await run('compare', files.first)).code).toBe(EXIT.usage);
  });
});
