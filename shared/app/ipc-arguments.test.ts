import { describe, expect, it } from 'vitest';
import { INVOKE_METHOD_NAMES, INVOKE_METHODS } from './ipc-contract.js';
import { isCsvExportCommand, isObjectId, isReadId } from './ipc-arguments.js';

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

  it('declares a check for every invoke method of the contract, and each refuses stray arguments', () => {
    expect(INVOKE_METHOD_NAMES.length).toBeGreaterThan(0);
    for (const method of INVOKE_METHOD_NAMES) {
      expect(typeof INVOKE_METHODS[method].accepts, method).toBe('function');
      expect(INVOKE_METHODS[method].accepts([1, 2, 3, 4]), method).toBe(false);
    }
    expect(INVOKE_METHODS.getDetails.accepts([1, '{A}'])).toBe(true);
    expect(INVOKE_METHODS.getDetails.accepts(['1', '{A}'])).toBe(false);
    expect(INVOKE_METHODS.openPath.accepts(['/tmp/export.xml'])).toBe(true);
    expect(INVOKE_METHODS.openPath.accepts([{ path: '/tmp' }])).toBe(false);
    expect(INVOKE_METHODS.listening.accepts([])).toBe(true);
  });
});
