/**
 * Hostile and edge-case files, table-driven: legal ones read with exact counts, malformed ones
 * refused with a reason and a byte offset, on every path (grid rows and full records, inline and
 * with two parse workers). libxml2 (libxml2-wasm) checks the table itself: every "legal" file must
 * be well-formed to it and every "malformed" one ill-formed, so the corpus cannot drift from XML.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XmlDocument } from 'libxml2-wasm';
import { ExportReadError, type ReadErrorCode } from '../read-errors.js';
import { makeTempDir, readAllRecords } from '../testing/samples.node.js';
import { readExportRows } from './read-export-file.node.js';
import type { ChangeRow } from '../rows/change-row.js';

const temp = makeTempDir();
afterAll(() => temp.remove());
let counter = 0;
function fixture(content: string | Buffer): string {
  const path = join(temp.dir, `hostile-${counter++}.xml`);
  writeFileSync(path, content);
  return path;
}

const DECL = '<?xml version="1.0" encoding="UTF-8"?>';
const wrap = (inner: string, root = '<cs-objects>', end = '</cs-objects>') => `${DECL}${root}${inner}${end}`;
/** A cs-object; `hologram` goes inside its synchronized hologram's entry, `delta` inside its delta. */
const object = (id: string, operation: string, { delta = '', hologram = '', bookkeeping = '', close = '</cs-object>' } = {}) =>
  `<cs-object cs-dn="CN={${id}}" id="{${id}}" object-type="user">${bookkeeping}<unapplied-export><delta operation="${operation}" dn="CN={${id}}">${delta}</delta></unapplied-export>` +
  `<synchronized-hologram><entry dn="CN={${id}}"><attr name="userPrincipalName" type="string" multivalued="false"><value>${id}@contoso.com</value></attr>${hologram}</entry></synchronized-hologram>${close}`;
const department = (value: string, close = '</attr>') => `<attr name="department" type="string" multivalued="false"><value>${value}</value>${close}`;
const byteAt = (text: string, needle: string, nth = 0) => {
  let at = -1;
  for (let k = 0; k <= nth; k++) at = text.indexOf(needle, at + 1);
  if (at === -1) throw new Error(`${needle} not in the fixture`);
  return Buffer.byteLength(text.slice(0, at));
};

interface Legal {
  kind: 'legal';
  name: string;
  content: string;
  objects: number;
  operations: Record<string, number>;
  /** Delete id → the UPN it must be named by. */
  deletes: Record<string, string>;
}
interface Malformed {
  kind: 'malformed';
  name: string;
  content: string | Buffer;
  code: ReadErrorCode;
  message: RegExp;
  /** The byte offset the reader must report. */
  offset: number;
  /** Well-formed XML that Export Review refuses on purpose (not a csexport file, DOCTYPE, limits). */
  policy?: true;
}
type Case = Legal | Malformed;

const legal = (name: string, content: string, objects: number, operations: Record<string, number>, deletes: Record<string, string> = {}): Legal => ({
  kind: 'legal',
  name,
  content,
  objects,
  operations,
  deletes,
});
function malformed(
  name: string,
  content: string | Buffer,
  code: ReadErrorCode,
  message: RegExp,
  offset: number | ((text: string) => number),
  policy?: true,
): Malformed {
  const at = typeof offset === 'number' ? offset : offset(typeof content === 'string' ? content : content.toString('latin1'));
  return { kind: 'malformed', name, content, code, message, offset: at, ...(policy ? { policy } : {}) };
}

