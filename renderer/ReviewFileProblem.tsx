/** The review file beside the export cannot be read: it is left alone, and the admin chooses how to go on. */
import { Dialog } from './Dialog.js';

interface ReviewFileProblemProps {
  problem: string;
  onContinue: () => void;
  onChooseFile: () => void;
}

export function ReviewFileProblem({ problem, onContinue, onChooseFile }: ReviewFileProblemProps) {
  return (
    <Dialog label="The review marks cannot be read" onClose={onContinue}>
      <h2>The review marks cannot be read</h2>
      <p>{problem}</p>
      <p>It will not be changed or overwritten.</p>
      <div className="dialog-buttons">
        <button type="button" className="button" onClick={onContinue} autoFocus>
          Continue without saving marks
        </button>
        <button type="button" className="button button-primary" onClick={onChooseFile}>
          Choose another file…
        </button>
      </div>
    </Dialog>
  );
}
