/** Export CSV: the dialog's open state, and writing the rows shown (in the grid's order) or selected. */
import { useCallback, useState } from 'react';
import type { ShownRows } from '../shared/grid/shown-rows.js';
import type { ChangeRow } from '../shared/rows/change-row.js';
import type { CsvLevel, CsvScope } from '../shared/csv/csv-rows.js';
import type { ReviewMarks } from '../shared/review/review-marks.js';
import { failureMessage, type CsvExportCommand, type Notice } from '../shared/app/ipc-contract.js';
import { reviewApi } from './api.js';
import { formatCount } from './format.js';
import type { ReadSession } from './useReadSession.js';

export interface CsvExport {
  exporting: boolean;
  startExport: () => void;
  cancelExport: () => void;
  runExport: (scope: CsvScope, level: CsvLevel) => Promise<void>;
  /** The members one group gains and loses, at the member level. */
  exportMembers: (groupId: string) => Promise<void>;
}

/** What the review's CSV scope needs: every row read, and the marks. */
export interface ReviewedRows {
  allRows: { readonly current: readonly ChangeRow[] };
  marks: { readonly current: ReviewMarks };
}

/** Rows with a mark, in file order (stale marks included: they are marks, and the CSV says stale). */
export function reviewedIds({ allRows, marks }: ReviewedRows): string[] {
  const ids: string[] = [];
  for (const row of allRows.current) if (row.pending && marks.current.has(row.id)) ids.push(row.id);
  return ids;
}

/** The ids to write, in the order the grid shows them (selected rows the filters hide come last, in file order). */
function idsInScope(shown: ShownRows, scope: CsvScope, reviewed: ReviewedRows): string[] {
  if (scope === 'reviewed') return reviewedIds(reviewed);
  return (scope === 'selected' ? shown.selectedRows() : shown.shownRows()).map((row) => row.id);
}

async function writeCsv(command: CsvExportCommand): Promise<Notice | null> {
  try {
    const outcome = await reviewApi().exportCsv(command);
    if (outcome.status === 'written')
      return { kind: 'info', text: `Wrote ${formatCount(outcome.rows)} rows (${formatCount(outcome.objects)} objects) to ${outcome.path}` };
    if (outcome.status === 'failed') return { kind: 'error', text: `The CSV was not written: ${outcome.message}` };
    return null;
  } catch (error) {
    return { kind: 'error', text: `The CSV was not written: ${failureMessage(error)}` };
  }
}

export function useCsvExport(
  shown: ShownRows,
  session: ReadSession,
  reviewed: ReviewedRows,
  setNotice: (notice: Notice | null) => void,
  onClosed: () => void,
): CsvExport {
  const [exporting, setExporting] = useState(false);
  const { status, file } = session;
  const startExport = useCallback(() => {
    if (status === 'done') setExporting(true);
    else setNotice({ kind: 'info', text: 'Open a file and let it finish reading before exporting.' });
  }, [status, setNotice]);
  const runExport = useCallback(
    async (scope: CsvScope, level: CsvLevel) => {
      setExporting(false);
      if (!file) return;
      const notice = await writeCsv({ readId: file.readId, level, ids: idsInScope(shown, scope, reviewed), scope });
      if (notice) setNotice(notice);
      onClosed();
    },
    [shown, file, reviewed, setNotice, onClosed],
  );
  const exportMembers = useCallback(
    async (groupId: string) => {
      if (!file) return;
      const notice = await writeCsv({ readId: file.readId, level: 'member', ids: [groupId], scope: 'selected' });
      if (notice) setNotice(notice);
    },
    [file, setNotice],
  );
  const cancelExport = useCallback(() => {
    setExporting(false);
    onClosed();
  }, [onClosed]);
  return { exporting, startExport, cancelExport, runExport, exportMembers };
}
