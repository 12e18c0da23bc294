/**
 * Generated fixtures in every encoding and layout, checked against an independent oracle:
 * fast-xml-parser reading the same whole file, counting operations and delete identities by itself.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { writeGeneratedExport, type GeneratedEncoding } from '../../scripts/generate-export.js';
import type { PendingChange, ReadProgress } from '../model/csexport-model.js';
import { identityLabel } from '../model/resolve-identity.js';
import { makeTempDir, readAllRecords, samplePath } from '../testing/samples.node.js';
import { readExportRowBatches, readExportRows } from './read-export-file.node.js';
import { unpackRows } from '../rows/packed-rows.js';
import { toChangeRow, type ChangeRow } from '../rows/change-row.js';
import { fingerprintChange } from '../review/fingerprint.node.js';

const temp = makeTempDir();
afterAll(() => temp.remove());

interface OracleAttr {
  '@_name': string;
  value?: unknown;
}
interface OracleObject {
  '@_id': string;
  'unapplied-export'?: { delta: { '@_operation': string } };
  'synchronized-hologram'?: { entry: { attr?: OracleAttr | OracleAttr[] } };
}

function oracle(path: string, encoding: GeneratedEncoding) {
  const bytes = readFileSync(path);
  const text =
    encoding === 'utf8'
      ? bytes.toString('utf8')
      : encoding === 'utf16le'
        ? bytes.subarray(2).toString('utf16le')
        : Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'cs-object' }).parse(text) as {
    'cs-objects': { 'cs-object'?: OracleObject[] };
  };
  const objects = parsed['cs-objects']['cs-object'] ?? [];
  const operations: Record<string, number> = {};
  const deletes: Record<string, string> = {};
  for (const object of objects) {
    const operation = object['unapplied-export']?.delta['@_operation'];
    if (!operation) continue;
    operations[operation] = (operations[operation] ?? 0) + 1;
    if (operation === 'delete') {
      const attrs = [object['synchronized-hologram']?.entry.attr ?? []].flat();
      deletes[object['@_id']] = String(attrs.find((a) => a['@_name'] === 'userPrincipalName')?.value);
    }
  }
  return { objects: objects.length, operations, deletes };
}

describe.each([
  ['utf8', false],
  ['utf16le', false],
  ['utf16be', false],
  ['utf8', true],
  ['utf16le', true],
] as Array<[GeneratedEncoding, boolean]>)('generated %s file (indented with CRLF: %s)', (encoding, indent) => {
  it('reads every object as the oracle counts them, with every operation', async () => {
    const path = join(temp.dir, `gen-${encoding}-${indent}.xml`);
    await writeGeneratedExport(path, { objects: 400, seed: 11, indent, encoding });
    const expected = oracle(path, encoding);
    const { records, summary } = await readAllRecords(path, { workers: 0 });
    expect(summary.objects).toBe(expected.objects);
    expect(summary.encoding).toBe(encoding === 'utf8' ? 'utf-8' : encoding === 'utf16le' ? 'utf-16le' : 'utf-16be');
    const changes = records.filter((r): r is PendingChange => r.kind === 'pending-change');
    const operations: Record<string, number> = {};
    for (const change of changes) operations[change.operation] = (operations[change.operation] ?? 0) + 1;
    expect(operations).toEqual(expected.operations);
    expect(Object.keys(operations).sort()).toEqual(['add', 'delete', 'delete-add', 'update']);
    const deletes = Object.fromEntries(changes.filter((c) => c.operation === 'delete').map((c) => [c.id, identityLabel(c.identity, c.dn)]));
    expect(deletes).toEqual(expected.deletes);
  });
});

describe('grid rows', () => {
  it('are the full records reduced, though the bulk pass jumps over what rows never read', async () => {
    const path = join(temp.dir, 'gen-rows.xml');
    await writeGeneratedExport(path, { objects: 1500, seed: 5, indent: true, encoding: 'utf16le' });
    const rows: ChangeRow[] = [];
    await readExportRows(path, { workers: 0, onRow: (row) => rows.push(row) });
    const { records } = await readAllRecords(path, { workers: 0 });
    expect(rows).toEqual(records.map((record) => toChangeRow(record, fingerprintChange)));
    for (const file of ['aad-connector-utf8.xml', 'ad-connector-utf16le-indented.xml', 'mim-sql-deltas-only.xml']) {
      const sampleRows: ChangeRow[] = [];
      await readExportRows(samplePath(file), { onRow: (row) => sampleRows.push(row) });
      expect(sampleRows).toEqual((await readAllRecords(samplePath(file))).records.map((record) => toChangeRow(record, fingerprintChange)));
    }
  });
});

describe('large generated file', () => {
  it('reports progress while reading and gives the same records with and without parse workers', async () => {
    const path = join(temp.dir, 'gen-large.xml');
    await writeGeneratedExport(path, { objects: 6000, seed: 3 });
    const progress: ReadProgress[] = [];
    const parallel = await readAllRecords(path, { workers: 2, chunkBytes: 256 * 1024, progressIntervalMs: 0, onProgress: (p) => progress.push(p) });
    const inline = await readAllRecords(path, { workers: 0 });
    expect(parallel.records).toEqual(inline.records);
    expect(progress.length).toBeGreaterThan(10);
    const bytes = progress.map((p) => p.bytesRead);
    expect([...bytes].sort((a, b) => a - b)).toEqual(bytes);
    expect(progress.at(-1)).toEqual({ bytesRead: parallel.summary.totalBytes, totalBytes: parallel.summary.totalBytes, objects: 6000 });
  });
});

describe('object boundaries', () => {
  it('finds every object end whatever the chunk size, past look-alikes of the end tag in values', async () => {
    const path = join(temp.dir, 'look-alikes.xml');
    const object = (k: number) =>
      `<cs-object cs-dn="CN=O${k}" id="{${k}}" object-type="user"><unapplied-export><delta operation="update" dn="CN=O${k}">` +
      `<attr name="info" type="string" multivalued="false" operation="replace"><value>subject&gt; bject> /cs-object> cs-object&gt; x${k}</value></attr>` +
      `</delta></unapplied-export></cs-object>`;
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path, `<?xml version="1.0" encoding="UTF-8"?>\n<cs-objects>\n${Array.from({ length: 40 }, (_, k) => object(k)).join('\n')}\n</cs-objects>\n`);
    const whole = await readAllRecords(path, { workers: 0 });
    expect(whole.records.map((r) => r.id)).toEqual(Array.from({ length: 40 }, (_, k) => `{${k}}`));
    const first = whole.records[0] as PendingChange;
    expect(first.changes[0]?.values[0]?.value.raw).toBe('subject> bject> /cs-object> cs-object> x0');
    for (const chunkBytes of [7, 13, 64, 301]) expect((await readAllRecords(path, { workers: 0, chunkBytes })).records).toEqual(whole.records);
    const generated = join(temp.dir, 'gen-chunks.xml');
    await writeGeneratedExport(generated, { objects: 300, seed: 9 });
    const reference = await readAllRecords(generated, { workers: 0 });
    expect((await readAllRecords(generated, { workers: 2, chunkBytes: 997 })).records).toEqual(reference.records);
  });

  it('packed row batches, parsed here or in parse workers, unpack to the same rows with the same counts', async () => {
    const path = join(temp.dir, 'gen-packed.xml');
    await writeGeneratedExport(path, { objects: 2500, seed: 11 });
    const rows: ChangeRow[] = [];
    const summary = await readExportRows(path, { workers: 0, onRow: (row) => rows.push(row) });
    for (const workers of [0, 2]) {
      const unpacked: ChangeRow[] = [];
      let pending = 0;
      const packedSummary = await readExportRowBatches(path, {
        workers,
        chunkBytes: 64 * 1024,
        onPackedRows: (batch) => {
          const batchRows = unpackRows(batch.packed);
          expect(batchRows).toHaveLength(batch.rows);
          expect(batchRows.filter((r) => r.pending)).toHaveLength(batch.pendingChanges);
          pending += batch.pendingChanges;
          unpacked.push(...batchRows);
        },
      });
      expect(unpacked).toEqual(rows);
      expect(pending).toBe(summary.pendingChanges);
      expect({ ...packedSummary, elapsedMs: 0 }).toEqual({ ...summary, elapsedMs: 0 });
    }
  });
});