function cases(): Case[] {
  const list: Case[] = [];
  // Legal forms the row pass once misread.
  list.push(
    legal(
      'an end tag with whitespace in a skipped element, before a delete',
      wrap(object('A', 'update', { bookkeeping: '<connector>1</connector >' }) + object('B', 'delete')),
      2,
      { update: 1, delete: 1 },
      { '{B}': 'B@contoso.com' },
    ),
    legal(
      'whitespace before > in a skipped hologram attribute',
      wrap(object('A', 'delete', { hologram: department('Sales', '</attr >') })),
      1,
      { delete: 1 },
      { '{A}': 'A@contoso.com' },
    ),
    legal(
      'a fake delete inside CDATA in a skipped element',
      wrap(object('A', 'update', { bookkeeping: '<connector><![CDATA[</connector><unapplied-export><delta operation="delete">]]></connector>' })),
      1,
      { update: 1 },
    ),
    legal(
      'a fake delete inside a comment in a skipped element',
      wrap(
        object('A', 'update', {
          hologram: `<attr name="x" type="string" multivalued="false"><!-- </attr></entry><delta operation="delete"> --><value>v</value></attr>`,
        }),
      ),
      1,
      { update: 1 },
    ),
    legal(
      '</cs-object > with whitespace',
      wrap(object('A', 'delete', { close: '</cs-object \r\n>' }) + object('B', 'add')),
      2,
      { delete: 1, add: 1 },
      { '{A}': 'A@contoso.com' },
    ),
    legal(
      '</cs-object> inside a CDATA value',
      wrap(
        object('A', 'update', { delta: `<attr name="d" type="string" multivalued="false" operation="add"><value><![CDATA[</cs-object>]]></value></attr>` }) +
          object('B', 'delete'),
      ),
      2,
      { update: 1, delete: 1 },
      { '{B}': 'B@contoso.com' },
    ),
    legal(
      '</cs-object> inside a comment and a PI in an object',
      wrap(object('A', 'delete', { delta: '<!-- </cs-object> --><?note </cs-object> ?>' })),
      1,
      { delete: 1 },
      { '{A}': 'A@contoso.com' },
    ),
    legal(
      'comments and processing instructions between objects and after the root',
      `${wrap(object('A', 'add') + '<!-- between --><?pi data?>' + object('B', 'update'))}<!-- after --><?pi after?>`,
      2,
      { add: 1, update: 1 },
    ),
    legal('the root end tag with whitespace, the root with attributes', wrap(object('A', 'update'), '<cs-objects a="1" b=\'2\'>', '</cs-objects\n>'), 1, {
      update: 1,
    }),
    legal(
      'a same-name element nested in a skipped one',
      wrap(object('A', 'delete', { bookkeeping: '<connector><connector>x</connector></connector>' })),
      1,
      { delete: 1 },
      { '{A}': 'A@contoso.com' },
    ),
    legal(
      '200,000 distinct attributes on one element',
      wrap(object('A', 'update', { delta: `<x ${Array.from({ length: 200_000 }, (_, k) => `a${k}="${k}"`).join(' ')}/>` })),
      1,
      { update: 1 },
    ),
  );

  // Characters XML forbids.
  const inValue = wrap(object('A', 'update', { delta: `<attr name="d" type="string" multivalued="false" operation="add"><value>a\u0001b</value></attr>` }));
  list.push(
    malformed('a C0 control in a value', inValue, 'malformed-xml', /U\+0001/, (t) => byteAt(t, '\u0001')),
    malformed(
      'a C0 control by character reference',
      wrap(object('A', 'update', { delta: department('&#1;') })),
      'malformed-xml',
      /invalid character reference "&#1;"/,
      (t) => byteAt(t, '&#1;'),
    ),
    malformed(
      'U+FFFE by reference in a skipped element',
      wrap(object('A', 'update', { hologram: department('&#xFFFE;') })),
      'malformed-xml',
      /invalid character reference/,
      (t) => byteAt(t, '&#xFFFE;'),
    ),
    malformed('U+FFFF literally', wrap(object('A', 'update', { delta: department('\uffff') })), 'malformed-xml', /U\+FFFF/, (t) => byteAt(t, '\uffff')),
    malformed('a surrogate by reference', wrap(object('A', 'update', { delta: department('&#xD800;') })), 'malformed-xml', /invalid character reference/, (t) =>
      byteAt(t, '&#xD800;'),
    ),
    malformed('a control in a comment inside an object', wrap(object('A', 'update', { delta: '<!-- \u0002 -->' })), 'malformed-xml', /U\+0002/, (t) =>
      byteAt(t, '\u0002'),
    ),
    malformed('a control in a comment between objects', wrap(object('A', 'update') + '<!-- \u0003 -->'), 'malformed-xml', /U\+0003/, (t) =>
      byteAt(t, '\u0003'),
    ),
    malformed('a control in an element name', wrap(object('A', 'update', { delta: '<a\u0004b/>' })), 'malformed-xml', /U\+0004/, (t) => byteAt(t, '\u0004')),
  );
  // Comments, CDATA ends, declarations, processing instructions.
  list.push(
    malformed('-- inside a comment', wrap(object('A', 'update', { delta: '<!-- a -- b -->' })), 'malformed-xml', /"--" inside a comment/, (t) =>
      byteAt(t, '-- b'),
    ),
    malformed('a comment ending --->', wrap(object('A', 'update', { delta: '<!-- a --->' })), 'malformed-xml', /"--" inside a comment/, (t) =>
      byteAt(t, '--->'),
    ),
    malformed('-- in a comment between objects', wrap(object('A', 'update') + '<!-- a -- b -->'), 'malformed-xml', /"--" inside a comment/, (t) =>
      byteAt(t, '-- b'),
    ),
    malformed(']]> in text', wrap(object('A', 'update', { delta: department('a]]>b') })), 'malformed-xml', /"]]>" in text/, (t) => byteAt(t, ']]>')),
    malformed(']]> in text of a skipped element', wrap(object('A', 'update', { hologram: department('a]]>b') })), 'malformed-xml', /"]]>" in text/, (t) =>
      byteAt(t, ']]>'),
    ),
    malformed('the XML declaration after whitespace', ` ${wrap(object('A', 'add'))}`, 'malformed-xml', /XML declaration after the start/, 1),
    malformed('the XML declaration after a comment', `<!-- c -->${wrap(object('A', 'add'))}`, 'malformed-xml', /XML declaration after the start/, 10),
    malformed('the XML declaration twice', DECL + wrap(object('A', 'add')), 'malformed-xml', /XML declaration after the start/, DECL.length),
    malformed(
      'an XML declaration inside an object',
      wrap(object('A', 'add', { delta: '<?xml version="1.0"?>' })),
      'malformed-xml',
      /XML declaration inside an element/,
      (t) => byteAt(t, '<?xml', 1),
    ),
    malformed(
      'an XML declaration without version',
      `<?xml encoding="UTF-8"?><cs-objects>${object('A', 'add')}</cs-objects>`,
      'malformed-xml',
      /Malformed XML declaration/,
      0,
    ),
    malformed(
      'standalone other than yes or no',
      `<?xml version="1.0" standalone="maybe"?><cs-objects>${object('A', 'add')}</cs-objects>`,
      'malformed-xml',
      /Malformed XML declaration/,
      0,
    ),
    malformed('a processing instruction without a target', wrap(object('A', 'add', { delta: '<? data?>' })), 'malformed-xml', /without a target/, (t) =>
      byteAt(t, '<? data'),
    ),
    malformed('a processing instruction without a target between objects', wrap(object('A', 'add') + '<??>'), 'malformed-xml', /without a target/, (t) =>
      byteAt(t, '<??>'),
    ),
    malformed(
      'a PI target not followed by whitespace, between objects',
      wrap(object('A', 'add') + '<?a?b?>'),
      'malformed-xml',
      /bad processing instruction/,
      (t) => byteAt(t, '<?a?b?>'),
    ),
  );
  // The root.
  list.push(
    malformed('the root end tag misspelt', wrap(object('A', 'add'), '<cs-objects>', '</cs-objectz>'), 'unexpected-content', /between objects/, (t) =>
      byteAt(t, '</cs-objectz>'),
    ),
    malformed('the root end tag with attributes', wrap(object('A', 'add'), '<cs-objects>', '</cs-objects a="1">'), 'unexpected-content', /end tag/, (t) =>
      byteAt(t, '</cs-objects a'),
    ),
    malformed('the root with an unquoted attribute', wrap(object('A', 'add'), '<cs-objects a=1>'), 'malformed-xml', /not quoted/, (t) => byteAt(t, '1>')),
    malformed('the root with a duplicated attribute', wrap(object('A', 'add'), '<cs-objects a="1" a="2">'), 'malformed-xml', /appears twice/, (t) =>
      byteAt(t, 'a="2"'),
    ),
    malformed('the root with < in an attribute', wrap(object('A', 'add'), '<cs-objects a="<">'), 'malformed-xml', /"<" inside the value/, (t) =>
      byteAt(t, '"<"'),
    ),
  );
  // Names, and Namespaces in XML: a prefix must be declared where it is used.
  list.push(
    legal(
      'namespace prefixes declared where they are used',
      wrap(object('A', 'delete', { delta: '<x:note xmlns:x="urn:x" x:by="me" xml:lang="en"/>' })),
      1,
      { delete: 1 },
      { '{A}': 'A@contoso.com' },
    ),
    malformed(
      'an undeclared namespace prefix on an attribute',
      wrap(object('A', 'update', { hologram: '<attr name="x" mul:ivalued="false"/>' })),
      'malformed-xml',
      /namespace prefix "mul"/,
      (t) => byteAt(t, '<attr name="x" mul'),
    ),
    malformed('an undeclared namespace prefix on an element', wrap(object('A', 'update', { delta: '<p:x/>' })), 'malformed-xml', /namespace prefix "p"/, (t) =>
      byteAt(t, '<p:x'),
    ),
  );
  list.push(
    malformed('an element name with ×', wrap(object('A', 'add', { delta: '<a×b/>' })), 'malformed-xml', /not an element name XML allows/, (t) =>
      byteAt(t, 'a×b'),
    ),
    malformed('an attribute name with ÷', wrap(object('A', 'add', { delta: '<a b÷c="1"/>' })), 'malformed-xml', /not an attribute name XML allows/, (t) =>
      byteAt(t, 'b÷c'),
    ),
    malformed(
      'an element name in a skipped element with ×',
      wrap(object('A', 'add', { bookkeeping: '<connector><a×b/></connector>' })),
      'malformed-xml',
      /not an element name/,
      (t) => byteAt(t, 'a×b'),
    ),
  );
  // What the row pass skips must be as well-formed as the rest.
  list.push(
    malformed('a bare & in a skipped element', wrap(object('A', 'update', { bookkeeping: '<connector>a & b</connector>' })), 'malformed-xml', /bare "&"/, (t) =>
      byteAt(t, '& b'),
    ),
    malformed('a < in a skipped element', wrap(object('A', 'update', { hologram: department('a < b') })), 'malformed-xml', /does not start a tag/, (t) =>
      byteAt(t, '< b'),
    ),
    malformed(
      '&#0; in a skipped element',
      wrap(object('A', 'update', { bookkeeping: '<connector>&#0;</connector>' })),
      'malformed-xml',
      /invalid character reference/,
      (t) => byteAt(t, '&#0;'),
    ),
    malformed(
      'a mismatched tag in a skipped element',
      wrap(object('A', 'update', { bookkeeping: '<connector><b></connector>' })),
      'malformed-xml',
      /<b> is closed by <\/connector>/,
      (t) => byteAt(t, '</connector>'),
    ),
    malformed(
      'a duplicated attribute in a skipped element',
      wrap(object('A', 'update', { hologram: '<attr name="x" name="y" type="string"/>' })),
      'malformed-xml',
      /appears twice/,
      (t) => byteAt(t, 'name="y"'),
    ),
  );
  // Encodings outside objects.
  const badPrologUtf8 = Buffer.concat([
    Buffer.from('<?xml version="1.0" encoding="UTF-8"?><!-- '),
    Buffer.from([0xc3, 0x28]),
    Buffer.from(` --><cs-objects>${object('A', 'add')}</cs-objects>`),
  ]);
  const prologBytes = Buffer.byteLength('<?xml version="1.0" encoding="UTF-8"?><!-- ');
  const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const loneSurrogate = utf16(`<?xml version="1.0" encoding="UTF-16"?><!-- X --><cs-objects>${object('A', 'add')}</cs-objects>`);
  const xAt = loneSurrogate.indexOf(Buffer.from('X', 'utf16le'));
  loneSurrogate.writeUInt16LE(0xd800, xAt);
  const between = Buffer.from(wrap(`${object('A', 'add')}<!-- # -->${object('B', 'add')}`));
  between[between.indexOf('#')] = 0xff;
  const after = Buffer.from(`${wrap(object('A', 'add'))}<!-- # -->`);
  after[after.indexOf('#')] = 0xff;
  list.push(
    malformed('invalid UTF-8 in the prolog', badPrologUtf8, 'invalid-encoding', /start of the file .* not valid UTF-8/, prologBytes),
    malformed('a lone UTF-16 surrogate in the prolog', loneSurrogate, 'invalid-encoding', /not valid UTF-16LE/, xAt),
    malformed('invalid UTF-8 in a comment between objects', between, 'invalid-encoding', /comment .* not valid UTF-8/, between.indexOf('<!-- ')),
    malformed('invalid UTF-8 in a comment after the root', after, 'invalid-encoding', /comment .* not valid UTF-8/, after.indexOf('<!-- ')),
    // xmllint refuses this one; libxml2-wasm is handed the bytes as UTF-8 and so accepts it: "policy" here.
    malformed(
      'a UTF-8 BOM with a UTF-16 declaration',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`<?xml version="1.0" encoding="UTF-16"?><cs-objects>${object('A', 'add')}</cs-objects>`)]),
      'invalid-encoding',
      /UTF-8 byte-order mark but declares "UTF-16"/,
      3,
      true,
    ),
  );
  // Limits and messages.
  const deep = wrap(object('A', 'update', { delta: '<a>'.repeat(300) + '</a>'.repeat(300) }));
  list.push(
    // cs-object, unapplied-export and delta are three levels: the 254th <a> would be the 257th.
    malformed('300 levels of nesting', deep, 'malformed-xml', /nest deeper than 256 levels/, (t) => byteAt(t, '<a>', 253)),
    malformed('a terminal escape in a file', wrap(object('A', 'update', { delta: '<b></b\u001b[2J\u001b[31mFAKE\r>' })), 'malformed-xml', /U\+001B/, (t) =>
      byteAt(t, '\u001b'),
    ),
    // C1 controls (a CSI to some terminals) and bidi overrides are legal XML: echoed, they are escaped and cut.
    malformed(
      'a mismatched end tag carrying C1 controls',
      wrap(object('A', 'update', { delta: `<b></b\u009b2J\u009b31mFAKE\u202e${'x'.repeat(60)}>` })),
      'malformed-xml',
      /^Malformed XML: <b> is closed by "<\/b\\u009b2J\\u009b31mFAKE\\u202ex+…" \(at byte [\d,]+\)$/,
      (t) => byteAt(t, '</b\u009b'),
    ),
  );
  return list;
}

