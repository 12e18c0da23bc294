/**
 * Which attribute changes of two paired pending changes differ, read from both objects again: the
 * digest says only that something does. Compared as change-digest.ts compares them (names and DN
 * values without case, values in any order).
 */
import type { AttributeChange, PendingChange } from '../model/csexport-model.js';
import { displayValue, sameValueKey } from '../model/attribute-values.js';
import { canonicalAttributeChange } from './change-digest.js';

export interface AttributeDifference {
  attribute: string;
  /** The attribute operation on each side ('' where that side does not change the attribute). */
  firstOperation: string;
  secondOperation: string;
  /** Values written on one side and not the other, as shown (value operation first for multivalued updates). */
  onlyFirst: string[];
  onlySecond: string[];
}

function byName(change: PendingChange): Map<string, AttributeChange> {
  return new Map(change.changes.map((c) => [c.name.toLowerCase(), c]));
}

function shownValues(change: AttributeChange | undefined): Map<string, string> {
  const values = new Map<string, string>();
  for (const { operation, value } of change?.values ?? []) {
    // As the digest tells values apart (change-digest.ts), so a digest that differs always shows here.
    const key = `${operation ?? ''}\u0000${sameValueKey(change?.reference === true, value)}`;
    values.set(key, `${operation ? `${operation} ` : ''}${displayValue(value)}`);
  }
  return values;
}

export function attributeDifferences(first: PendingChange, second: PendingChange): AttributeDifference[] {
  const a = byName(first);
  const b = byName(second);
  const differences: AttributeDifference[] = [];
  for (const name of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(name);
    const y = b.get(name);
    if (x && y && canonicalAttributeChange(x) === canonicalAttributeChange(y)) continue;
    const xs = shownValues(x);
    const ys = shownValues(y);
    differences.push({
      attribute: x?.name ?? y?.name ?? name,
      firstOperation: x?.operation ?? '',
      secondOperation: y?.operation ?? '',
      onlyFirst: [...xs].filter(([key]) => !ys.has(key)).map(([, shown]) => shown),
      onlySecond: [...ys].filter(([key]) => !xs.has(key)).map(([, shown]) => shown),
    });
  }
  return differences;
}
