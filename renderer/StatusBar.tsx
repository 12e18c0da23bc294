/** Shown / total / selected, the objects without a pending export, and the file's encoding. */
import { formatCount } from './format.js';
import type { ReadSession } from './useReadSession.js';

export function StatusBar({ session, shown, selected }: { session: ReadSession; shown: number; selected: number }) {
  const { counts, summary } = session;
  return (
    <footer className="status-bar" aria-label="Status">
      <span>
        Showing <strong data-testid="shown-count">{formatCount(shown)}</strong> of {formatCount(counts.pending)} pending changes
      </span>
      <span>
        <strong data-testid="selected-count">{formatCount(selected)}</strong> selected
      </span>
      {counts.withoutPending > 0 && <span>{formatCount(counts.withoutPending)} without a pending export</span>}
      {summary && <span className="muted">{summary.encoding.toUpperCase()}</span>}
    </footer>
  );
}
