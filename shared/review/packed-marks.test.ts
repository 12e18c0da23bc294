import { describe, expect, it } from 'vitest';
import { packMarks, unpackMarks } from './packed-marks.js';
import type { MarkEntries } from './review-marks.js';

describe('packed marks', () => {
  it('give back the same marks, removed ones, empty notes and notes with line breaks included', () => {
    const entries: MarkEntries = [
      ['{1}', { verdict: 'approved', note: '', by: 'jdoe', at: '2026-12-01T09:00:00.000Z', fingerprint: 'a'.repeat(32) }],
      ['{2}', null],
      ['{3}', { verdict: 'flagged', note: 'line one\nline, "two"\ttab', by: 'CONTOSO\\auditor', at: '2026-12-01T09:01:00.000Z', fingerprint: 'b'.repeat(32) }],
    ];
    expect(unpackMarks(packMarks(entries))).toEqual(entries);
    expect(unpackMarks(packMarks([]))).toEqual([]);
  });
});
