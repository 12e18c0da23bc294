/** Test support: the reference samples beside the project (../shared/samples) and their truth.json. */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CsObjectRecord, ReadSummary } from '../model/csexport-model.js';
import { readExportFile, type ReadOptions } from '../read/read-export-file.node.js';

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** The project's shared samples beside the checkout; the copy in the repository is for CI elsewhere (GitHub Actions). */
export const SHARED_SAMPLES_DIR = resolve(PROJECT_ROOT, '..', 'shared', 'samples');
export const COPIED_SAMPLES_DIR = resolve(PROJECT_ROOT, 'test-data', 'reference-samples');
export const SAMPLES_DIR = process.env['EXPORT_REVIEW_SAMPLES'] ?? (existsSync(SHARED_SAMPLES_DIR) ? SHARED_SAMPLES_DIR : COPIED_SAMPLES_DIR);

export interface SampleTruth {
  file: string;
  objects: number;
  noPendingExport: number;
  operations: Record<string, number>;
  deletes: Record<string, string>;
}

export function loadTruth(): SampleTruth[] {
  return JSON.parse(readFileSync(join(SAMPLES_DIR, 'truth.json'), 'utf8')) as SampleTruth[];
}

export function samplePath(file: string): string {
  return join(SAMPLES_DIR, file);
}

export async function readAllRecords(path: string, options: Omit<ReadOptions, 'onRecord'> = {}): Promise<{ records: CsObjectRecord[]; summary: ReadSummary }> {
  const records: CsObjectRecord[] = [];
  const summary = await readExportFile(path, { ...options, onRecord: (record) => records.push(record) });
  return { records, summary };
}

/** A temporary folder, removed by the returned function. */
export function makeTempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'export-review-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
