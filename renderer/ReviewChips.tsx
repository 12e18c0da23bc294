/** The review chips: how many pending changes are in each review state; choosing one shows those, again shows all. */
import { REVIEW_STATES } from '../shared/review/review-marks.js';
import type { ReviewChoice } from '../shared/review/review-counts.js';
import type { StateCounts } from '../shared/review/review-tally.js';
import { formatCount } from './format.js';
import { REVIEW_LABELS } from './ReviewCell.js';

interface ReviewChipsProps {
  counts: StateCounts;
  choice: ReviewChoice;
  onChoose: (choice: ReviewChoice) => void;
  onApproveShown: () => void;
}

export function ReviewChips({ counts, choice, onChoose, onApproveShown }: ReviewChipsProps) {
  return (
    <div className="chips" role="group" aria-label="Review">
      {REVIEW_STATES.map((state) => (
        <button
          key={state}
          type="button"
          className={`chip chip-review-${state} ${choice === state ? 'chip-active' : ''}`}
          aria-pressed={choice === state}
          onClick={() => onChoose(choice === state ? 'all' : state)}
        >
          <span aria-hidden="true">{REVIEW_LABELS[state].icon}</span> {REVIEW_LABELS[state].label}{' '}
          <span className="chip-count">{formatCount(counts[state])}</span>
        </button>
      ))}
      <button type="button" className="button" onClick={onApproveShown}>
        Approve all shown…
      </button>
    </div>
  );
}
