/** Export CSV: which rows (shown by the filters, selected, or every row with a mark) and which level. */
import { useState } from 'react';
import type { CsvLevel, CsvScope } from '../shared/csv/csv-rows.js';
import { formatCount } from './format.js';
import { Dialog } from './Dialog.js';

interface ExportDialogProps {
  counts: Record<CsvScope, number>;
  onCancel: () => void;
  onExport: (scope: CsvScope, level: CsvLevel) => void;
}

const SCOPE_LABELS: Record<CsvScope, string> = {
  shown: 'Rows shown by the filters',
  selected: 'Selected rows',
  reviewed: 'Reviewed rows (every row with a mark)',
};

export function ExportDialog({ counts, onCancel, onExport }: ExportDialogProps) {
  const [scope, setScope] = useState<CsvScope>(counts.selected > 0 ? 'selected' : 'shown');
  const [level, setLevel] = useState<CsvLevel>('object');
  const count = counts[scope];
  return (
    <Dialog label="Export CSV" onClose={onCancel}>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          onExport(scope, level);
        }}
      >
        <h2>Export CSV</h2>
        <fieldset>
          <legend>Rows</legend>
          {(['shown', 'selected', 'reviewed'] as const).map((value) => (
            <label key={value}>
              <input type="radio" name="scope" checked={scope === value} disabled={value !== 'shown' && counts[value] === 0} onChange={() => setScope(value)} />{' '}
              {SCOPE_LABELS[value]} ({formatCount(counts[value])})
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Level</legend>
          <label>
            <input type="radio" name="level" checked={level === 'object'} onChange={() => setLevel('object')} /> One row per object
          </label>
          <label>
            <input type="radio" name="level" checked={level === 'attribute'} onChange={() => setLevel('attribute')} /> One row per attribute change (OMODT /
            AMODT, old and new values)
          </label>
        </fieldset>
        <p className="muted">Both levels end with the review: state, note, who and when.</p>
        <div className="dialog-buttons">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={count === 0}>
            Export {formatCount(count)} {count === 1 ? 'row' : 'rows'}…
          </button>
        </div>
      </form>
    </Dialog>
  );
}
