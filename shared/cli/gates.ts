/**
 * The go-live gates a script checks by exit code: too many deletes or too many objects changing an
 * attribute (3), and pending changes that are not approved (4). Each prints why on stderr; all count
 * the whole file, never a filtered subset.
 */
import { formatCount } from '../format-count.js';
import { notReadyCount, requiredOperations, statesOf, type ReviewTally } from '../review/review-tally.js';
import type { ImpactReport } from '../impact/impact-model.js';
import { objectsChanging } from '../impact/objects-changing.js';

export const EXIT = { ok: 0, readFailed: 1, usage: 2, tooManyDeletes: 3, tooManyChanges: 3, tooManyDifferences: 3, notReviewed: 4 } as const;

/** One `--max-changes ATTR=N`. */
export interface ChangeLimit {
  attribute: string;
  limit: number;
}

/** Fails when more than `limit` existing objects change an attribute, naming each attribute over. */
export function changeGate(limits: readonly ChangeLimit[] | undefined, report: ImpactReport | undefined, err: (text: string) => void): number {
  let code: number = EXIT.ok;
  for (const { attribute, limit } of report ? (limits ?? []) : []) {
    const objects = objectsChanging(report as ImpactReport, attribute);
    if (objects <= limit) continue;
    err(
      `STOP: ${formatCount(objects)} objects change ${attribute}, more than --max-changes ${attribute}=${formatCount(limit)}. Review them before leaving staging mode.\n`,
    );
    code = EXIT.tooManyChanges;
  }
  return code;
}

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
