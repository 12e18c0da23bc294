/** The reference samples, read end to end and checked against truth.json (counts obtained with XPath). */
import { describe, expect, it } from 'vitest';
import type { PendingChange } from '../model/csexport-model.js';
import { identityLabel } from '../model/resolve-identity.js';
import { loadTruth, readAllRecords, samplePath } from '../testing/samples.node.js';

const truth = loadTruth();

function pendingChanges(records: Awaited<ReturnType<typeof readAllRecords>>['records']): PendingChange[] {
  return records.filter((r): r is PendingChange => r.kind === 'pending-change');
}

describe.each([0, 2])('reference samples with %i parse workers', (workers) => {
  it.each(truth.map((t) => [t.file, t] as const))('%s matches truth.json', async (file, expected) => {
    const { records, summary } = await readAllRecords(samplePath(file), { workers });
    expect(summary.objects).toBe(expected.objects);
    expect(records).toHaveLength(expected.objects);
    expect(summary.withoutPendingExport).toBe(expected.noPendingExport);
    expect(records.filter((r) => r.kind === 'no-pending-export')).toHaveLength(expected.noPendingExport);

    const operations: Record<string, number> = {};
    for (const change of pendingChanges(records)) operations[change.operation] = (operations[change.operation] ?? 0) + 1;
    expect(operations).toEqual(expected.operations);

    const deletes = Object.fromEntries(
      pendingChanges(records)
        .filter((c) => c.operation === 'delete')
        .map((c) => [c.id, identityLabel(c.identity, c.dn)]),
    );
    expect(deletes).toEqual(expected.deletes);
    for (const label of Object.values(deletes)) expect(label.trim()).not.toBe('');
  });
});

describe('aad-connector-utf8.xml details', () => {
  const load = async () => (await readAllRecords(samplePath('aad-connector-utf8.xml'))).records;

  it('identifies deletes from the synchronized hologram, where csanalyzer.ps1 finds nothing', async () => {
    const chen = (await load()).find((r) => r.id === '{00000003-1111-4A4A-9B9B-000000001003}');
    expect(chen?.identity).toMatchObject({
      userPrincipalName: 'chen.wei@contoso.com',
      displayName: 'Chen Wei (陈伟)',
      primarySmtp: 'chen.wei@contoso.com',
      samAccountName: 'cwei',
    });
    expect(chen?.identity.sources.userPrincipalName).toBe('synchronized-hologram');
  });

  it('keeps old and new values of an update, with multivalued adds and removes', async () => {
    const birgit = (await load()).find((r) => r.id === '{00000002-1111-4A4A-9B9B-000000001002}') as PendingChange;
    const displayName = birgit.changes.find((c) => c.name === 'displayName');
    expect(displayName?.oldValues.map((v) => v.raw)).toEqual(['Birgit Ölsner']);
    expect(displayName?.values.map((v) => v.value.raw)).toEqual(['Birgit Ölsner-Krause']);
    const proxies = birgit.changes.find((c) => c.name === 'proxyAddresses');
    expect(proxies?.values.map((v) => [v.operation, v.value.raw])).toEqual([
      ['add', 'smtp:birgit.krause@contoso.com'],
      ['delete', 'smtp:boelsner@contoso.mail.onmicrosoft.com'],
    ]);
    expect(birgit.changes.find((c) => c.name === 'department')?.values[0]?.value.raw).toBe('Research &\nDevelopment');
    const manager = birgit.changes.find((c) => c.name === 'manager');
    expect(manager).toMatchObject({ reference: true, type: 'reference', operation: 'add' });
    expect(birgit.identity.userPrincipalName).toBe('birgit.oelsner@contoso.com');
    expect(birgit.identity.sources.userPrincipalName).toBe('export-hologram');
  });

  it('reports the object with only an unconfirmed export, with its error', async () => {
    const records = await load();
    const ivan = records.find((r) => r.kind === 'no-pending-export');
    expect(ivan).toMatchObject({ id: '{0000000B-1111-4A4A-9B9B-000000001011}', states: ['unconfirmed-export', 'export-errordetail'] });
    expect(ivan?.errors[0]).toMatchObject({ kind: 'export', type: 'cd-error', code: '0x8023134a', literal: 'AttributeValueMustBeUnique', retryCount: 3 });
    expect(ivan?.identity.userPrincipalName).toBe('ivan.petrov@contoso.com');
  });

  it('gives each record its byte range in the file', async () => {
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(samplePath('aad-connector-utf8.xml'));
    for (const record of await load()) {
      const slice = bytes.subarray(record.bytes.offset, record.bytes.offset + record.bytes.length).toString('utf8');
      expect(slice.startsWith('<cs-object ')).toBe(true);
      expect(slice.endsWith('</cs-object>')).toBe(true);
      expect(slice).toContain(`id="${record.id}"`);
    }
  });
});

