/**
 * Transient differences taken away: with two exports of each side (two sync cycles), a difference
 * counts only when the second pair has it too, of the same class, for the same object (by the DN of
 * the side that has it, without case).
 */
import type { CompareClass, ComparedChange, Comparison } from './compare-model.js';
import { noCompareCounts } from './compare-model.js';

export function differenceKey(change: ComparedChange): string {
  const side = change.first ?? change.second;
  return `${change.class}\u0000${(side?.dn ?? '').toLowerCase()}`;
}

export function steadyDifferences<C extends ComparedChange>(
  comparison: Omit<Comparison, 'changes'> & { changes: C[] },
  again: Comparison,
): Omit<Comparison, 'changes'> & { changes: C[]; transient: number } {
  const seenAgain = new Set(again.changes.filter((c) => c.class !== 'same').map(differenceKey));
  const counts = { ...noCompareCounts(), same: comparison.counts.same };
  const byOperation: Comparison['byOperation'] = { onlyInFirst: {}, onlyInSecond: {}, different: {}, same: { ...comparison.byOperation.same } };
  const changes: C[] = [];
  let transient = 0;
  for (const change of comparison.changes) {
    if (change.class !== 'same' && !seenAgain.has(differenceKey(change))) {
      transient++;
      continue;
    }
    changes.push(change);
    if (change.class === 'same') continue;
    const cls: CompareClass = change.class;
    const operation = (change.first ?? change.second)?.operation ?? '';
    counts[cls]++;
    byOperation[cls][operation] = (byOperation[cls][operation] ?? 0) + 1;
  }
  return { counts, byOperation, changes, transient };
}
