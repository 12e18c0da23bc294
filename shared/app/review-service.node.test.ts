/** The app's service without Electron: worker-thread reads, details on demand, CSV of chosen rows. */
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReadEvent } from './ipc-contract.js';
import type { PendingChange } from '../model/csexport-model.js';
import { unpackRows } from '../rows/packed-rows.js';
import { ReviewService } from './review-service.node.js';
import { unpackMarks } from '../review/packed-marks.js';
import { marksOfUpdate } from '../review/review-update.js';
import { makeReviewFile, serializeReviewFile } from '../review/review-file-format.js';
import { COMPARE_FIXTURE, writeCompareFixture } from '../testing/compare-fixture.node.js';
import { unpackComparedRows } from '../compare/packed-comparison.js';
import { makeTempDir, samplePath } from '../testing/samples.node.js';

const readWorkerUrl = new URL('../../electron/read-worker.ts', import.meta.url);
const temp = makeTempDir();
afterAll(() => temp.remove());

let service: ReviewService | undefined;
afterEach(() => service?.dispose());

function start() {
  const events: ReadEvent[] = [];
  let settle: (() => void) | undefined;
  service = new ReviewService({
    readWorkerUrl,
    reviewer: 'tester',
    emit: (event) => {
      events.push(event);
      if (event.type === 'done' || event.type === 'failed') settle?.();
    },
  });
  const finished = () => new Promise<void>((resolve) => (settle = resolve));
  return { service, events, finished };
}

