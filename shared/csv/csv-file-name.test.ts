import { describe, expect, it } from 'vitest';
import { proposedCsvName } from './csv-file-name.js';

describe('proposedCsvName', () => {
  it('proposes export-review-<file>-<date>.csv with a safe file part', () => {
    const day = new Date(2026, 10, 28);
    expect(proposedCsvName('export.xml', day)).toBe('export-review-export-2026-11-28.csv');
    expect(proposedCsvName('(((.xml', day)).toBe('export-review-export-2026-11-28.csv');
    expect(proposedCsvName('contoso - AAD (staging).xml', day)).toBe('export-review-contoso_-_AAD_staging-2026-11-28.csv');
  });
});
