/**
 * The comparison of the open file with another export, as the page holds it: its state and counts
 * as React state, each compared row's class in a Map the grid reads (never React state), and the
 * changes only in the other export (they have no row in this grid).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReadProgress } from '../../shared/model/csexport-model.js';
import type { ChangeRow } from '../../shared/rows/change-row.js';
import { failureMessage, type Notice, type ReadEvent } from '../../shared/app/ipc-contract.js';
import { formatCount } from '../format.js';
import type { CompareClass, CompareCounts, CompareEntry, ComparisonUpdate, OtherExport } from '../../shared/compare/compare-model.js';
import { unpackComparedRows, type ComparedRow } from '../../shared/compare/packed-comparison.js';
import { reviewApi } from '../api.js';

export type ComparisonState = 'none' | 'reading' | 'done' | 'failed';

export interface ComparisonView {
  state: ComparisonState;
  other: OtherExport | null;
  reading: { file: 1 | 2; progress: ReadProgress } | null;
  counts: CompareCounts | null;
  onlyInOther: CompareEntry[];
  message: string | null;
  /** A row's class ('' without a comparison, or for objects without a pending export). */
  classOf: (row: ChangeRow) => CompareClass | '';
  rowOf: (id: string) => ComparedRow | undefined;
  /** With the export at `path`, or one chosen in an open dialog. */
  compareWith: (path?: string | null) => Promise<void>;
  close: () => Promise<void>;
  /** The comparison's CSV, as the CLI writes it: one row per difference, or per differing attribute value. */
  exportCsv: (level: 'object' | 'attribute') => Promise<void>;
}

interface Shown {
  state: ComparisonState;
  other: OtherExport | null;
  reading: ComparisonView['reading'];
  counts: CompareCounts | null;
  onlyInOther: CompareEntry[];
  message: string | null;
}

const NONE: Shown = { state: 'none', other: null, reading: null, counts: null, onlyInOther: [], message: null };

function shownAfter(update: ComparisonUpdate, previous: Shown): Shown {
  switch (update.state) {
    case 'reading':
      return { ...NONE, state: 'reading', other: update.other, reading: { file: update.file, progress: update.progress } };
    case 'done':
      return { ...NONE, state: 'done', other: update.comparison.other, counts: update.comparison.counts, onlyInOther: update.comparison.onlyInOther };
    case 'failed':
      return { ...NONE, state: 'failed', other: update.other, message: update.message };
    default:
      return previous.state === 'none' ? previous : NONE;
  }
}

export function useComparison(readId: number | undefined, onChanged: () => void, setNotice: (notice: Notice) => void): ComparisonView {
  const onMessage = useCallback((text: string) => setNotice({ kind: 'error', text }), [setNotice]);
  const rows = useRef<Map<string, ComparedRow>>(new Map());
  const [shown, setShown] = useState<Shown>(NONE);
  const callbacks = useRef({ onChanged, onMessage });
  callbacks.current = { onChanged, onMessage };

  useEffect(
    () =>
      reviewApi().onReadEvent((event: ReadEvent) => {
        if (event.type === 'started' || event.type === 'closed') {
          rows.current = new Map();
          setShown(NONE);
        } else if (event.type === 'comparison') {
          const update = event.update;
          if (update.state === 'done' || update.state === 'closed') {
            rows.current = update.state === 'done' ? unpackComparedRows(update.comparison.packedRows) : new Map();
            callbacks.current.onChanged();
          }
          setShown((previous) => shownAfter(update, previous));
        }
      }),
    [],
  );

  const classOf = useCallback(
    (row: ChangeRow): CompareClass | '' => (shown.state === 'done' && row.pending ? (rows.current.get(row.id)?.class ?? 'same') : ''),
    [shown.state],
  );
  const rowOf = useCallback((id: string) => rows.current.get(id), []);

  const compareWith = useCallback(
    async (path?: string | null) => {
      if (readId === undefined) return;
      try {
        const refused = await reviewApi().compareWith(readId, path ?? null);
        if (refused) callbacks.current.onMessage(refused);
      } catch (error) {
        callbacks.current.onMessage(failureMessage(error));
      }
    },
    [readId],
  );
  const close = useCallback(async () => {
    if (readId !== undefined)
      await reviewApi()
        .closeComparison(readId)
        .catch((error: unknown) => callbacks.current.onMessage(failureMessage(error)));
  }, [readId]);

  const exportCsv = useCallback(
    async (level: 'object' | 'attribute') => {
      if (readId === undefined) return;
      try {
        const outcome = await reviewApi().exportComparisonCsv(readId, level);
        if (outcome.status === 'written') setNotice({ kind: 'info', text: `Wrote ${formatCount(outcome.rows)} rows to ${outcome.path}` });
        else if (outcome.status === 'failed') setNotice({ kind: 'error', text: `The CSV was not written: ${outcome.message}` });
      } catch (error) {
        setNotice({ kind: 'error', text: `The CSV was not written: ${failureMessage(error)}` });
      }
    },
    [readId, setNotice],
  );

  return { ...shown, classOf, rowOf, compareWith, close, exportCsv };
}
