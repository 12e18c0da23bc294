/**
 * Follows the read events of the main process: the open file, progress, counts and outcome as React
 * state; the rows themselves handed on a batch at a time to `onRows` (never React state, so 500,000
 * rows cost no renders), which keeps them (`ShownRows`).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChangeRow } from '../shared/rows/change-row.js';
import type { ReadProgress, ReadSummary } from '../shared/model/csexport-model.js';
import type { OpenedFile, ReadEvent } from '../shared/app/ipc-contract.js';
import type { ReadErrorInfo } from '../shared/read-errors.js';
import type { ImpactReport } from '../shared/impact/impact-model.js';
import { windowRowUnpacker } from '../shared/rows/window-rows.js';
import { tally } from '../shared/model/operations.js';
import { reviewApi } from './api.js';

export type ReadStatus = 'empty' | 'reading' | 'done' | 'failed' | 'cancelled';

export interface RowCounts {
  total: number;
  pending: number;
  withoutPending: number;
  /** Pending changes per operation. */
  operations: Record<string, number>;
  /** Pending changes per object type. */
  types: Record<string, number>;
}

export interface ReadSession {
  status: ReadStatus;
  file: OpenedFile | null;
  progress: ReadProgress | null;
  summary: ReadSummary | null;
  /** What the file changes on existing objects, once read. */
  impact: ImpactReport | null;
  error: ReadErrorInfo | null;
  counts: RowCounts;
}

const emptyCounts = (): RowCounts => ({ total: 0, pending: 0, withoutPending: 0, operations: {}, types: {} });

function countInto(counts: RowCounts, rows: ChangeRow[]): RowCounts {
  const next = { ...counts, operations: { ...counts.operations }, types: { ...counts.types } };
  for (const row of rows) {
    next.total++;
    if (!row.pending) {
      next.withoutPending++;
      continue;
    }
    next.pending++;
    tally(next.operations, row.operation);
    tally(next.types, row.objectType);
  }
  return next;
}

export function useReadSession(onRows: (rows: ChangeRow[], reset: boolean) => void): ReadSession {
  const readIdRef = useRef<number | null>(null);
  const unpack = useRef(windowRowUnpacker());
  const [state, setState] = useState<ReadSession>({
    status: 'empty',
    file: null,
    progress: null,
    summary: null,
    impact: null,
    error: null,
    counts: emptyCounts(),
  });
  const onRowsRef = useRef(onRows);
  onRowsRef.current = onRows;

  const handle = useCallback((event: ReadEvent) => {
    if (event.type === 'started') {
      readIdRef.current = event.file.readId;
      unpack.current = windowRowUnpacker();
      onRowsRef.current([], true);
      setState({
        status: 'reading',
        file: event.file,
        progress: { bytesRead: 0, totalBytes: event.file.sizeBytes, objects: 0 },
        summary: null,
        impact: null,
        error: null,
        counts: emptyCounts(),
      });
      return;
    }
    if (event.type === 'closed') {
      readIdRef.current = null;
      onRowsRef.current([], true);
      setState({ status: 'empty', file: null, progress: null, summary: null, impact: null, error: null, counts: emptyCounts() });
      return;
    }
    if (event.readId !== readIdRef.current) return;
    switch (event.type) {
      case 'rows': {
        const rows = unpack.current(event.packedRows);
        onRowsRef.current(rows, false);
        setState((s) => ({ ...s, counts: countInto(s.counts, rows) }));
        break;
      }
      case 'progress':
        setState((s) => ({ ...s, progress: event.progress }));
        break;
      case 'done':
        setState((s) => ({ ...s, status: 'done', summary: event.summary, impact: event.impact, progress: null }));
        break;
      case 'failed':
        setState((s) => ({ ...s, status: 'failed', error: event.error, progress: null }));
        break;
      case 'cancelled':
        setState((s) => ({ ...s, status: 'cancelled', progress: null }));
        break;
    }
  }, []);

  useEffect(() => reviewApi().onReadEvent(handle), [handle]);

  return state;
}
