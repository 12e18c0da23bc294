/**
 * Seeded mutations of real export files (flipped bytes, cuts, duplicated ranges, swapped tag names,
 * inserted tokens), each judged by libxml2 (libxml2-wasm) as the reference for well-formedness:
 * - a file libxml2 refuses is refused by the reader on both paths, with an ExportReadError;
 * - a file libxml2 accepts is read with libxml2's count of objects, the same on both paths, or
 *   refused only for being no csexport file (wrong root, content between objects, a DOCTYPE, limits);
 * - nothing ever ends in any other error.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XmlDocument } from 'libxml2-wasm';
import { ExportReadError, type ReadErrorCode } from '../read-errors.js';
import { makeTempDir, readAllRecords, samplePath } from '../testing/samples.node.js';
import { readExportRows } from './read-export-file.node.js';
import { seededRandom } from '../testing/seeded-random.js';
import { toChangeRow, type ChangeRow } from '../rows/change-row.js';
import { fingerprintChange } from '../review/fingerprint.node.js';

// MUTATION_SEED and MUTATIONS widen a local hunt; CI runs the fixed seed.
const SEED = Number(process.env['MUTATION_SEED'] ?? 20261128);
const MUTATIONS_PER_BASE = Number(process.env['MUTATIONS'] ?? 300);
/** Refusals that are right for well-formed XML that is not a csexport file Export Review reads. */
const NOT_CSEXPORT: readonly ReadErrorCode[] = [
  'wrong-root',
  'unexpected-content',
  'doctype-refused',
  'unsupported-encoding',
  'object-too-large',
  'value-too-large',
  'empty-file',
  'not-xml',
];

const TOKENS = [
  '<',
  '>',
  '&',
  ']]>',
  '--',
  '<!--',
  '-->',
  '<?x y?>',
  '<?xml version="1.0"?>',
  '</a>',
  '<a>',
  '"',
  "'",
  '=',
  '&#0;',
  '&#x41;',
  '&bogus;',
  '<![CDATA[x]]>',
  '\u0001',
  '\uffff',
  ' ',
  '</cs-object>',
  '<!DOCTYPE x>',
];

type Mutation = (bytes: Buffer, random: () => number, unit: number) => Buffer;
const at = (random: () => number, length: number, unit: number) => Math.floor((random() * length) / unit) * unit;
const encodeAs = (text: string, unit: number) => (unit === 2 ? Buffer.from(text, 'utf16le') : Buffer.from(text));

const MUTATIONS: Record<string, Mutation> = {
  flip: (bytes, random) => {
    const out = Buffer.from(bytes);
    out[Math.floor(random() * out.length)] = Math.floor(random() * 256);
    return out;
  },
  cut: (bytes, random, unit) => bytes.subarray(0, at(random, bytes.length, unit)),
  duplicate: (bytes, random, unit) => {
    const from = at(random, bytes.length, unit);
    const piece = bytes.subarray(from, Math.min(bytes.length, from + at(random, 200, unit)));
    const to = at(random, bytes.length, unit);
    return Buffer.concat([bytes.subarray(0, to), piece, bytes.subarray(to)]);
  },
  swapTagName: (bytes, random, unit) => {
    const text = bytes.toString(unit === 2 ? 'utf16le' : 'latin1');
    const names = [...text.matchAll(/<\/?([A-Za-z][\w-]*)/g)];
    const target = names[Math.floor(random() * names.length)];
    const other = names[Math.floor(random() * names.length)];
    if (!target || !other || target.index === undefined) return bytes;
    const start = target.index + target[0].length - (target[1] as string).length;
    const swapped = text.slice(0, start) + other[1] + text.slice(start + (target[1] as string).length);
    return Buffer.from(swapped, unit === 2 ? 'utf16le' : 'latin1');
  },
  insert: (bytes, random, unit) => {
    const token = encodeAs(TOKENS[Math.floor(random() * TOKENS.length)] as string, unit);
    const to = at(random, bytes.length, unit);
    return Buffer.concat([bytes.subarray(0, to), token, bytes.subarray(to)]);
  },
};

function libxml2ObjectCount(bytes: Buffer): number | undefined {
  try {
    const doc = XmlDocument.fromBuffer(bytes);
    try {
      return doc.root.name === 'cs-objects' ? doc.find('/cs-objects/cs-object').length : -1;
    } finally {
      doc.dispose();
    }
  } catch {
    return undefined;
  }
}

type Verdict = { accepted: true; objects: number; operations: string } | { accepted: false; code: ReadErrorCode };

async function verdict(read: () => Promise<{ objects: number; operations: Record<string, number> }>): Promise<Verdict> {
  try {
    const { objects, operations } = await read();
    return { accepted: true, objects, operations: JSON.stringify(Object.entries(operations).sort()) };
  } catch (error) {
    if (!(error instanceof ExportReadError)) throw error;
    return { accepted: false, code: error.code };
  }
}