describe('ReviewService', () => {
  it('streams rows of a sample, then details with references resolved, then a CSV of chosen ids', async () => {
    const { service, events, finished } = start();
    const done = finished();
    expect(await service.open(samplePath('aad-connector-utf8.xml'))).toBeNull();
    await done;
    const started = events[0];
    expect(started?.type).toBe('started');
    const readId = started?.type === 'started' ? started.file.readId : -1;
    const rows = events.flatMap((e) => (e.type === 'rows' ? unpackRows(e.packedRows) : []));
    expect(rows).toHaveLength(12);
    expect(events.at(-1)).toMatchObject({ type: 'done', summary: { objects: 12, pendingChanges: 11 } });

    const details = await service.details(readId, '{00000007-1111-4A4A-9B9B-000000001007}');
    const members = (details.record as PendingChange).changes.find((c) => c.name === 'member');
    expect(members?.values).toHaveLength(4);
    expect(details.references['CN={4F6D5A2B7C9E4B0A8E3D1F2A6B5C7D80}']?.userPrincipalName).toBe('ahmed.karimi@contoso.com');
    expect(details.references['CN={55555555666666667777777788888810}']).toBeNull();

    const out = join(temp.dir, 'chosen.csv');
    const outcome = await service.exportCsv({ readId, level: 'object', scope: 'selected', ids: ['{00000003-1111-4A4A-9B9B-000000001003}'] }, out);
    expect(outcome).toMatchObject({ status: 'written', rows: 1 });
    expect(readFileSync(out, 'utf8')).toContain('chen.wei@contoso.com');
  });

  it('refuses paths that are not regular files, and reports a bad file as a failed read', async () => {
    const { service, events, finished } = start();
    expect(await service.open(join(temp.dir, 'missing.xml'))).toMatch(/does not exist/);
    expect(await service.open(temp.dir)).toMatch(/is not a file/);
    const bad = join(temp.dir, 'bad.xml');
    writeFileSync(bad, '<html></html>');
    const done = finished();
    await service.open(bad);
    await done;
    expect(events.at(-1)).toMatchObject({ type: 'failed', error: { code: 'wrong-root' } });
  });

  it('cancels a running read when another file is opened', async () => {
    const { service, events, finished } = start();
    await service.open(samplePath('ad-connector-utf16le-indented.xml'));
    const done = finished();
    await service.open(samplePath('mim-sql-deltas-only.xml'));
    await done;
    expect(events.map((e) => e.type)).toContain('cancelled');
    const last = events.at(-1);
    expect(last).toMatchObject({ type: 'done', summary: { objects: 5 } });
    await expect(service.details(1, 'x')).rejects.toThrow(/no longer open/);
  });

  it('loads the marks beside the export, marks pending changes only, saves them on close and restores them on the next open', async () => {
    const { service, events, finished } = start();
    const path = join(temp.dir, 'marked.xml');
    copyFileSync(samplePath('aad-connector-utf8.xml'), path);
    const done = finished();
    await service.open(path);
    await done;
    const readId = service.openFile?.readId ?? -1;
    await expect
      .poll(() => events.find((e) => e.type === 'review'))
      .toMatchObject({ review: { packedMarks: '', storage: { kind: 'beside-export', path: `${path}.review.json` } } });
    const chen = '{00000003-1111-4A4A-9B9B-000000001003}';
    const withoutPendingExport = '{0000000B-1111-4A4A-9B9B-000000001011}';
    const outcome = await service.setMarks(
      { readId, ids: [chen, withoutPendingExport], action: 'flagged', note: 'on leave' },
      new Date('2026-12-01T10:00:00Z'),
    );
    expect(outcome.notMarkable).toBe(1);
    expect(unpackMarks(outcome.packedChanges)).toEqual([
      [chen, { verdict: 'flagged', note: 'on leave', by: 'tester', at: '2026-12-01T10:00:00.000Z', fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/) }],
    ]);

    const csv = join(temp.dir, 'reviewed.csv');
    await service.exportCsv({ readId, level: 'object', scope: 'reviewed', ids: [chen] }, csv);
    expect(readFileSync(csv, 'utf8')).toMatch(/chen\.wei@contoso\.com.*,flagged,on leave,tester,2026-12-01T10:00:00\.000Z\r\n$/);

    service.close();
    expect(JSON.parse(readFileSync(`${path}.review.json`, 'utf8'))).toMatchObject({
      format: 'export-review/review-marks',
      marks: { [chen]: { verdict: 'flagged' } },
    });
    events.length = 0;
    await service.open(path);
    const restored = await vi.waitFor(() => {
      const found = events.find((e) => e.type === 'review');
      if (found?.type !== 'review') throw new Error('no review event yet');
      return found;
    });
    // The window parses the review file's text itself, as the export reads.
    expect(restored.review.packedMarks).toBeUndefined();
    expect([...(marksOfUpdate(restored.review).marks ?? [])]).toEqual([[chen, expect.objectContaining({ verdict: 'flagged', note: 'on leave' })]]);
  });

  it("marks as soon as a row is in, whether or not the main process has parsed the review file yet, and saves the file's marks with the new one", async () => {
    const { service, events, finished } = start();
    const path = join(temp.dir, 'early.xml');
    copyFileSync(samplePath('ad-connector-utf16le-indented.xml'), path);
    const rowsOf = () => events.flatMap((e) => (e.type === 'rows' ? unpackRows(e.packedRows) : []));
    const done = finished();
    await service.open(path);
    await done;
    const pending = rowsOf().filter((row) => row.pending);
    const [first, second] = pending;
    if (!first || !second) throw new Error('the sample has pending changes');
    writeFileSync(
      `${path}.review.json`,
      serializeReviewFile(
        makeReviewFile(
          { name: 'early.xml', sizeBytes: 1 },
          new Map([[first.id, { verdict: 'flagged', note: 'old', by: 'a', at: 'b', fingerprint: first.fingerprint }]]),
          'now',
        ),
      ),
    );
    events.length = 0;
    const again = finished();
    await service.open(path);
    const readId = service.openFile?.readId ?? -1;
    // As soon as the row is in, perhaps while the read still runs: the main process then parses the file at once.
    await vi.waitFor(() => expect(rowsOf().some((row) => row.id === second.id)).toBe(true), { interval: 1 });
    const outcome = await service.setMarks({ readId, ids: [second.id], action: 'approved' });
    expect(unpackMarks(outcome.packedChanges)).toHaveLength(1);
    await again;
    service.close();
    const saved = JSON.parse(readFileSync(`${path}.review.json`, 'utf8')) as { marks: Record<string, { verdict: string }> };
    expect(Object.fromEntries(Object.entries(saved.marks).map(([id, mark]) => [id, mark.verdict]))).toEqual({ [first.id]: 'flagged', [second.id]: 'approved' });
  });

  it('says an unreadable review file once: the window finds it in the text, the main process saves nothing and never writes over it', async () => {
    const { service, events, finished } = start();
    const path = join(temp.dir, 'broken-review.xml');
    copyFileSync(samplePath('aad-connector-utf8.xml'), path);
    const broken = '{"format":"export-review/review-marks","version":1,"marks":{';
    writeFileSync(`${path}.review.json`, broken);
    const done = finished();
    await service.open(path);
    await done;
    const readId = service.openFile?.readId ?? -1;
    const chen = '{00000003-1111-4A4A-9B9B-000000001003}';
    await service.setMarks({ readId, ids: [chen], action: 'approved' });
    service.close();
    const reviews = events.flatMap((e) => (e.type === 'review' ? [e.review] : []));
    expect(reviews).toHaveLength(1);
    expect(marksOfUpdate(reviews[0] ?? { storage: { kind: 'not-saved', problem: '' } })).toEqual({
      marks: new Map(),
      storage: { kind: 'not-saved', problem: `The review file ${path}.review.json is not an Export Review review file: it is not JSON.` },
    });
    expect(readFileSync(`${path}.review.json`, 'utf8')).toBe(broken);
  });

  it('compares the open export with another in read workers, answers details by byte range, writes the comparison CSV, and closes it', async () => {
    const { service, events, finished } = start();
    const files = writeCompareFixture(temp.dir);
    const done = finished();
    await service.open(files.first);
    await done;
    const readId = service.openFile?.readId ?? -1;
    expect(await service.compareWith(readId, join(temp.dir, 'missing.xml'))).toMatch(/does not exist/);
    expect(await service.compareWith(readId, files.second)).toBeNull();
    const result = await vi.waitFor(() => {
      const found = events.find((e) => e.type === 'comparison' && e.update.state === 'done');
      if (found?.type !== 'comparison' || found.update.state !== 'done') throw new Error('not compared yet');
      return found.update.comparison;
    });
    expect(result.counts).toEqual(COMPARE_FIXTURE.counts);
    expect(result.onlyInOther.map((e) => e.userPrincipalName)).toEqual(['user10@contoso.com']);
    const reading = events.filter((e) => e.type === 'comparison' && e.update.state === 'reading');
    expect(reading.length).toBeGreaterThan(0);
    const user7 = [...unpackComparedRows(result.packedRows)].find(([, row]) => row.differences.includes('attributes'));
    const details = await service.comparisonDetails(readId, user7?.[0] ?? '');
    expect(details).toMatchObject({
      class: 'different',
      pairedBy: 'dn',
      attributes: [{ attribute: 'department', onlyFirst: ['Marketing'], onlySecond: ['Finance'] }],
    });
    const csv = join(temp.dir, 'app-diff.csv');
    expect(await service.exportComparisonCsv(readId, 'object', csv)).toMatchObject({ status: 'written', rows: 6 });
    service.closeComparison(readId);
    expect(events.at(-1)).toEqual({ type: 'comparison', readId, update: { state: 'closed' } });
    await expect(service.comparisonDetails(readId, 'x')).rejects.toThrow(/No comparison/);
  });
});
