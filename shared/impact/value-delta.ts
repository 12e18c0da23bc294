/**
 * The values an attribute change adds and removes: each one when the delta lists them (a multivalued
 * update), else worked out against the values the object has now: a replace adds what is new and
 * removes what is gone, a delete removes everything. Group members are such values.
 */
import type { AttributeChange, AttributeValue } from '../model/csexport-model.js';
import { sameValueKey } from '../model/attribute-values.js';

export interface ValueDelta {
  added: AttributeValue[];
  removed: AttributeValue[];
  /** False when the values now are unknown (no synchronized hologram): `removed` is then short. */
  complete: boolean;
}

export function valueDelta(change: AttributeChange, valuesNowKnown: boolean): ValueDelta {
  if (change.values.some((v) => v.operation === 'add' || v.operation === 'delete')) {
    const added: AttributeValue[] = [];
    const removed: AttributeValue[] = [];
    for (const { operation, value } of change.values) (operation === 'delete' ? removed : added).push(value);
    return { added, removed, complete: true };
  }
  const values = change.values.map((v) => v.value);
  if (change.operation === 'add') return { added: values, removed: [], complete: true };
  if (change.operation === 'delete') return { added: [], removed: change.oldValues, complete: valuesNowKnown };
  if (!valuesNowKnown) return { added: values, removed: [], complete: false };
  const key = (value: AttributeValue) => sameValueKey(change.reference, value);
  const now = new Set(change.oldValues.map(key));
  const next = new Set(values.map(key));
  return { added: values.filter((v) => !now.has(key(v))), removed: change.oldValues.filter((v) => !next.has(key(v))), complete: true };
}

/** Whether a change is of a group's members: the multivalued reference attribute `member`. */
export function isMembership(change: AttributeChange): boolean {
  return change.reference && change.multivalued && change.name.toLowerCase() === 'member';
}
