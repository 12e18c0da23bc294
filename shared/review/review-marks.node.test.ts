/** Review marks: fingerprints, carrying marks to a newer export, and the review file's format. */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { PendingChange } from '../model/csexport-model.js';
import { readExportRows } from '../read/read-export-file.node.js';
import type { ChangeRow } from '../rows/change-row.js';
import { makeTempDir, readAllRecords, samplePath } from '../testing/samples.node.js';
import { CHANGED_ID, REORDERED_ID, writeNextCycleOfAadSample } from '../testing/next-cycle.node.js';
import { fingerprintChange } from './fingerprint.node.js';
import { markAfter, reviewState, type ReviewMark, type ReviewMarks } from './review-marks.js';
import { makeReviewFile, parseReviewFile, ReviewFileError, serializeReviewFile } from './review-file-format.js';
import { FINGERPRINT_PATTERN } from './change-fingerprint.js';

async function pendingChanges(path: string): Promise<PendingChange[]> {
  const { records } = await readAllRecords(path);
  return records.filter((r): r is PendingChange => r.kind === 'pending-change');
}

async function rows(path: string): Promise<ChangeRow[]> {
  const out: ChangeRow[] = [];
  await readExportRows(path, { onRow: (row) => out.push(row) });
  return out;
}

const request = { action: 'approved' as const, by: 'jdoe', at: '2026-12-01T09:00:00.000Z' };

describe('fingerprints', () => {
  it('are 128-bit hex, one per pending change, and differ between the sample changes', async () => {
    const changes = await pendingChanges(samplePath('aad-connector-utf8.xml'));
    const prints = changes.map(fingerprintChange);
    expect(prints.every((p) => FINGERPRINT_PATTERN.test(p))).toBe(true);
    expect(new Set(prints).size).toBe(prints.length);
  });

  it('ignore the order of multivalued values and of attributes, but not a changed value, operation or DN', async () => {
    const [change] = (await pendingChanges(samplePath('aad-connector-utf8.xml'))).filter((c) => c.id === REORDERED_ID);
    if (!change) throw new Error('sample changed');
    const base = fingerprintChange(change);
    const reordered = { ...change, changes: [...change.changes].reverse().map((c) => ({ ...c, values: [...c.values].reverse() })) };
    expect(fingerprintChange(reordered)).toBe(base);
    const withoutHolograms = { ...change, changes: change.changes.map((c) => ({ ...c, oldValues: [], newValues: [] })) };
    expect(fingerprintChange(withoutHolograms)).toBe(base);
    const first = change.changes[0];
    if (!first?.values[0]) throw new Error('sample changed');
    const changedValue = {
      ...change,
      changes: [{ ...first, values: [{ ...first.values[0], value: { ...first.values[0].value, raw: 'Someone Else' } }] }, ...change.changes.slice(1)],
    };
    expect(fingerprintChange(changedValue)).not.toBe(base);
    expect(fingerprintChange({ ...change, operation: 'replace' })).not.toBe(base);
    expect(fingerprintChange({ ...change, newDn: 'CN=moved' })).not.toBe(base);
    expect(fingerprintChange({ ...change, dn: change.dn.toLowerCase() })).not.toBe(base);
  });

  it('are the same on grid rows (parse workers) and on full records', async () => {
    const path = samplePath('ad-connector-utf16le-indented.xml');
    const byId = new Map((await pendingChanges(path)).map((c) => [c.id, fingerprintChange(c)]));
    const pending = (await rows(path)).filter((r) => r.pending);
    expect(pending.length).toBe(byId.size);
    for (const row of pending) expect(row.fingerprint).toBe(byId.get(row.id));
  });
});

