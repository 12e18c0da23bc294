/** The review's dialogs: the note, "Approve all shown…", and a review file that cannot be read. */
import { ConfirmDialog } from './ConfirmDialog.js';
import { formatCount } from './format.js';
import { NoteDialog } from './NoteDialog.js';
import { ReviewFileProblem } from './ReviewFileProblem.js';
import type { Review } from './useReview.js';
import type { ReviewActions } from './useReviewActions.js';

interface ReviewDialogsProps {
  review: Review;
  actions: ReviewActions;
  onProblemClosed: () => void;
}

export function ReviewDialogs({ review, actions, onProblemClosed }: ReviewDialogsProps) {
  const { noteFor, confirmApprove } = actions;
  const first = noteFor?.[0];
  const firstMark = first ? review.marks.current.get(first.id) : undefined;
  return (
    <>
      {noteFor && (
        <NoteDialog
          rows={noteFor.length}
          verdict={firstMark?.verdict ?? 'flagged'}
          note={noteFor.length === 1 ? (firstMark?.note ?? '') : ''}
          onSave={actions.saveNote}
          onClose={actions.closeNote}
        />
      )}
      {confirmApprove && (
        <ConfirmDialog
          title="Approve all shown"
          message={`Approve all ${formatCount(confirmApprove.length)} pending ${confirmApprove.length === 1 ? 'change' : 'changes'} shown by the filters? Each is marked approved by you, now.`}
          confirmLabel={`Approve ${formatCount(confirmApprove.length)}`}
          onConfirm={actions.approveShown}
          onClose={actions.closeConfirm}
        />
      )}
      {review.problem && (
        <ReviewFileProblem
          problem={review.problem}
          onContinue={() => {
            review.dismissProblem();
            onProblemClosed();
          }}
          onChooseFile={() => void review.chooseReviewFile()}
        />
      )}
    </>
  );
}
