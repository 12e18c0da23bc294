/** Export CSV: which rows (shown by the filters, or selected) and which level (object or attribute). */
import { useEffect, useRef, useState } from 'react';
import type { CsvLevel } from '../shared/csv/csv-rows.js';
import { formatCount } from './format.js';

interface ExportDialogProps {
  shown: number;
  selected: number;
  onCancel: () => void;
  onExport: (scope: 'shown' | 'selected', level: CsvLevel) => void;
}

export function ExportDialog({ shown, selected, onCancel, onExport }: ExportDialogProps) {
  const [scope, setScope] = useState<'shown' | 'selected'>(selected > 0 ? 'selected' : 'shown');
  const [level, setLevel] = useState<CsvLevel>('object');
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const count = scope === 'shown' ? shown : selected;
  return (
    <dialog ref={dialog} className="dialog" aria-label="Export CSV" onCancel={onCancel}>
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
          <label>
            <input type="radio" name="scope" checked={scope === 'shown'} onChange={() => setScope('shown')} /> Rows shown by the filters ({formatCount(shown)})
          </label>
          <label>
            <input type="radio" name="scope" checked={scope === 'selected'} disabled={selected === 0} onChange={() => setScope('selected')} /> Selected rows (
            {formatCount(selected)})
          </label>
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
        <div className="dialog-buttons">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={count === 0}>
            Export {formatCount(count)} {count === 1 ? 'row' : 'rows'}…
          </button>
        </div>
      </form>
    </dialog>
  );
}
