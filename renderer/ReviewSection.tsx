/** The detail panel's review: the row's mark (or that it is stale), and the buttons that set it. */
import type { ChangeRow } from '../shared/rows/change-row.js';
import type { MarkAction, ReviewMark, ReviewState } from '../shared/review/review-marks.js';
import { REVIEW_LABELS, reviewTooltip } from './ReviewCell.js';

interface ReviewSectionProps {
  row: ChangeRow;
  state: ReviewState | '';
  mark: ReviewMark | undefined;
  onMark: (action: MarkAction) => void;
  onNote: () => void;
}

export function ReviewSection({ row, state, mark, onMark, onNote }: ReviewSectionProps) {
  if (!row.pending || !state) return <p className="muted">No pending export: nothing to review.</p>;
  const { icon, label } = REVIEW_LABELS[state];
  return (
    <section aria-label="Review">
      <h3>Review</h3>
      <p className={`review-pill review-${state}`} data-testid="detail-review-state">
        <span aria-hidden="true">{icon}</span> {label}
      </p>
      {state === 'stale' && <p className="muted">This change is different from the one that was marked: review it again.</p>}
      {mark && <p className="muted">{reviewTooltip(mark)}</p>}
      <div className="review-buttons">
        <button type="button" className="button" aria-keyshortcuts="A" onClick={() => onMark('approved')}>
          Approve <kbd>A</kbd>
        </button>
        <button type="button" className="button" aria-keyshortcuts="F" onClick={() => onMark('flagged')}>
          Flag <kbd>F</kbd>
        </button>
        <button type="button" className="button" aria-keyshortcuts="U" disabled={!mark} onClick={() => onMark('clear')}>
          Clear <kbd>U</kbd>
        </button>
        <button type="button" className="button" aria-keyshortcuts="N" onClick={onNote}>
          Note… <kbd>N</kbd>
        </button>
      </div>
    </section>
  );
}
