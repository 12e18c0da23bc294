/** The note of a review mark, with the verdict it goes with (a note alone is no review). */
import { useState } from 'react';
import { MAX_NOTE_LENGTH, type ReviewVerdict } from '../shared/review/review-marks.js';
import { formatCount } from './format.js';
import { Dialog } from './Dialog.js';

interface NoteDialogProps {
  rows: number;
  verdict: ReviewVerdict;
  note: string;
  onSave: (verdict: ReviewVerdict, note: string) => void;
  onClose: () => void;
}

export function NoteDialog({ rows, verdict: initialVerdict, note: initialNote, onSave, onClose }: NoteDialogProps) {
  const [verdict, setVerdict] = useState<ReviewVerdict>(initialVerdict);
  const [note, setNote] = useState(initialNote);
  const title = rows === 1 ? 'Review note' : `Review note for ${formatCount(rows)} rows`;
  return (
    <Dialog label={title} onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          onSave(verdict, note.trim());
        }}
      >
        <h2>{title}</h2>
        <fieldset>
          <legend>Mark as</legend>
          <label>
            <input type="radio" name="verdict" checked={verdict === 'approved'} onChange={() => setVerdict('approved')} /> Approved
          </label>
          <label>
            <input type="radio" name="verdict" checked={verdict === 'flagged'} onChange={() => setVerdict('flagged')} /> Flagged: needs attention, must not go
            live
          </label>
        </fieldset>
        <label className="note-field">
          Note
          <textarea value={note} maxLength={MAX_NOTE_LENGTH} rows={4} autoFocus onChange={(e) => setNote(e.target.value)} />
        </label>
        <div className="dialog-buttons">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary">
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
