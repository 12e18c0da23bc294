/**
 * What two servers' exports are compared on: a pending change's attribute changes as one canonical
 * text, without the DN (pairing is by DN or anchor, and each server may spell a DN in its own case)
 * and without the operation (compared on its own, so a difference can say which). Attribute names
 * and DN values compare without case, as the directory compares them; the order of attributes and
 * of multivalued values does not count.
 */
import type { AttributeChange, PendingChange, ValueChange } from '../model/csexport-model.js';
import { sameValueKey } from '../model/attribute-values.js';

const FIELD = '\u0001';
const ITEM = '\u0002';
const PART = '\u0003';
const RECORD = '\u0004';

function canonicalValue(change: AttributeChange): (value: ValueChange) => string {
  return ({ operation, value }) => (operation ?? '') + PART + sameValueKey(change.reference, value);
}

/** One attribute change as compared: what `attributeDifferences` tells apart. */
export function canonicalAttributeChange(change: AttributeChange): string {
  const values = change.values.map(canonicalValue(change)).sort().join(ITEM);
  return change.name.toLowerCase() + FIELD + change.operation + FIELD + values;
}

export function canonicalComparison(change: Pick<PendingChange, 'changes'>): string {
  return 'c1' + RECORD + change.changes.map(canonicalAttributeChange).sort().join(RECORD);
}
