/** The CLI's review: mark, the review gate's exit codes before and after, the CSV's review columns. */
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { EXIT } from './export-review.node.js';
import { runCliForTest } from '../testing/run-cli.node.js';
import { makeTempDir, samplePath } from '../testing/samples.node.js';
import { CHANGED_ID, writeNextCycleOfAadSample } from '../testing/next-cycle.node.js';
import { ATTRIBUTE_COLUMNS, OBJECT_COLUMNS } from '../csv/csv-rows.js';

const temp = makeTempDir();
afterAll(() => temp.remove());

const run = runCliForTest;

/** A fresh copy of the AAD sample (11 pending: 2 add, 5 update, 3 delete, 1 delete-add) with no review file. */
function freshExport(name: string): string {
  const path = join(temp.dir, name);
  copyFileSync(samplePath('aad-connector-utf8.xml'), path);
  return path;
}

const csvRows = (path: string) => parse(readFileSync(path, 'utf8').replace(/^\ufeff/, ''), { relaxQuotes: false }) as string[][];

describe('export-review mark and the review gate', () => {
  it('marks rows chosen by operation, ids and state, and the gate opens only when all named changes are approved', async () => {
    const file = freshExport('gate.xml');
    const before = await run('summary', file, '--require-review', 'delete');
    expect(before.code).toBe(EXIT.notReviewed);
    expect(before.err).toMatch(/STOP: 4 of 4 pending changes \(delete\) are not approved: 4 unreviewed\./);
    expect(before.out).not.toContain('Review (');

    const marked = await run('mark', file, '--as', 'approved', '--operation', 'delete,delete-add', '--by', 'jdoe', '--note', 'checked with HR');
    expect(marked.code).toBe(EXIT.ok);
    expect(marked.err).toContain(`Marked approved: 4 pending changes; saved to ${file}.review.json`);
    const saved = JSON.parse(readFileSync(`${file}.review.json`, 'utf8')) as {
      format: string;
      version: number;
      marks: Record<string, { by: string; note: string }>;
    };
    expect([saved.format, saved.version, Object.keys(saved.marks).length]).toEqual(['export-review/review-marks', 1, 4]);
    expect(Object.values(saved.marks).every((m) => m.by === 'jdoe' && m.note === 'checked with HR')).toBe(true);

    const after = await run('summary', file, '--require-review', 'delete');
    expect(after.code).toBe(EXIT.ok);
    expect(after.out).toMatch(/Review \(.*gate\.xml\.review\.json\): 4 of 11 pending changes approved, 0 flagged, 0 stale, 7 unreviewed/);
    expect(after.out).toMatch(/^delete\s+0\s+3\s+0\s+0$/m);
    expect((await run('summary', file, '--require-review', 'all')).code).toBe(EXIT.notReviewed);

    const flagged = await run('mark', file, '--as', 'flagged', '--ids', '{00000003-1111-4A4A-9B9B-000000001003},{nope}');
    expect(flagged.err).toMatch(/1 of the --ids are not pending changes in gate\.xml and were not marked: \{nope\}/);
    expect(flagged.err).toContain('Marked flagged: 1 pending change');
    const shut = await run('summary', file, '--require-review', 'delete');
    expect(shut.code).toBe(EXIT.notReviewed);
    expect(shut.err).toMatch(/1 of 4 pending changes \(delete\) are not approved: 1 flagged/);

    // By current state: approve what is unreviewed among the updates, then clear the flagged one.
    expect((await run('mark', file, '--as', 'approved', '--operation', 'update', '--mark', 'unreviewed')).err).toContain('Marked approved: 5 pending changes');
    expect((await run('mark', file, '--as', 'clear', '--mark', 'flagged')).err).toContain('Cleared 1 pending change');
    expect((await run('summary', file, '--require-review', 'update,add')).err).toMatch(/2 of 7 pending changes \(update, add\) are not approved: 2 unreviewed/);
  });

  it('counts a mark on a change that differs in the next cycle as stale, and the gate stays shut', async () => {
    const file = freshExport('cycle.xml');
    await run('mark', file, '--as', 'approved', '--operation', 'add,update,delete,delete-add');
    expect((await run('summary', file, '--require-review', 'all')).code).toBe(EXIT.ok);
    writeNextCycleOfAadSample(file);
    const next = await run('summary', file, '--require-review', 'all');
    expect(next.code).toBe(EXIT.notReviewed);
    expect(next.err).toMatch(/1 of 11 pending changes \(all\) are not approved: 1 stale/);
    expect(next.out).toMatch(/10 of 11 pending changes approved, 0 flagged, 1 stale, 0 unreviewed/);
    const staleCsv = join(temp.dir, 'stale.csv');
    await run('csv', file, '-o', staleCsv, '--mark', 'stale');
    const rows = csvRows(staleCsv);
    expect(rows.slice(1).map((r) => r[OBJECT_COLUMNS.indexOf('Id')])).toEqual([CHANGED_ID]);
  });

  it('still writes the CSV, with the review columns on both levels, and exits 4 when the gate is shut', async () => {
    const file = freshExport('columns.xml');
    await run('mark', file, '--as', 'flagged', '--search', 'chen.wei@contoso.com', '--by', 'auditor', '--note', 'keep: on leave');
    const objects = join(temp.dir, 'columns.csv');
    const result = await run('csv', file, '-o', objects, '--operation', 'delete', '--require-review', 'delete');
    expect(result.code).toBe(EXIT.notReviewed);
    const rows = csvRows(objects);
    expect(rows[0]?.slice(-4)).toEqual(['Review', 'Review note', 'Reviewed by', 'Reviewed at']);
    const chen = rows.find((r) => r[OBJECT_COLUMNS.indexOf('UPN')] === 'chen.wei@contoso.com');
    expect(chen?.slice(-4, -1)).toEqual(['flagged', 'keep: on leave', 'auditor']);
    expect(chen?.at(-1)).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(rows.filter((r) => r[OBJECT_COLUMNS.indexOf('Review')] === 'unreviewed')).toHaveLength(2);

    const attributes = join(temp.dir, 'columns-attributes.csv');
    await run('csv', file, '-o', attributes, '--level', 'attribute', '--mark', 'flagged');
    const attributeRows = csvRows(attributes);
    expect(attributeRows[0]).toEqual([...ATTRIBUTE_COLUMNS]);
    expect(attributeRows.slice(1).map((r) => [r[ATTRIBUTE_COLUMNS.indexOf('UPN')], r[ATTRIBUTE_COLUMNS.indexOf('Review')]])).toEqual([
      ['chen.wei@contoso.com', 'flagged'],
    ]);
  });

  it('uses another review file with --review, and gives the deletes gate precedence when both fail', async () => {
    const file = freshExport('elsewhere.xml');
    const review = join(temp.dir, 'team.review.json');
    await run('mark', file, '--as', 'approved', '--operation', 'add', '--review', review);
    expect(existsSync(`${file}.review.json`)).toBe(false);
    expect((await run('summary', file, '--review', review)).out).toMatch(/2 of 11 pending changes approved/);
    const both = await run('summary', file, '--max-deletes', '1', '--require-review', 'delete');
    expect(both.code).toBe(EXIT.tooManyDeletes);
    expect(both.err).toMatch(/exceed --max-deletes 1[\s\S]*are not approved/);
  });

  it('refuses an unreadable review file with exit 1, naming it, and never overwrites it', async () => {
    const file = freshExport('broken.xml');
    const review = `${file}.review.json`;
    writeFileSync(review, '{"format":"export-review/review-marks","version":9,"marks":{}}');
    const before = readFileSync(review);
    for (const argv of [
      ['mark', file, '--as', 'approved', '--operation', 'delete'],
      ['summary', file],
      ['csv', file, '-o', join(temp.dir, 'never.csv')],
    ]) {
      const { code, err } = await run(...argv);
      expect(code, argv[0]).toBe(EXIT.readFailed);
      expect(err).toContain(`export-review: The review file ${review} was written by a newer Export Review (review file version 9)`);
      expect(err).toContain('It was left as it is.');
    }
    expect(readFileSync(review)).toEqual(before);
    expect(existsSync(join(temp.dir, 'never.csv'))).toBe(false);
  });

  it('exits 2 on a mark with no rows named, a wrong --as, or a wrong state', async () => {
    for (const argv of [
      ['mark', 'x.xml', '--as', 'approved'],
      ['mark', 'x.xml', '--as', 'maybe', '--operation', 'delete'],
      ['csv', 'x.xml', '-o', 'y.csv', '--mark', 'reviewed'],
      ['summary', 'x.xml', '--require-review', ''],
      ['mark', 'x.xml', '--as', 'approved', '--operation', 'delete', '--note', 'bell\u0007'],
    ]) {
      const { code, err } = await run(...argv);
      expect(code, argv.join(' ')).toBe(EXIT.usage);
      expect(err).toContain('Usage:');
    }
  });
});
