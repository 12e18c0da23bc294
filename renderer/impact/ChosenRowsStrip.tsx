/** Above the grid while it shows only the rows chosen in the Impact view: what they are, and the way back. */
import type { ChosenRows } from '../../shared/rows/filter-rows.js';
import { formatCount } from '../format.js';

export function ChosenRowsStrip({ chosen, onClear }: { chosen: ChosenRows; onClear: () => void }) {
  return (
    <div className="strip chosen-rows" data-testid="chosen-rows">
      <span>
        Showing only <strong>{chosen.label}</strong> ({formatCount(chosen.ids.size)} {chosen.ids.size === 1 ? 'object' : 'objects'}); chips and search apply on
        top.
      </span>
      <button type="button" className="link-button" onClick={onClear}>
        Show all rows
      </button>
    </div>
  );
}
