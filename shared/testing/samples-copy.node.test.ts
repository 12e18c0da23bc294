import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COPIED_SAMPLES_DIR, SHARED_SAMPLES_DIR } from './samples.node.js';

describe('the copy of the reference samples (for CI away from this workplace)', () => {
  it.skipIf(!existsSync(SHARED_SAMPLES_DIR))('is byte for byte the shared samples', () => {
    const files = readdirSync(SHARED_SAMPLES_DIR).sort();
    expect(readdirSync(COPIED_SAMPLES_DIR).sort()).toEqual(files);
    for (const file of files) expect(readFileSync(join(COPIED_SAMPLES_DIR, file)).equals(readFileSync(join(SHARED_SAMPLES_DIR, file))), file).toBe(true);
  });
});