describe('ad-connector-utf16le-indented.xml details', () => {
  const load = async () => (await readAllRecords(samplePath('ad-connector-utf16le-indented.xml'))).records;

  it('reads UTF-16 LE with CRLF, decodes GUIDs and hex integers', async () => {
    const records = await load();
    const lara = records.find((r) => r.id === '{A0000001-2222-4333-8444-555555555501}') as PendingChange;
    // Expected GUID computed independently: Python uuid.UUID(bytes_le=base64.b64decode(...)).
    expect(lara.identity.objectGuid).toBe('e004253f-894f-d341-9a0c-0305e82c3301');
    expect(lara.changes[0]?.values[0]?.value).toMatchObject({ base64: true, guid: 'e004253f-894f-d341-9a0c-0305e82c3301' });
    expect(lara.identity.sourceAnchor).toBe('PyUE4E+JQdOaDAMF6CwzAQ==');

    const pat = records.find((r) => r.id === '{A0000001-2222-4333-8444-555555555507}') as PendingChange;
    const uac = pat.changes.find((c) => c.name === 'userAccountControl');
    expect(uac?.oldValues[0]).toMatchObject({ raw: '0x200', decimal: '512', flags: ['NORMAL_ACCOUNT'] });
    expect(uac?.values[0]?.value).toMatchObject({ raw: '0x202', decimal: '514', flags: ['ACCOUNTDISABLE', 'NORMAL_ACCOUNT'] });
  });

  it('keeps renames and resolves escaped RDNs', async () => {
    const mateo = (await load()).find((r) => r.id === '{A0000001-2222-4333-8444-555555555502}') as PendingChange;
    expect(mateo.newDn).toBe('CN=Ortiz\\, Mateo,OU=Leavers,DC=contoso,DC=com');
    expect(mateo.identity.userPrincipalName).toBe('mateo.ortiz@contoso.com');
  });

  it('maps UTF-16 byte ranges exactly', async () => {
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(samplePath('ad-connector-utf16le-indented.xml'));
    for (const record of await load()) {
      const slice = bytes.subarray(record.bytes.offset, record.bytes.offset + record.bytes.length).toString('utf16le');
      expect(slice.startsWith('<cs-object ')).toBe(true);
      expect(slice.endsWith('</cs-object>')).toBe(true);
    }
  });
});

describe('mim-sql-deltas-only.xml details', () => {
  it('names a delete with no holograms by its DN', async () => {
    const { records } = await readAllRecords(samplePath('mim-sql-deltas-only.xml'));
    const removed = records.find((r) => r.id === '{E0000000-0000-4000-8000-000000000003}');
    expect(removed?.identity).toMatchObject({ displayName: 'E10043', sources: { displayName: 'dn' } });
    const added = records.find((r) => r.id === '{E0000000-0000-4000-8000-000000000001}');
    expect(added?.identity).toMatchObject({ displayName: 'Rosa Díaz', sources: { displayName: 'delta' } });
  });
});
