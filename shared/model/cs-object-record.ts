/** Turns one parsed `cs-object` element into a `PendingChange` (or an object without a pending export). */
import type { AttributeChange, AttributeValue, ByteRange, CsObjectRecord, HologramAttribute, ObjectError, ValueChange } from './csexport-model.js';
import { attributeOf, type XmlElement } from '../xml/xml-fragment.js';
import { describeValue } from './attribute-values.js';
import { resolveIdentity, type AttributeBag } from './resolve-identity.js';
import { isDeleting } from './operations.js';

function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!element) return undefined;
  for (const c of element.children) if (c.name === name) return c;
  return undefined;
}

/**
 * `compute` remembered by attribute name as written. A few hundred distinct names per file, looked up
 * for every attribute of every object: a lookup is far cheaper than lower-casing a fresh string.
 * Bounded, whatever a file holds.
 */
function byAttributeName<T>(compute: (name: string) => T): (name: string) => T {
  const known = new Map<string, T>();
  return (name) => {
    let value = known.get(name);
    if (value === undefined) {
      value = compute(name);
      if (known.size < 10_000) known.set(name, value);
    }
    return value;
  };
}

/** Attribute names lower-cased: how bags and changes key them. */
const lowerCaseName = byAttributeName((name) => name.toLowerCase());

function isAttributeElement(element: XmlElement): boolean {
  return element.name === 'attr' || element.name === 'dn-attr';
}

function rawValues(attr: XmlElement): Array<{ raw: string; base64: boolean; operation: string | null }> {
  const out: Array<{ raw: string; base64: boolean; operation: string | null }> = [];
  for (const v of attr.children) {
    if (v.name === 'value') out.push({ raw: v.text, base64: attributeOf(v, 'encoding') === 'base64', operation: attributeOf(v, 'operation') ?? null });
    else if (v.name === 'dn-value') out.push({ raw: child(v, 'dn')?.text ?? '', base64: false, operation: attributeOf(v, 'operation') ?? null });
  }
  return out;
}

/** All `attr` / `dn-attr` of a hologram `entry` or a `delta`, by lower-cased name. */
function attributeBag(container: XmlElement | undefined): AttributeBag | undefined {
  if (!container) return undefined;
  const bag: AttributeBag = new Map();
  for (const attr of container.children) {
    if (!isAttributeElement(attr)) continue;
    const name = lowerCaseName(attributeOf(attr, 'name') ?? '');
    // In a delta, values being deleted are not the object's values.
    bag.set(
      name,
      rawValues(attr).filter((v) => v.operation !== 'delete'),
    );
  }
  return bag;
}

function hologramEntry(object: XmlElement, name: string): XmlElement | undefined {
  return child(child(object, name), 'entry');
}

function typeOf(attr: XmlElement): string {
  return attr.name === 'dn-attr' ? 'reference' : (attributeOf(attr, 'type') ?? 'string').toLowerCase();
}

function describeAll(name: string, type: string, values: Array<{ raw: string; base64: boolean }>): AttributeValue[] {
  return values.map((v) => describeValue(name, type, v.raw, v.base64));
}

/**
 * How much of an object a record holds. `full`: everything (details, the attribute-level CSV).
 * `row`: what a grid row needs, without any change's values now or after. `row-and-values-now`: a
 * row's needs and, for each change, the values it has now (the impact's old values), not after.
 */
export type RecordDetail = 'full' | 'row' | 'row-and-values-now';

function attributeChanges(delta: XmlElement, before: AttributeBag | undefined, after: AttributeBag | undefined, detail: RecordDetail): AttributeChange[] {
  const changes: AttributeChange[] = [];
  for (const attr of delta.children) {
    if (!isAttributeElement(attr)) continue;
    const name = attributeOf(attr, 'name') ?? '';
    const type = typeOf(attr);
    const key = lowerCaseName(name);
    const values: ValueChange[] = rawValues(attr).map((v) => ({ operation: v.operation, value: describeValue(name, type, v.raw, v.base64) }));
    const change: AttributeChange = {
      name,
      type,
      multivalued: attributeOf(attr, 'multivalued') === 'true',
      reference: attr.name === 'dn-attr',
      operation: attributeOf(attr, 'operation') ?? 'replace',
      values,
      oldValues: detail === 'row' ? [] : describeAll(name, type, before?.get(key) ?? []),
    };
    if (after && detail === 'full') change.newValues = describeAll(name, type, after.get(key) ?? []);
    changes.push(change);
  }
  return changes;
}

