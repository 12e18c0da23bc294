/** The changes only the other export has: they have no row in this file's grid, so they are listed here. */
import type { CompareEntry } from '../../shared/compare/compare-model.js';
import { whoLabel } from '../../shared/model/resolve-identity.js';
import { Dialog } from '../Dialog.js';
import { formatCount } from '../format.js';
import { operationLabel } from '../format.js';

const LISTED = 500;

export function OnlyInOtherDialog({ other, entries, onClose }: { other: string; entries: readonly CompareEntry[]; onClose: () => void }) {
  return (
    <Dialog label={`Only in ${other}`} onClose={onClose} className="only-in-other">
      <h2>
        Only in {other} ({formatCount(entries.length)})
      </h2>
      {entries.length === 0 ? (
        <p>Every pending change of {other} is in this file too.</p>
      ) : (
        <ul className="only-in-other-list" tabIndex={0} aria-label={`Changes only in ${other}`}>
          {entries.slice(0, LISTED).map((entry) => (
            <li key={entry.id}>
              <span className={`op-pill op-${entry.operation.replace(/[^a-z-]/g, '-')}`}>{operationLabel(entry.operation)}</span>{' '}
              {whoLabel(entry.userPrincipalName, entry.displayName, entry.dn)} <span className="muted">{entry.dn}</span>
            </li>
          ))}
        </ul>
      )}
      {entries.length > LISTED && <p className="muted">and {formatCount(entries.length - LISTED)} more: the comparison's CSV has them all.</p>}
      <div className="dialog-buttons">
        <button type="button" className="button button-primary" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </Dialog>
  );
}
