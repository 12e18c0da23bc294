/** The notice strip at the top: errors as alerts, the rest as status, each dismissable. */
import type { Notice } from '../shared/app/ipc-contract.js';

export function NoticeStrip({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }) {
  return (
    <div className={`strip notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <span>{notice.text}</span>
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