function hologramAttributes(entry: XmlElement): HologramAttribute[] {
  return entry.children.filter(isAttributeElement).map((attr) => {
    const name = attributeOf(attr, 'name') ?? '';
    const type = typeOf(attr);
    return { name, type, reference: attr.name === 'dn-attr', values: describeAll(name, type, rawValues(attr)) };
  });
}

function errorsOf(object: XmlElement): ObjectError[] {
  const errors: ObjectError[] = [];
  for (const c of object.children) {
    if (c.name !== 'export-errordetail' && c.name !== 'import-errordetail') continue;
    const detail = c.children.find((e) => e.name === 'export-status' || e.name === 'import-status')?.children[0] ?? c.children[0];
    const error: ObjectError = { kind: c.name === 'export-errordetail' ? 'export' : 'import', type: attributeOf(c, 'error-type') ?? detail?.name ?? 'error' };
    const text = (name: string) => {
      const found = detail ? (child(detail, name)?.text ?? findDeep(detail, name)?.text) : undefined;
      return found?.trim() || undefined;
    };
    const code = text('error-code');
    const literal = text('error-literal');
    const serverDetail = text('server-error-detail');
    if (code) error.code = code;
    if (literal) error.literal = literal;
    if (serverDetail) error.detail = serverDetail;
    const firstOccurred = attributeOf(c, 'first-occurred');
    const dateOccurred = attributeOf(c, 'date-occurred');
    if (firstOccurred) error.firstOccurred = firstOccurred;
    if (dateOccurred) error.dateOccurred = dateOccurred;
    const retry = attributeOf(c, 'retry-count');
    if (retry !== undefined && /^\d+$/.test(retry)) error.retryCount = Number(retry);
    errors.push(error);
  }
  return errors;
}

function findDeep(element: XmlElement, name: string): XmlElement | undefined {
  for (const c of element.children) {
    if (c.name === name) return c;
    const deeper = findDeep(c, name);
    if (deeper) return deeper;
  }
  return undefined;
}

/**
 * `cs-object` parts no record uses: csexport's bookkeeping, object classes, and the holograms of
 * earlier exports. The parser checks them but builds nothing for them.
 */
export const UNUSED_ELEMENTS: ReadonlySet<string> = new Set([
  'objectclass',
  'escrowed-export-hologram',
  'unconfirmed-export-hologram',
  'connector',
  'connector-state',
  'disconnection-type',
  'disconnection-id',
  'disconnection-time',
  'seen-by-import',
  'rebuild-in-progress',
  'obsoletion',
  'need-full-sync',
  'placeholder-parent',
  'placeholder-link',
  'placeholder-delete',
  'pending',
  'ref-retry',
  'rename-retry',
  'import-delta-operation',
  'pending-ref-delete',
  'ma-id',
  'ma-name',
  'partition-id',
  'partition-name',
  'last-import-delta-time',
  'last-export-delta-time',
  'full-qualified-domain-name',
  'domain-name',
  'account-name',
  'user-principal-name',
  'cs-mv-links',
  'mv-link',
  'sequencers',
  'anchor',
]);

/** Hologram attributes a grid row reads: the identity fields (see resolve-identity.ts). */
const IDENTITY_ATTRIBUTES = new Set([
  'userprincipalname',
  'displayname',
  'mail',
  'proxyaddresses',
  'sourceanchor',
  'cloudanchor',
  'msds-consistencyguid',
  'ms-ds-consistencyguid',
  'alias',
  'mailnickname',
  'samaccountname',
  'onpremisessamaccountname',
  'objectguid',
]);

/**
 * What a grid row never reads: the unused elements, and hologram attributes that are not identity
 * fields (a group's whole member list among them). The bulk pass jumps over them.
 */
export function notNeededForRows(element: XmlElement, parent: XmlElement | undefined): boolean {
  if (parent?.name === 'entry' && isAttributeElement(element)) return !isIdentityAttribute(attributeOf(element, 'name') ?? '');
  return UNUSED_ELEMENTS.has(element.name);
}

/** Decided by the name as written: one lookup per hologram attribute, where lower-casing first took two. */
const isIdentityAttribute = byAttributeName((name) => IDENTITY_ATTRIBUTES.has(name.toLowerCase()));

