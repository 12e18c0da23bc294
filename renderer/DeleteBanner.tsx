/** The mass-delete warning: what staging review exists to catch. */
import { formatCount } from './format.js';

interface DeleteBannerProps {
  /** delete → count and delete-add → count: both remove the object as it exists now. */
  deletes: number;
  breakdown: string;
  threshold: number;
  onThreshold: (value: number) => void;
  onShowDeletes: () => void;
}

export function DeleteBanner({ deletes, breakdown, threshold, onThreshold, onShowDeletes }: DeleteBannerProps) {
  const over = deletes > threshold;
  return (
    <div className={`strip ${over ? 'delete-banner-alert' : ''}`} role={over ? 'alert' : undefined}>
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
          {formatCount(deletes)} pending deletes{breakdown && ` (${breakdown})`}, within the threshold.
        </span>
      )}
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