type Path = { output: 'rows' | 'records'; workers: number };
const PATHS: Path[] = [
  { output: 'rows', workers: 0 },
  { output: 'rows', workers: 2 },
  { output: 'records', workers: 0 },
  { output: 'records', workers: 2 },
];

async function read(path: string, how: Path): Promise<{ objects: number; operations: Record<string, number>; deletes: Record<string, string> }> {
  const operations: Record<string, number> = {};
  const deletes: Record<string, string> = {};
  let objects = 0;
  const take = (row: Pick<ChangeRow, 'pending' | 'operation' | 'id'>, name: string) => {
    objects++;
    if (!row.pending) return;
    operations[row.operation] = (operations[row.operation] ?? 0) + 1;
    if (row.operation === 'delete') deletes[row.id] = name;
  };
  if (how.output === 'rows')
    await readExportRows(path, { workers: how.workers, onRow: (row) => take(row, row.userPrincipalName || row.displayName || row.dn) });
  else {
    const { records } = await readAllRecords(path, { workers: how.workers });
    for (const r of records)
      take(
        { pending: r.kind === 'pending-change', operation: r.kind === 'pending-change' ? r.operation : '', id: r.id },
        r.identity.userPrincipalName ?? r.identity.displayName ?? r.csDn,
      );
  }
  return { objects, operations, deletes };
}

