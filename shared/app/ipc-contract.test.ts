import { describe, expect, it } from 'vitest';
import { failureMessage, INVOKE_METHOD_NAMES, INVOKE_METHODS, IPC, SEND_CHANNELS } from './ipc-contract.js';

describe('the channel lists', () => {
  it('name every channel once, as invoke or as send', () => {
    const listed = [...INVOKE_METHOD_NAMES.map((method) => INVOKE_METHODS[method].channel), ...SEND_CHANNELS];
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
