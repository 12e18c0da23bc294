/** Review files on disk: written whole or not at all, and an unreadable one is never touched. */
import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '../testing/samples.node.js';
import { fallbackReviewFilePath, readReviewFile, reviewFilePathFor, writeReviewFile, writeReviewFileSync } from './review-file.node.js';
import { makeReviewFile, ReviewFileError } from './review-file-format.js';
import type { ReviewMark } from './review-marks.js';

const temp = makeTempDir();
afterAll(() => temp.remove());

const mark: ReviewMark = { verdict: 'approved', note: '', by: 'jdoe', at: '2026-12-01T09:00:00.000Z', fingerprint: 'c'.repeat(32) };
const file = (n: number) =>
  makeReviewFile({ name: 'export.xml', sizeBytes: 10 }, new Map(Array.from({ length: n }, (_, i) => [`{${i}}`, mark] as [string, ReviewMark])), mark.at);

describe('review files on disk', () => {
  it('sit beside the export, and the fallback is named by the export path', () => {
    expect(reviewFilePathFor('/x/export.xml')).toBe('/x/export.xml.review.json');
    const a = fallbackReviewFilePath('/data', '/x/export.xml');
    expect(a).toMatch(/^\/data\/export\.xml\.[0-9a-f]{16}\.review\.json$/);
    expect(fallbackReviewFilePath('/data', '/y/export.xml')).not.toBe(a);
  });

  it('are missing (null) until written, then read back', async () => {
    const path = join(temp.dir, 'a.xml.review.json');
    expect(await readReviewFile(path)).toBeNull();
    await writeReviewFile(path, file(3));
    expect((await readReviewFile(path))?.marks.size).toBe(3);
    writeReviewFileSync(path, file(5));
    expect((await readReviewFile(path))?.marks.size).toBe(5);
    expect(readdirSync(temp.dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('keep the old file whole when a write fails midway, and leave no temporary file', async () => {
    const dir = join(temp.dir, 'failing');
    mkdirSync(dir);
    const path = join(dir, 'b.xml.review.json');
    await writeReviewFile(path, file(2));
    const before = readFileSync(path);
    const poisoned = file(2);
    // A mark whose serialisation throws halfway through the file, as a crash mid-write would stop it.
    poisoned.marks.set('{bad}', {
      ...mark,
      toJSON: () => {
        throw new Error('disk full');
      },
    } as unknown as ReviewMark);
    await expect(writeReviewFile(path, poisoned)).rejects.toThrow('disk full');
    expect(readFileSync(path)).toEqual(before);
    expect(readdirSync(dir)).toEqual(['b.xml.review.json']);
  });

  it.each([
    ['not JSON', Buffer.from('not json at all')],
    ['truncated', Buffer.from('{"format":"export-review/review-marks","version":1,"marks":{"{1}":{"verd')],
    ['UTF-16', Buffer.from('\ufeff{"format":"export-review/review-marks"}', 'utf16le')],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
    ['a newer version', Buffer.from('{"format":"export-review/review-marks","version":7,"marks":{}}')],
    ['empty', Buffer.alloc(0)],
  ])('refuse a file that is %s with a message naming it, and leave it byte for byte', async (_kind, bytes) => {
    const path = join(temp.dir, `bad-${readdirSync(temp.dir).length}.review.json`);
    writeFileSync(path, bytes);
    const error = await readReviewFile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReviewFileError);
    expect((error as Error).message).toContain(path);
    expect(readFileSync(path)).toEqual(bytes);
  });

  it.skipIf(process.getuid?.() === 0)('say so when the file cannot be read at all', async () => {
    const path = join(temp.dir, 'locked.review.json');
    writeFileSync(path, '{}');
    chmodSync(path, 0o000);
    await expect(readReviewFile(path)).rejects.toThrow(/cannot be read/);
  });
});