function wellFormedToLibxml2(content: string | Buffer): boolean {
  try {
    XmlDocument.fromBuffer(typeof content === 'string' ? Buffer.from(content) : content).dispose();
    return true;
  } catch {
    return false;
  }
}

describe('hostile and edge-case inputs', () => {
  const all = cases();

  it.each(all.map((c) => [c.name, c] as const))('libxml2 agrees on %s', (_name, c) => {
    const expected = c.kind === 'legal' || c.policy === true;
    expect(wellFormedToLibxml2(c.content)).toBe(expected);
  });

  for (const how of PATHS) {
    describe(`${how.output}, ${how.workers} parse workers`, () => {
      it.each(all.filter((c): c is Legal => c.kind === 'legal').map((c) => [c.name, c] as const))('reads %s with exact counts', async (_name, c) => {
        const got = await read(fixture(c.content), how);
        expect(got).toEqual({ objects: c.objects, operations: c.operations, deletes: c.deletes });
      });

      it.each(all.filter((c): c is Malformed => c.kind === 'malformed').map((c) => [c.name, c] as const))('refuses %s', async (_name, c) => {
        const error = await read(fixture(c.content), how).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(ExportReadError);
        const failure = error as ExportReadError;
        expect(failure.code).toBe(c.code);
        expect(failure.message).toMatch(c.message);
        expect(failure.byteOffset).toBe(c.offset);
        // One line, nothing raw: no control character reaches a terminal.
        // eslint-disable-next-line no-control-regex -- control characters are what must never appear
        expect(failure.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
      });
    });
  }
});

describe('hostile inputs at size', () => {
  it('refuses a million levels of nesting at the depth limit, on both paths', async () => {
    const content = wrap(object('A', 'update', { delta: '<a>'.repeat(1_000_000) + '</a>'.repeat(1_000_000) }));
    const path = fixture(content);
    for (const how of PATHS.filter((p) => p.workers === 0)) {
      const error = await read(path, how).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ExportReadError);
      expect((error as ExportReadError).message).toMatch(/nest deeper than 256 levels/);
      expect((error as ExportReadError).byteOffset).toBe(byteAt(content, '<a>', 253));
    }
  });

  it('refuses a comment between objects that never ends, once it passes the object size limit', async () => {
    const head = wrap(object('A', 'update')).replace('</cs-objects>', '<!-- ');
    const path = fixture(Buffer.concat([Buffer.from(head), Buffer.alloc(65 * 1024 * 1024)]));
    const error = await read(path, { output: 'rows', workers: 0 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ExportReadError);
    expect((error as ExportReadError).code).toBe('object-too-large');
    expect((error as ExportReadError).byteOffset).toBe(byteAt(head, '<!-- '));
  });
});
