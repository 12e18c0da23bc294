/** The Review column: an icon and a word for each state, the note and who and when as the tooltip. */
import type { ICellRendererParams } from 'ag-grid-community';
import type { ChangeRow } from '../shared/rows/change-row.js';
import type { ReviewMark, ReviewState } from '../shared/review/review-marks.js';

export const REVIEW_LABELS: Record<ReviewState, { icon: string; label: string }> = {
  unreviewed: { icon: '○', label: 'Unreviewed' },
  approved: { icon: '✓', label: 'Approved' },
  flagged: { icon: '⚑', label: 'Flagged' },
  stale: { icon: '↻', label: 'Stale' },
};

export function ReviewCell(params: ICellRendererParams<ChangeRow, ReviewState | ''>) {
  const state = params.value;
  if (!state) return null;
  const { icon, label } = REVIEW_LABELS[state];
  return (
    <span className={`review-pill review-${state}`}>
      <span aria-hidden="true">{icon}</span> {label}
    </span>
  );
}

/** "Flagged by jdoe, 01/12/2026, 09:00:00: keep, on leave". */
export function reviewTooltip(mark: ReviewMark | undefined): string | undefined {
  if (!mark) return undefined;
  const when = new Date(mark.at);
  const at = Number.isNaN(when.getTime()) ? mark.at : when.toLocaleString();
  return `${mark.verdict === 'approved' ? 'Approved' : 'Flagged'} by ${mark.by}, ${at}${mark.note ? `: ${mark.note}` : ''}`;
}
