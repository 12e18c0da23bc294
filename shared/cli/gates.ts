/**
 * The go-live gates a script checks by exit code: too many deletes (3), and pending changes that are
 * not approved (4). Each prints why on stderr; both count the whole file, never a filtered subset.
 */
import { formatCount } from '../format-count.js';
import { notReadyCount, requiredOperations, statesOf, type ReviewTally } from '../review/review-tally.js';

export const EXIT = { ok: 0, readFailed: 1, usage: 2, tooManyDeletes: 3, notReviewed: 4 } as const;

export function deleteGate(limit: number | undefined, deletes: number, err: (text: string) => void): number {
  if (limit === undefined || deletes <= limit) return EXIT.ok;
  err(`STOP: ${formatCount(deletes)} pending deletes exceed --max-deletes ${formatCount(limit)}. Review them before leaving staging mode.\n`);
  return EXIT.tooManyDeletes;
}

/** `names`: what --require-review was given (undefined: the gate is off). */
export function reviewGate(names: readonly string[] | undefined, tally: ReviewTally, err: (text: string) => void): number {
  if (!names) return EXIT.ok;
  const operations = requiredOperations(names);
  const counts = statesOf(tally, operations);
  const open = notReadyCount(counts);
  if (open === 0) return EXIT.ok;
  const parts = (['unreviewed', 'stale', 'flagged'] as const).filter((s) => counts[s] > 0).map((s) => `${formatCount(counts[s])} ${s}`);
  err(
    `STOP: ${formatCount(open)} of ${formatCount(open + counts.approved)} pending changes (${names.join(', ')}) are not approved: ${parts.join(', ')}. ` +
      'Review them before leaving staging mode.\n',
  );
  return EXIT.notReviewed;
}

/** The first gate that failed decides the exit code; the delete gate comes first, as the graver. */
export function firstFailed(...codes: number[]): number {
  return codes.find((code) => code !== EXIT.ok) ?? EXIT.ok;
}
