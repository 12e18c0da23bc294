/** The CLI as a go-live script would use it: output, exit codes, the delete gate. */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT } from './export-review.node.js';
import { runCliForTest } from '../testing/run-cli.node.js';
import { makeTempDir, samplePath } from '../testing/samples.node.js';

const temp = makeTempDir();
afterAll(() => temp.remove());

const run = runCliForTest;

describe('export-review summary', () => {
  it('prints counts per operation and type, the deletes with their identity, and errors', async () => {
    const { code, out } = await run('summary', samplePath('aad-connector-utf8.xml'));
    expect(code).toBe(EXIT.ok);
    expect(out).toMatch(/11 pending changes, and 1 object without a pending export/);
    expect(out).toMatch(/^delete\s+0\s+1\s+0\s+2\s+3$/m);
    expect(out).toMatch(/^update\s+0\s+0\s+1\s+4\s+5$/m);
    expect(out).toContain('chen.wei@contoso.com');
    expect(out).toContain('LAPTOP-7QK2M');
    expect(out).toMatch(/Objects with errors \(1\):\n\s+ivan.petrov@contoso.com .*AttributeValueMustBeUnique/);
  });

  it('says when nothing is pending', async () => {
    const { code, out } = await run('summary', samplePath('no-pending-exports.xml'));
    expect(code).toBe(EXIT.ok);
    expect(out).toContain('No pending exports');
  });

  it('fails the delete gate with exit code 3, counting delete-adds too', async () => {
    const over = await run('summary', samplePath('aad-connector-utf8.xml'), '--max-deletes', '3');
    expect(over.code).toBe(EXIT.tooManyDeletes);
    expect(over.err).toMatch(/4 pending deletes exceed --max-deletes 3/);
    expect((await run('summary', samplePath('aad-connector-utf8.xml'), '--max-deletes', '4')).code).toBe(EXIT.ok);
  });
});

describe('export-review csv', () => {
  it('writes the filtered subset', async () => {
    const out = join(temp.dir, 'deletes.csv');
    const { code, err } = await run('csv', samplePath('ad-connector-utf16le-indented.xml'), '-o', out, '--operation', 'delete', '--type', 'user,msDS-Device');
    expect(code).toBe(EXIT.ok);
    expect(err).toMatch(/Wrote 2 rows \(2 objects\)/);
    const lines = readFileSync(out, 'utf8').trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines.slice(1).every((l) => l.startsWith('delete,'))).toBe(true);
  });

  it('searches UPN, name, mail and DN', async () => {
    const out = join(temp.dir, 'search.csv');
    await run('csv', samplePath('aad-connector-utf8.xml'), '-o', out, '--search', 'CHEN.WEI');
    expect(readFileSync(out, 'utf8').trim().split('\r\n')).toHaveLength(2);
  });

  it('still writes the CSV, then exits 3, when deletes exceed the gate', async () => {
    const out = join(temp.dir, 'gate.csv');
    const { code } = await run('csv', samplePath('aad-connector-utf8.xml'), '-o', out, '--operation', 'add', '--max-deletes', '1');
    expect(code).toBe(EXIT.tooManyDeletes);
    expect(existsSync(out)).toBe(true);
  });
});

describe('errors', () => {
  it('exits 2 with usage on wrong arguments', async () => {
    for (const argv of [
      [],
      ['summary'],
      ['frobnicate', 'x.xml'],
      ['csv', 'x.xml'],
      ['summary', 'x.xml', '--max-deletes', 'many'],
      ['csv', 'x.xml', '-o', 'y.csv', '--level', 'cell'],
      ['summary', 'x.xml', '--bogus'],
    ]) {
      const { code, err } = await run(...argv);
      expect(code, argv.join(' ')).toBe(EXIT.usage);
      expect(err).toContain('Usage:');
    }
  });

  it('exits 1 with a clear message on a bad file, and writes no CSV', async () => {
    const bad = join(temp.dir, 'bad.xml');
    writeFileSync(bad, 'this is not xml');
    const out = join(temp.dir, 'bad.csv');
    const { code, err } = await run('csv', bad, '-o', out);
    expect(code).toBe(EXIT.readFailed);
    expect(err).toMatch(/cannot read .*bad\.xml: This is not an XML file/);
    expect(existsSync(out)).toBe(false);
    expect((await run('summary', join(temp.dir, 'missing.xml'))).err).toMatch(/Cannot open the file/);
  });
});

describe('a malformed file read by the worker pool', () => {
  it('ends in one line and exit code 1, with nothing left on disk, however many batches fail', async () => {
    const object = (k: number) =>
      `<cs-object cs-dn="CN=${k}" id="{${k}}" object-type="user"><unapplied-export><delta operation="update" dn="CN=${k}"><attr name="d" type="string" multivalued="false" operation="replace"><value>${'x'.repeat(3000)}</value></attr>${k % 1500 === 700 ? '</delta2>' : '</delta>'}</unapplied-export></cs-object>`;
    const path = join(temp.dir, 'pool-bad.xml');
    writeFileSync(path, `<?xml version="1.0" encoding="UTF-8"?><cs-objects>${Array.from({ length: 6000 }, (_, k) => object(k)).join('')}</cs-objects>`);
    const target = join(temp.dir, 'pool-bad.csv');
    for (const argv of [
      ['summary', path],
      ['csv', path, '-o', target],
      ['csv', path, '-o', target, '--level', 'attribute'],
    ]) {
      const { code, err } = await run(...argv);
      expect(code).toBe(EXIT.readFailed);
      expect(err.trim().split('\n')).toEqual([expect.stringMatching(/^export-review: cannot read .*<delta> is closed by <\/delta2> \(at byte [\d,]+\)$/)]);
    }
    expect(readdirSync(temp.dir).filter((name) => name.includes('pool-bad.csv'))).toEqual([]);
  });
});

describe('a CSV target in a folder that does not exist', () => {
  it('says so in plain words, exit 1, and writes nothing', async () => {
    const target = join(temp.dir, 'no-such-folder', 'out.csv');
    const { code, err } = await run('csv', samplePath('aad-connector-utf8.xml'), '-o', target);
    expect(code).toBe(EXIT.readFailed);
    expect(err.trim()).toMatch(/^export-review: The folder .*no-such-folder does not exist; the CSV was not written$/);
    expect(existsSync(join(temp.dir, 'no-such-folder'))).toBe(false);
  });
});
