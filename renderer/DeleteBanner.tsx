/** The mass-delete warning (what staging review exists to catch), and how far the review of the deletes has come. */
import { formatCount } from './format.js';
import type { deleteProgress } from '../shared/review/review-counts.js';

interface DeleteBannerProps {
  /** delete → count and delete-add → count: both remove the object as it exists now. */
  deletes: number;
  breakdown: string;
  threshold: number;
  onThreshold: (value: number) => void;
  onShowDeletes: () => void;
  progress: ReturnType<typeof deleteProgress>;
}

/** "Deletes reviewed 4,120 of 4,632 · 3 flagged", or the ready state once every delete is approved. */
function ReviewProgress({ progress }: { progress: ReturnType<typeof deleteProgress> }) {
  if (progress.total === 0) return null;
  if (progress.ready)
    return (
      <span className="review-ready" data-testid="delete-review">
        <span aria-hidden="true">✓</span> All {formatCount(progress.total)} deletes approved: ready for go-live.
      </span>
    );
  return (
    <span className="review-progress" data-testid="delete-review">
      Deletes reviewed {formatCount(progress.reviewed)} of {formatCount(progress.total)}
      {progress.flagged > 0 && <strong> · {formatCount(progress.flagged)} flagged</strong>}
    </span>
  );
}

export function DeleteBanner({ deletes, breakdown, threshold, onThreshold, onShowDeletes, progress }: DeleteBannerProps) {
  const exceeds = deletes > threshold;
  // Once every delete is approved, a count over the threshold is a reviewed fact, no longer an alarm.
  const over = exceeds && !progress.ready;
  return (
    <div
      className={`strip delete-banner ${over ? 'delete-banner-alert' : ''} ${progress.ready ? 'delete-banner-ready' : ''}`}
      role={over ? 'alert' : undefined}
    >
      {over ? (
        <span>
          <strong>{formatCount(deletes)} pending deletes</strong> {breakdown && `(${breakdown}) `}exceed the threshold of {formatCount(threshold)}. Review every
          one before you leave staging mode.{' '}
          <button type="button" className="link-button" onClick={onShowDeletes}>
            Show deletes
          </button>
        </span>
      ) : (
        <span className="muted">
          {formatCount(deletes)} pending deletes{breakdown && ` (${breakdown})`}
          {exceeds ? `, over the threshold of ${formatCount(threshold)}.` : ', within the threshold.'}
        </span>
      )}
      <ReviewProgress progress={progress} />
      <label className="threshold">
        Warn above{' '}
        <input
          type="number"
          min={0}
          value={threshold}
          aria-label="Delete threshold"
          onChange={(e) => {
            const value = Number(e.target.value);
            if (Number.isInteger(value) && value >= 0) onThreshold(value);
          }}
        />{' '}
        deletes
      </label>
    </div>
  );
}
