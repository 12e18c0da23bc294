/** Reading progress with a Cancel button; first rows are already in the grid underneath. */
import type { ReadProgress } from '../shared/model/csexport-model.js';
import { formatBytes, formatCount } from './format.js';

export function ProgressBar({ progress, onCancel }: { progress: ReadProgress; onCancel: () => void }) {
  const fraction = progress.totalBytes ? progress.bytesRead / progress.totalBytes : 0;
  return (
    <div className="progress" role="status">
      <progress aria-label="Reading" max={1} value={fraction} />
      <span>
        Reading… {Math.floor(fraction * 100)}% ({formatBytes(progress.bytesRead)} of {formatBytes(progress.totalBytes)}, {formatCount(progress.objects)}{' '}
        objects)
      </span>
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