/** What `row-and-values-now` parsing skips, for one object; and whether the object's layout defeated it. */
export interface ValuesNowSkipper {
  skipWhen: (element: XmlElement, parent: XmlElement | undefined) => boolean;
  /** The synchronized hologram came before the pending delta, so its changed attributes were skipped unknown: parse in full. */
  missedValuesNow: () => boolean;
}

/**
 * Skips what a row does not read, except the synchronized hologram's values of the attributes the
 * pending delta changes. csexport writes the delta first, so its names are known by then. A
 * multivalued update lists each value added or removed, so the values now are not needed for it
 * (nor a group's whole member list).
 */
export function valuesNowSkipper(): ValuesNowSkipper {
  const changed = new Set<string>();
  let inPendingDelta = false;
  let inValuesNow = false;
  let valuesNowSeen = false;
  let valuesNowBeforeDelta = false;
  const skipWhen = (element: XmlElement, parent: XmlElement | undefined): boolean => {
    if (parent && isAttributeElement(element)) {
      const name = attributeOf(element, 'name') ?? '';
      if (parent.name === 'delta') {
        const listsEachValue = attributeOf(element, 'multivalued') === 'true' && attributeOf(element, 'operation') === 'update';
        if (inPendingDelta && !listsEachValue) changed.add(lowerCaseName(name));
        return false;
      }
      if (parent.name === 'entry') return !isIdentityAttribute(name) && !(inValuesNow && changed.has(lowerCaseName(name)));
    } else if (element.name === 'delta') {
      inPendingDelta = parent?.name === 'unapplied-export';
      if (inPendingDelta && valuesNowSeen) valuesNowBeforeDelta = true;
    } else if (element.name === 'entry') {
      inValuesNow = parent?.name === 'synchronized-hologram';
      valuesNowSeen ||= inValuesNow;
    }
    return UNUSED_ELEMENTS.has(element.name);
  };
  return { skipWhen, missedValuesNow: () => valuesNowBeforeDelta };
}

const OTHER_STATES = ['escrowed-export', 'unconfirmed-export', 'pending-import', 'export-errordetail', 'import-errordetail'];

/** `detail` says how much of the object the record holds (RecordDetail); the element was parsed for it. */
export function toCsObjectRecord(object: XmlElement, bytes: ByteRange, detail: RecordDetail = 'full'): CsObjectRecord {
  const id = attributeOf(object, 'id') ?? '';
  const csDn = attributeOf(object, 'cs-dn') ?? '';
  const objectType = attributeOf(object, 'object-type') ?? '';
  const delta = child(child(object, 'unapplied-export'), 'delta');
  const exportEntry = hologramEntry(object, 'unapplied-export-hologram');
  const synchronizedEntry = hologramEntry(object, 'synchronized-hologram');
  const synchronized = attributeBag(synchronizedEntry);
  const exportHologram = attributeBag(exportEntry);
  const deltaBag = delta ? attributeBag(delta) : undefined;
  const dn = (delta && attributeOf(delta, 'dn')) ?? csDn;
  const identity = resolveIdentity({
    exportHologram,
    synchronizedHologram: synchronized,
    pendingImportHologram: attributeBag(hologramEntry(object, 'pending-import-hologram')),
    delta: deltaBag,
    dn,
  });
  const errors = errorsOf(object);

  if (!delta) {
    return {
      kind: 'no-pending-export',
      id,
      csDn,
      objectType,
      identity,
      errors,
      bytes,
      states: object.children.filter((c) => OTHER_STATES.includes(c.name)).map((c) => c.name),
    };
  }
  const operation = attributeOf(delta, 'operation') ?? child(object, 'export-delta-operation')?.text.trim() ?? 'update';
  const record: CsObjectRecord = {
    kind: 'pending-change',
    id,
    csDn,
    objectType,
    identity,
    errors,
    bytes,
    operation,
    dn,
    changes: attributeChanges(delta, synchronized, exportHologram, detail),
    hasValuesNow: synchronizedEntry !== undefined,
  };
  if (detail === 'full' && synchronizedEntry && isDeleting(operation)) record.objectNow = hologramAttributes(synchronizedEntry);
  const newDn = attributeOf(delta, 'newdn');
  if (newDn) record.newDn = newDn;
  return record;
}
