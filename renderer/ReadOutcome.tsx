/** A read that failed or was cancelled: what happened, and that nothing of it is shown. */
import type { ReadSession } from './useReadSession.js';

export function ReadOutcome({ session }: { session: ReadSession }) {
  const { status, file } = session;
  if (status !== 'failed' && status !== 'cancelled') return null;
  const name = file?.name ?? 'the file';
  return (
    <div className="read-error" role="alert">
      <h2>{status === 'failed' ? `Could not read ${name}` : `Reading ${name} was cancelled`}</h2>
      {status === 'failed' && <p>{session.error?.message}</p>}
      <p className="muted">
        {status === 'failed'
          ? 'Nothing from this file is shown: a partly read export is not a review. Open another file, or write it again with csexport.'
          : 'Open the file again to review it.'}
      </p>
    </div>
  );
}
