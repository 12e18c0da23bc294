import { describe, expect, it } from 'vitest';
import { PageGate } from './page-gate.js';

function gateWithLog() {
  const log: string[] = [];
  const gate = new PageGate({ open: (path) => log.push(`open ${path}`), notify: (notice) => log.push(`${notice.kind} ${notice.text}`) });
  return { gate, log };
}

describe('PageGate', () => {
  it('holds files and notices until the page listens, then opens only the latest file', () => {
    const { gate, log } = gateWithLog();
    gate.requestOpen('/a.xml');
    gate.notify({ kind: 'error', text: 'b.xml does not exist or cannot be read.' });
    gate.requestOpen('/c.xml');
    expect(log).toEqual([]);
    gate.pageListening();
    expect(log).toEqual(['error b.xml does not exist or cannot be read.', 'open /c.xml']);
  });

  it('passes straight through while the page listens, and holds again once it is gone', () => {
    const { gate, log } = gateWithLog();
    gate.pageListening();
    gate.requestOpen('/a.xml');
    gate.pageGone();
    gate.requestOpen('/b.xml');
    expect(log).toEqual(['open /a.xml']);
    gate.pageListening();
    expect(log).toEqual(['open /a.xml', 'open /b.xml']);
  });
});
