/** The app's marks for one export: saved a second after a change, on close, to the app's folder when need be. */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '../testing/samples.node.js';
import { FolderNotWritableError } from '../atomic-file.node.js';
import { ReviewStore } from './review-store.node.js';
import { fallbackReviewFilePath, readReviewFile, writeReviewFileSync } from './review-file.node.js';
import type { ReviewStorage } from './review-marks.js';

const temp = makeTempDir();
afterAll(() => temp.remove());

const request = { action: 'approved' as const, by: 'jdoe', at: '2026-12-01T09:00:00.000Z' };
const target = (n: number) => ({ id: `{${n}}`, fingerprint: String(n % 10).repeat(32) });

function exportFile(name: string) {
  const path = join(temp.dir, name);
  writeFileSync(path, '<cs-objects/>');
  return { path, name, sizeBytes: 13 };
}

describe('ReviewStore', () => {
  it('saves at most a second after a change, once for a burst of changes, and again on close', async () => {
    vi.useFakeTimers();
    try {
      const file = exportFile('burst.xml');
      const written: number[] = [];
      const store = await ReviewStore.open({
        exportFile: file,
        onStorageChanged: () => undefined,
        write: (path, content) => {
          written.push(content.marks.size);
          writeReviewFileSync(path, content);
        },
      });
      expect(store.storage).toEqual({ kind: 'beside-export', path: `${file.path}.review.json` });
      store.apply([target(1)], request);
      store.apply([target(2), target(3)], request);
      expect(written).toEqual([]);
      vi.advanceTimersByTime(999);
      expect(written).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(written).toEqual([3]);
      store.apply([target(1)], { ...request, action: 'clear' });
      store.close();
      expect(written).toEqual([3, 2]);
      expect([...((await readReviewFile(`${file.path}.review.json`))?.marks.keys() ?? [])]).toEqual(['{2}', '{3}']);
    } finally {
      vi.useRealTimers();
    }
  });

  it("moves to the app's folder when the export's folder refuses the write, says so, and reads it back from there", async () => {
    const file = exportFile('readonly.xml');
    const fallbackFolder = join(temp.dir, 'app-data', 'review-marks');
    const changes: Array<[ReviewStorage, string]> = [];
    const refuseBesideExport = (path: string, content: Parameters<typeof writeReviewFileSync>[1]) => {
      if (path.startsWith(`${file.path}.`)) throw new FolderNotWritableError(`The folder ${temp.dir} cannot be written to; the review file was not written`);
      writeReviewFileSync(path, content);
    };
    const options = { exportFile: file, fallbackFolder, onStorageChanged: (s: ReviewStorage, m: string) => changes.push([s, m]), write: refuseBesideExport };
    const store = await ReviewStore.open(options);
    store.apply([target(7)], request);
    store.flush();
    const fallback = fallbackReviewFilePath(fallbackFolder, file.path);
    expect(changes).toEqual([
      [
        { kind: 'app-folder', path: fallback },
        `The folder ${temp.dir} cannot be written to; the review file was not written, so review marks are kept in the app's own folder: ${fallback}`,
      ],
    ]);
    expect(existsSync(`${file.path}.review.json`)).toBe(false);
    const again = await ReviewStore.open(options);
    expect(again.storage).toEqual({ kind: 'app-folder', path: fallback });
    expect([...again.marks.keys()]).toEqual(['{7}']);
  });

  it('never writes a review file it could not read, and keeps marks in memory', async () => {
    const file = exportFile('broken.xml');
    const review = `${file.path}.review.json`;
    writeFileSync(review, 'garbage');
    const store = await ReviewStore.open({ exportFile: file, onStorageChanged: () => undefined });
    expect(store.storage).toEqual({ kind: 'not-saved', problem: `The review file ${review} is not an Export Review review file: it is not JSON.` });
    expect(store.apply([target(1)], request)).toHaveLength(1);
    store.flush();
    store.close();
    expect(readFileSync(review, 'utf8')).toBe('garbage');
  });

  it('uses a chosen review file instead of the one beside the export', async () => {
    const file = exportFile('chosen.xml');
    const chosenPath = join(temp.dir, 'team.review.json');
    const store = await ReviewStore.open({ exportFile: file, chosenPath, onStorageChanged: () => undefined });
    expect(store.storage).toEqual({ kind: 'chosen', path: chosenPath });
    store.apply([target(4)], { ...request, action: 'flagged', note: 'ask HR' });
    store.close();
    expect((await readReviewFile(chosenPath))?.marks.get('{4}')).toMatchObject({ verdict: 'flagged', note: 'ask HR' });
    expect(existsSync(`${file.path}.review.json`)).toBe(false);
  });
});
