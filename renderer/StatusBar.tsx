/** Shown / total / selected, the objects without a pending export, the file's encoding, and where marks are saved. */
import type { ReviewStorage } from '../shared/review/review-marks.js';
import { formatCount } from './format.js';
import type { ReadSession } from './useReadSession.js';

const STORAGE_LABELS = { 'beside-export': 'Marks saved beside the export', chosen: 'Marks saved in', 'app-folder': "Marks saved in the app's folder" } as const;

function StorageFact({ storage, onChoose }: { storage: ReviewStorage | null; onChoose: () => void }) {
  if (!storage) return null;
  return (
    <span className={storage.kind === 'not-saved' ? 'storage-unsaved' : 'muted'} data-testid="review-storage">
      {storage.kind === 'not-saved' ? (
        <strong>Marks are not being saved</strong>
      ) : (
        <span title={storage.path}>{storage.kind === 'chosen' ? `${STORAGE_LABELS.chosen} ${storage.path}` : STORAGE_LABELS[storage.kind]}</span>
      )}{' '}
      <button type="button" className="link-button" onClick={onChoose}>
        Review file…
      </button>
    </span>
  );
}

interface StatusBarProps {
  session: ReadSession;
  shown: number;
  selected: number;
  storage: ReviewStorage | null;
  onChooseReviewFile: () => void;
}

export function StatusBar({ session, shown, selected, storage, onChooseReviewFile }: StatusBarProps) {
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
      <StorageFact storage={storage} onChoose={onChooseReviewFile} />
    </footer>
  );
}
