/** A second file dropped while one is open: open it instead, or compare the open one with it. */
import { Dialog } from '../Dialog.js';

interface DropChoiceDialogProps {
  dropped: string;
  open: string;
  onOpenInstead: () => void;
  onCompare: () => void;
  onClose: () => void;
}

export function DropChoiceDialog({ dropped, open, onOpenInstead, onCompare, onClose }: DropChoiceDialogProps) {
  return (
    <Dialog label={`${dropped} dropped`} onClose={onClose}>
      <h2>{dropped}</h2>
      <p>
        {open} is open. Open {dropped} instead, or compare {open} with it?
      </p>
      <div className="dialog-buttons">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button" onClick={onOpenInstead}>
          Open instead
        </button>
        <button type="button" className="button button-primary" onClick={onCompare} autoFocus>
          Compare
        </button>
      </div>
    </Dialog>
  );
}