describe('marks carried to a newer export of the same server', () => {
  it('stay where the change is the same, and are stale where it differs', async () => {
    const temp = makeTempDir();
    try {
      const first = await rows(samplePath('aad-connector-utf8.xml'));
      const marks: ReviewMarks = new Map();
      for (const row of first.filter((r) => r.pending)) marks.set(row.id, markAfter(undefined, row, request) as ReviewMark);
      const next = join(temp.dir, 'export.xml');
      writeNextCycleOfAadSample(next);
      const states = new Map((await rows(next)).filter((r) => r.pending).map((r) => [r.id, reviewState(marks.get(r.id), r.fingerprint)]));
      expect(states.get(CHANGED_ID)).toBe('stale');
      expect(states.get(REORDERED_ID)).toBe('approved');
      expect([...states.values()].filter((s) => s === 'approved')).toHaveLength(states.size - 1);
    } finally {
      temp.remove();
    }
  });

  it('keep a note unless a new one is given, and clearing removes the mark', () => {
    const target = { id: 'x', fingerprint: 'a'.repeat(32) };
    const flagged = markAfter(undefined, target, { ...request, action: 'flagged', note: 'HR says no' });
    expect(flagged).toEqual({ verdict: 'flagged', note: 'HR says no', by: 'jdoe', at: request.at, fingerprint: target.fingerprint });
    expect(markAfter(flagged ?? undefined, target, request)?.note).toBe('HR says no');
    expect(markAfter(flagged ?? undefined, target, { ...request, note: '' })?.note).toBe('');
    expect(markAfter(flagged ?? undefined, target, { ...request, action: 'clear' })).toBeNull();
    expect(reviewState(undefined, target.fingerprint)).toBe('unreviewed');
  });
});

describe('the review file format', () => {
  const mark: ReviewMark = { verdict: 'flagged', note: 'line one\nline "two"', by: 'CONTOSO\\jdoe', at: request.at, fingerprint: 'b'.repeat(32) };

  it('round-trips, one mark a line, ids that look like Object members included', () => {
    const marks: ReviewMarks = new Map([
      ['{1}', mark],
      ['constructor', { ...mark, verdict: 'approved' }],
      ['__proto__', mark],
    ]);
    const text = serializeReviewFile(makeReviewFile({ name: 'export.xml', sizeBytes: 42 }, marks, request.at));
    expect(text.split('\n').filter((line) => line.includes('"verdict"'))).toHaveLength(3);
    const parsed = parseReviewFile(text, 'export.xml.review.json');
    expect([...parsed.marks]).toEqual([...marks]);
    expect(parsed.export).toEqual({ name: 'export.xml', sizeBytes: 42 });
    expect(parseReviewFile(text, 'x').marks.get('toString')).toBeUndefined();
  });

  it.each([
    ['not JSON', '{"format": ', /x\.json is not an Export Review review file: it is not JSON\./],
    ['a JSON array', '[]', /it is not a JSON object/],
    ['another format', '{"format":"csv","version":1,"marks":{}}', /its "format" is not "export-review\/review-marks"/],
    ['no version', '{"format":"export-review/review-marks","marks":{}}', /no valid "version"/],
    [
      'a newer version',
      '{"format":"export-review/review-marks","version":2,"fingerprint":"x","marks":{}}',
      /x\.json was written by a newer Export Review \(review file version 2\); this one reads version 1\./,
    ],
    [
      'a malformed mark',
      '{"format":"export-review/review-marks","version":1,"fingerprint":"sha256-128:canonical-change-v1","marks":{"{1}":{"verdict":"maybe"}}}',
      /malformed mark for object "\{1\}"/,
    ],
    [
      'a note with a control character',
      '{"format":"export-review/review-marks","version":1,"fingerprint":"sha256-128:canonical-change-v1","marks":{"{1}":{"verdict":"approved","note":"a\\u0000b","by":"x","at":"","fingerprint":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}}}',
      /malformed mark for object "\{1\}"/,
    ],
  ])('refuses %s, naming the file', (_kind, text, message) => {
    expect(() => parseReviewFile(text, 'x.json')).toThrow(ReviewFileError);
    expect(() => parseReviewFile(text, 'x.json')).toThrow(message);
  });
});
