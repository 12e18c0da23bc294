import { describe, expect, it } from 'vitest';
import { failureMessage, INVOKE_CHANNELS, IPC, proposedCsvName, SEND_CHANNELS } from './ipc-contract.js';

describe('proposedCsvName', () => {
  it('proposes export-review-<file>-<date>.csv with a safe file part', () => {
    const day = new Date(2026, 10, 28);
    expect(proposedCsvName('export.xml', day)).toBe('export-review-export-2026-11-28.csv');
    expect(proposedCsvName('(((.xml', day)).toBe('export-review-export-2026-11-28.csv');
    expect(proposedCsvName('contoso - AAD (staging).xml', day)).toBe('export-review-contoso_-_AAD_staging-2026-11-28.csv');
  });
});

describe('the channel lists', () => {
  it('name every channel once, as invoke or as send', () => {
    const listed = [...INVOKE_CHANNELS, ...SEND_CHANNELS];
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(Object.values(IPC).sort());
  });
});

describe('failureMessage', () => {
  it("drops Electron's invoke prefix and the error's class name", () => {
    expect(failureMessage(new Error("Error invoking remote method 'export-review:get-details': Error: That file is no longer open."))).toBe(
      'That file is no longer open.',
    );
    expect(failureMessage(new Error("Error invoking remote method 'x': TypeError: bad"))).toBe('bad');
    expect(failureMessage(new Error('No such object in this file.'))).toBe('No such object in this file.');
    expect(failureMessage('plain words')).toBe('plain words');
  });
});
