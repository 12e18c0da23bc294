/**
 * One polite live region for what a screen reader should hear without moving focus: read progress,
 * marks set, files written. Each announcement replaces the last; the same words twice are still read.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReadSession } from './useReadSession.js';
import { formatCount } from './format.js';

export interface Announcer {
  message: string;
  announce: (text: string) => void;
}

export function useAnnouncer(): Announcer {
  const [message, setMessage] = useState('');
  const toggle = useRef(false);
  const announce = useCallback((text: string) => {
    // A trailing no-break space on every other message makes a repeat a change the region reports.
    toggle.current = !toggle.current;
    setMessage(toggle.current ? text : `${text}\u00a0`);
  }, []);
  return { message, announce };
}

const QUARTERS = [25, 50, 75];

/** Says when a read starts, each quarter of the way, and how it ended. */
export function useReadAnnouncements(session: ReadSession, announce: (text: string) => void): void {
  const said = useRef(0);
  const { status, file, progress } = session;
  useEffect(() => {
    if (status === 'reading' && file) {
      said.current = 0;
      announce(`Reading ${file.name}`);
    }
  }, [status, file, announce]);
  const percent = progress && progress.totalBytes ? Math.floor((progress.bytesRead / progress.totalBytes) * 100) : 0;
  useEffect(() => {
    const quarter = QUARTERS.filter((q) => percent >= q).at(-1) ?? 0;
    if (status === 'reading' && quarter > said.current) {
      said.current = quarter;
      announce(`${quarter}% read`);
    }
  }, [status, percent, announce]);
  const { pending, total } = session.counts;
  useEffect(() => {
    if (status === 'done') announce(`Read ${formatCount(total)} objects: ${formatCount(pending)} pending changes`);
    if (status === 'failed') announce('The file could not be read');
    if (status === 'cancelled') announce('Reading cancelled');
    // Only when the status changes: counts move with it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [status, announce]);
}
