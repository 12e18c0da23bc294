/** Every kind of bad input gets a typed, clear error with a byte offset, and never crashes the process. */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExportReadError, type ReadErrorCode } from '../read-errors.js';
import { makeTempDir, readAllRecords, samplePath } from '../testing/samples.node.js';
import { readExportRows } from './read-export-file.node.js';

const temp = makeTempDir();
afterAll(() => temp.remove());

let counter = 0;
function fixture(content: string | Buffer): string {
  const path = join(temp.dir, `bad-${counter++}.xml`);
  writeFileSync(path, content);
  return path;
}

/** Bad input fails the same way whether the file is read as full records (details, CSV) or as grid rows (the app). */
async function readError(path: string, workers = 0, output: 'records' | 'rows' = 'records'): Promise<ExportReadError> {
  try {
    if (output === 'rows') await readExportRows(path, { workers, onRow: () => undefined });
    else await readAllRecords(path, { workers });
  } catch (error) {
    expect(error).toBeInstanceOf(ExportReadError);
    return error as ExportReadError;
  }
  throw new Error('expected the read to fail');
}

const object = (id: string, body = '') =>
  `<cs-object cs-dn="CN=${id}" id="{${id}}" object-type="user"><unapplied-export><delta operation="update" dn="CN=${id}">${body}</delta></unapplied-export></cs-object>`;
const wrap = (inner: string) => `<?xml version="1.0" encoding="UTF-8"?><cs-objects>${inner}</cs-objects>`;
function invalidUtf8(): Buffer {
  const text = wrap(object('A1', '<attr name="x" type="string" multivalued="false" operation="add"><value>#</value></attr>'));
  const bytes = Buffer.from(text);
  bytes[text.indexOf('#')] = 0xc3; // a lead byte followed by "<": not UTF-8
  return bytes;
}
const aad = () => readFileSync(samplePath('aad-connector-utf8.xml'));