const temp = makeTempDir();
afterAll(() => temp.remove());

describe('seeded mutations, judged by libxml2', () => {
  for (const base of ['aad-connector-utf8.xml', 'ad-connector-utf16le-indented.xml', 'mim-sql-deltas-only.xml']) {
    it(`${base}: ${MUTATIONS_PER_BASE} mutations, no crash, no malformed file accepted, no miscount`, async () => {
      const original = readFileSync(samplePath(base));
      const unit = base.includes('utf16') ? 2 : 1;
      const random = seededRandom(SEED + base.length);
      const kinds = Object.keys(MUTATIONS);
      const problems: string[] = [];
      let refusedByBoth = 0;
      for (let k = 0; k < MUTATIONS_PER_BASE; k++) {
        const kind = kinds[k % kinds.length] as string;
        const mutated = (MUTATIONS[kind] as Mutation)(original, random, unit);
        const path = join(temp.dir, `mutation-${k}.xml`);
        writeFileSync(path, mutated);
        const oracle = libxml2ObjectCount(mutated);
        const rows = await verdict(async () => {
          const operations: Record<string, number> = {};
          let objects = 0;
          await readExportRows(path, {
            workers: 0,
            onRow: (row) => (objects++, row.pending && (operations[row.operation] = (operations[row.operation] ?? 0) + 1)),
          });
          return { objects, operations };
        });
        const records = await verdict(async () => {
          const { records } = await readAllRecords(path, { workers: 0 });
          const operations: Record<string, number> = {};
          for (const r of records) if (r.kind === 'pending-change') operations[r.operation] = (operations[r.operation] ?? 0) + 1;
          return { objects: records.length, operations };
        });
        const what = `${kind} #${k}`;
        if (JSON.stringify(rows) !== JSON.stringify(records)) problems.push(`${what}: rows ${JSON.stringify(rows)} but records ${JSON.stringify(records)}`);
        if (oracle === undefined) {
          if (rows.accepted) problems.push(`${what}: libxml2 refuses it, the reader accepted it`);
          else refusedByBoth++;
        } else if (rows.accepted) {
          if (rows.objects !== oracle) problems.push(`${what}: libxml2 counts ${oracle} objects, the reader ${rows.objects}`);
        } else if (!NOT_CSEXPORT.includes(rows.code)) problems.push(`${what}: well-formed to libxml2, refused as ${rows.code}`);
      }
      expect(problems).toEqual([]);
      // The mutations must reach the checks: most of them break the file.
      expect(refusedByBoth).toBeGreaterThan(MUTATIONS_PER_BASE / 3);
    });
  }
});

/** Legal forms a skip must lex, not jump: comments, PIs, CDATA holding end tags, whitespace in end tags. */
function withLegalForms(text: string, random: () => number): string {
  const forms = [(name: string) => `<!-- </${name}><delta operation="delete"> -->`, (name: string) => `<?note </${name}> </cs-object>?>`, () => '<!---->'];
  let out = text.replace(/<\/([A-Za-z][\w-]*)>/g, (tag, name: string) => (random() < 0.2 ? `</${name} \r\n>` : tag));
  out = out.replace(/<value>/g, (tag) => (random() < 0.2 ? `${tag}<![CDATA[]]>` : random() < 0.05 ? `${tag}<![CDATA[</cs-object></value>]]>` : tag));
  out = out.replace(/></g, (pair) => {
    if (random() >= 0.1) return pair;
    const name = ['connector', 'attr', 'entry', 'delta', 'cs-object'][Math.floor(random() * 5)] as string;
    return `>${(forms[Math.floor(random() * forms.length)] as (name: string) => string)(name)}<`;
  });
  return out;
}

describe('legal forms in real files: the row pass agrees with the full parse and with libxml2', () => {
  it.each(['aad-connector-utf8.xml', 'mim-sql-deltas-only.xml'])('%s, 40 seeded variants', async (base) => {
    const original = readFileSync(samplePath(base), 'utf8');
    const random = seededRandom(SEED);
    for (let k = 0; k < 40; k++) {
      const text = withLegalForms(original, random);
      const path = join(temp.dir, `legal-${k}.xml`);
      writeFileSync(path, text);
      expect(libxml2ObjectCount(Buffer.from(text)), `variant ${k}`).toBeGreaterThan(0);
      const rows: ChangeRow[] = [];
      await readExportRows(path, { workers: 0, onRow: (row) => rows.push(row) });
      const { records } = await readAllRecords(path, { workers: 0 });
      expect(rows, `variant ${k}`).toEqual(records.map((record) => toChangeRow(record, fingerprintChange)));
      expect(rows.length).toBe(libxml2ObjectCount(Buffer.from(text)));
    }
  });
});
