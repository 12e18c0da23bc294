/** Review progress: pending changes per operation and review state, and the go-live gate on it. */
import { DELETING_OPERATIONS } from '../model/operations.js';
import { REVIEW_STATES, type ReviewState } from './review-marks.js';

export type StateCounts = Record<ReviewState, number>;

export const noStates = (): StateCounts => ({ unreviewed: 0, approved: 0, flagged: 0, stale: 0 });

/** operation → review state → pending changes. */
export type ReviewTally = Record<string, StateCounts>;

export function addToTally(tally: ReviewTally, operation: string, state: ReviewState): void {
  (tally[operation] ??= noStates())[state]++;
}

/** The states summed over `operations` (all operations when undefined). */
export function statesOf(tally: ReviewTally, operations?: readonly string[]): StateCounts {
  const sum = noStates();
  for (const [operation, counts] of Object.entries(tally)) {
    if (operations && !operations.includes(operation)) continue;
    for (const state of REVIEW_STATES) sum[state] += counts[state];
  }
  return sum;
}

/**
 * Which operations `--require-review` names: operation names, `delete` meaning delete and delete-add
 * (both remove the object), or `all`. Undefined means every operation.
 */
export function requiredOperations(names: readonly string[]): string[] | undefined {
  if (names.includes('all')) return undefined;
  return [...new Set(names.flatMap((name) => (name === 'delete' ? DELETING_OPERATIONS : [name])))];
}

/** The pending changes that keep the gate shut: not approved (unreviewed, stale or flagged). */
export function notReadyCount(counts: StateCounts): number {
  return counts.unreviewed + counts.stale + counts.flagged;
}