const cases: Array<[string, () => string | Buffer, ReadErrorCode, RegExp]> = [
  ['an empty file', () => '', 'empty-file', /empty/],
  ['whitespace only', () => '   \n', 'empty-file', /empty or cut off/],
  ['a PNG', () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'not-xml', /not an XML file/],
  ['plain text', () => 'id,operation\n1,delete\n', 'not-xml', /not an XML file .*"id,operation/],
  ['another XML document', () => '<?xml version="1.0"?><html><body/></html>', 'wrong-root', /root element is <html>, expected <cs-objects>/],
  [
    'a DOCTYPE with entities (billion laughs)',
    () => '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><cs-objects>&lol2;</cs-objects>',
    'doctype-refused',
    /DOCTYPE/,
  ],
  [
    'an undeclared entity in a value',
    () => wrap(object('A1', '<attr name="x" type="string" multivalued="false" operation="add"><value>&xxe;</value></attr>')),
    'malformed-xml',
    /undeclared entity "&xxe;"/,
  ],
  [
    'a bare ampersand',
    () => wrap(object('A1', '<attr name="x" type="string" multivalued="false" operation="add"><value>R&D</value></attr>')),
    'malformed-xml',
    /bare "&"/,
  ],
  [
    'mismatched tags',
    () => wrap(object('A1', '<attr name="x" type="string" multivalued="false"><value>v</attr></value>')),
    'malformed-xml',
    /<value> is closed by <\/attr>/,
  ],
  ['an unquoted attribute', () => wrap('<cs-object id=A1 cs-dn="x" object-type="user"></cs-object>'), 'malformed-xml', /not quoted/],
  ['a duplicated attribute', () => wrap('<cs-object id="a" id="b" cs-dn="x" object-type="user"></cs-object>'), 'malformed-xml', /appears twice/],
  [
    'a stray "<" in text',
    () => wrap(object('A1', '<attr name="x" type="string" multivalued="false"><value>a < b</value></attr>')),
    'malformed-xml',
    /does not start a tag/,
  ],
  ['text between objects', () => wrap(object('A1') + 'garbage' + object('A2')), 'unexpected-content', /between objects: "garbage/],
  ['content after the root', () => wrap(object('A1')) + '<cs-objects>', 'unexpected-content', /after <\/cs-objects>/],
  ['a file cut inside an object', () => aad().subarray(0, 20_000), 'truncated', /never closed/],
  ['a file cut between objects', () => wrap(object('A1')).replace('</cs-objects>', ''), 'truncated', /ends before <\/cs-objects>/],
  ['a file cut inside the root tag', () => '<?xml version="1.0"?><cs-obje', 'truncated', /cut off|no <cs-objects>/],
  ['invalid UTF-8 bytes', () => invalidUtf8(), 'invalid-encoding', /not valid UTF-8/],
  ['a UTF-32 file', () => Buffer.from([0xff, 0xfe, 0, 0, 0x3c, 0, 0, 0]), 'unsupported-encoding', /UTF-32/],
  ['a declared Latin-1 file', () => '<?xml version="1.0" encoding="ISO-8859-1"?><cs-objects></cs-objects>', 'unsupported-encoding', /iso-8859-1/],
  ['UTF-16 declared without UTF-16 bytes', () => '<?xml version="1.0" encoding="UTF-16"?><cs-objects></cs-objects>', 'invalid-encoding', /not UTF-16/],
];

describe.each([
  ['records', 0],
  ['records', 2],
  ['rows', 0],
  ['rows', 2],
] as const)('bad input read as %s with %i parse workers', (output, workers) => {
  it.each(cases)('%s', async (_name, make, code, message) => {
    const error = await readError(fixture(make()), workers, output);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    if (code !== 'empty-file') expect(error.byteOffset).toBeTypeOf('number');
  });
});

describe('positions and limits', () => {
  it('points at the byte where a malformed object goes wrong', async () => {
    const good = object('A1');
    const content = wrap(good + '<cs-object cs-dn="x" id="{B}" object-type="user"><oops></cs-object>');
    const error = await readError(fixture(content));
    expect(error.code).toBe('malformed-xml');
    expect(content.slice(error.byteOffset as number)).toMatch(/^<\/cs-object>/);
  });

  it('refuses a value over 16 MiB', async () => {
    const huge = 'x'.repeat(16 * 1024 * 1024 + 10);
    const error = await readError(
      fixture(wrap(object('A1', `<attr name="x" type="string" multivalued="false" operation="add"><value>${huge}</value></attr>`))),
    );
    expect(error.code).toBe('value-too-large');
    expect(error.message).toMatch(/larger than 16 MiB/);
  });

  it('refuses an object that never closes before 64 MiB', async () => {
    const error = await readError(fixture(wrap(`<cs-object cs-dn="x" id="{B}" object-type="user"><value>${'y'.repeat(65 * 1024 * 1024)}`)));
    expect(error.code).toBe('object-too-large');
  });

  it('accepts an empty <cs-objects/> and comments around objects', async () => {
    for (const content of [
      '<cs-objects/>',
      '<?xml version="1.0"?>\n<!-- csexport -->\n<cs-objects>\n</cs-objects>\n',
      wrap(`<!-- a -->${object('A1')}<!-- b -->`),
    ]) {
      const { summary } = await readAllRecords(fixture(content));
      expect(summary.objects).toBe(content.includes('A1') ? 1 : 0);
    }
  });

  it('can be cancelled, with a clear error', async () => {
    const controller = new AbortController();
    const path = fixture(wrap(Array.from({ length: 3000 }, (_, i) => object(`C${i}`)).join('')));
    let seen = 0;
    const reading = readAllRecords(path, {
      signal: controller.signal,
      chunkBytes: 4096,
      onProgress: () => {
        if (++seen === 2) controller.abort();
      },
      progressIntervalMs: 0,
    });
    await expect(reading).rejects.toMatchObject({ code: 'cancelled' });
  });
});
