import { describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS } from '../shared/app/ipc-contract.js';
import { argumentChecks, isCsvExportCommand, isObjectId, isReadId } from './validate-arguments.js';

describe('IPC argument checks', () => {
  it('accepts well-formed arguments only', () => {
    expect(isReadId(3)).toBe(true);
    for (const bad of [0, -1, 1.5, '3', null]) expect(isReadId(bad)).toBe(false);
    expect(isObjectId('{A}')).toBe(true);
    expect(isObjectId('')).toBe(false);
    expect(isCsvExportCommand({ readId: 1, level: 'object', scope: 'shown', ids: ['{A}'] })).toBe(true);
    expect(isCsvExportCommand({ readId: 1, level: 'cells', scope: 'shown', ids: [] })).toBe(false);
    expect(isCsvExportCommand({ readId: 1, level: 'object', scope: 'shown', ids: [1] })).toBe(false);
    expect(isCsvExportCommand({ readId: 1, level: 'object', scope: 'shown', ids: ['x'], path: '/etc/passwd' })).toBe(true);
  });

  it('has a check for every invoke channel of the contract, and each refuses stray arguments', () => {
    expect(Object.keys(argumentChecks).sort()).toEqual([...INVOKE_CHANNELS].sort());
    for (const channel of INVOKE_CHANNELS) expect(argumentChecks[channel]([1, 2, 3, 4])).toBe(false);
    expect(argumentChecks['export-review:get-details']([1, '{A}'])).toBe(true);
    expect(argumentChecks['export-review:get-details'](['1', '{A}'])).toBe(false);
    expect(argumentChecks['export-review:open-path'](['/tmp/export.xml'])).toBe(true);
    expect(argumentChecks['export-review:open-path']([{ path: '/tmp' }])).toBe(false);
  });
});
