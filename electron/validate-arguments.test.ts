import { describe, expect, it } from 'vitest';
import { isCsvExportCommand, isObjectId, isReadId } from './validate-arguments.js';

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
});
