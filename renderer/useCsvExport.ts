/** Export CSV: the dialog's open state, and writing the rows shown (in the grid's order) or selected. */
import { useCallback, useState, type RefObject } from 'react';
import type { GridApi } from 'ag-grid-community';
import type { ChangeRow } from '../shared/rows/change-row.js';
import type { CsvLevel } from '../shared/csv/csv-rows.js';
import { failureMessage, type CsvExportCommand, type Notice } from '../shared/app/ipc-contract.js';
import { reviewApi } from './api.js';
import { formatCount } from './format.js';
import type { ReadSession } from './useReadSession.js';

export interface CsvExport {
  exporting: boolean;
  startExport: () => void;
  cancelExport: () => void;
  runExport: (scope: CsvExportCommand['scope'], level: CsvLevel) => Promise<void>;
}

function idsInScope(api: GridApi<ChangeRow>, scope: CsvExportCommand['scope']): string[] {
  const ids: string[] = [];
  if (scope === 'selected') for (const row of api.getSelectedRows()) ids.push(row.id);
  else api.forEachNodeAfterFilterAndSort((node) => node.data && ids.push(node.data.id));
  return ids;
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

export function useCsvExport(gridApi: RefObject<GridApi<ChangeRow> | null>, session: ReadSession, setNotice: (notice: Notice | null) => void): CsvExport {
  const [exporting, setExporting] = useState(false);
  const { status, file } = session;
  const startExport = useCallback(() => {
    if (status === 'done') setExporting(true);
    else setNotice({ kind: 'info', text: 'Open a file and let it finish reading before exporting.' });
  }, [status, setNotice]);
  const runExport = useCallback(
    async (scope: CsvExportCommand['scope'], level: CsvLevel) => {
      setExporting(false);
      const api = gridApi.current;
      if (!api || !file) return;
      const notice = await writeCsv({ readId: file.readId, level, ids: idsInScope(api, scope), scope });
      if (notice) setNotice(notice);
    },
    [gridApi, file, setNotice],
  );
  return { exporting, startExport, cancelExport: () => setExporting(false), runExport };
}
