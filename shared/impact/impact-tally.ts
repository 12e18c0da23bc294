/**
 * Counting the impact as objects are parsed: each parse worker counts its batch into a tally, the
 * reader merges the tallies in file order, and `impactReport` sorts and cuts the result. A tally
 * holds Maps (it crosses threads by structured clone); the report is plain arrays.
 */
import type { AttributeValue, CsObjectRecord } from '../model/csexport-model.js';
import { identityLabel } from '../model/resolve-identity.js';
import { isMembership, valueDelta } from './value-delta.js';
import { patternKey, valuePattern, type ValuePattern } from './value-pattern.js';
import {
  EXAMPLES_KEPT,
  PATTERN_TEXT_LIMIT,
  PATTERNS_KEPT,
  PATTERNS_REPORTED,
  type AttributeImpact,
  type GroupImpact,
  type ImpactExample,
  type ImpactReport,
  type ValueChangeImpact,
} from './impact-model.js';

interface PatternCount extends ValuePattern {
  objects: number;
  examples: ImpactExample[];
  /** The objects' places in the file (0-based, in file order): what the app filters the grid to. */
  rows: number[];
}

interface PatternTable {
  objectType: string;
  attribute: string;
  objects: number;
  patterns: Map<string, PatternCount>;
  notTracked: number;
  valueNowUnknown: number;
}

export interface ImpactTally {
  /** By object type and lower-cased attribute name. */
  attributes: Map<string, AttributeImpact>;
  patterns: Map<string, PatternTable>;
  groups: GroupImpact[];
}

export const emptyImpactTally = (): ImpactTally => ({ attributes: new Map(), patterns: new Map(), groups: [] });

/** Impact counts existing objects: adds, deletes and delete-adds set or remove everything. */
export function countsForImpact(operation: string): boolean {
  return operation === 'update' || operation === 'replace';
}

const cut = (text: string) => (text.length > PATTERN_TEXT_LIMIT ? `${text.slice(0, PATTERN_TEXT_LIMIT)}…` : text);

function textOf(value: AttributeValue | undefined): string {
  return value === undefined ? '' : (value.text ?? value.raw);
}

/** Counts `count` (one object's pattern, or a later tally's) into `table`, within its caps. */
function addPattern(table: PatternTable, count: PatternCount): void {
  const key = patternKey(count);
  const known = table.patterns.get(key);
  if (known) {
    known.objects += count.objects;
    for (const example of count.examples) if (known.examples.length < EXAMPLES_KEPT) known.examples.push(example);
    for (const row of count.rows) known.rows.push(row);
  } else if (table.patterns.size < PATTERNS_KEPT) table.patterns.set(key, count);
  else table.notTracked += count.objects;
}

/** Counts one parsed object, the `row`-th of its batch, into `tally`. */
export function addToImpact(tally: ImpactTally, record: CsObjectRecord, row: number): void {
  if (record.kind !== 'pending-change' || !countsForImpact(record.operation)) return;
  const label = identityLabel(record.identity, record.dn);
  let group: GroupImpact | undefined;
  for (const change of record.changes) {
    const key = `${record.objectType}\u0000${change.name.toLowerCase()}`;
    let attribute = tally.attributes.get(key);
    if (!attribute) {
      attribute = {
        objectType: record.objectType,
        attribute: change.name,
        multivalued: change.multivalued,
        objects: 0,
        operations: {},
        valuesAdded: 0,
        valuesRemoved: 0,
        valuesNowUnknown: 0,
      };
      tally.attributes.set(key, attribute);
    }
    attribute.objects++;
    attribute.operations[change.operation] = (attribute.operations[change.operation] ?? 0) + 1;
    if (change.multivalued) {
      const delta = valueDelta(change, record.hasValuesNow);
      attribute.valuesAdded += delta.added.length;
      attribute.valuesRemoved += delta.removed.length;
      if (!delta.complete) attribute.valuesNowUnknown++;
      if (isMembership(change)) {
        group ??= {
          id: record.id,
          objectType: record.objectType,
          dn: record.dn,
          displayName: record.identity.displayName ?? '',
          userPrincipalName: record.identity.userPrincipalName ?? '',
          membersAdded: 0,
          membersRemoved: 0,
          complete: true,
          offset: record.bytes.offset,
          length: record.bytes.length,
        };
        group.membersAdded += delta.added.length;
        group.membersRemoved += delta.removed.length;
        group.complete &&= delta.complete;
      }
    } else if (!change.reference && change.type === 'string') {
      let table = tally.patterns.get(key);
      if (!table)
        tally.patterns.set(
          key,
          (table = { objectType: record.objectType, attribute: change.name, objects: 0, patterns: new Map(), notTracked: 0, valueNowUnknown: 0 }),
        );
      if (!record.hasValuesNow) {
        table.valueNowUnknown++;
        continue;
      }
      table.objects++;
      const before = cut(textOf(change.oldValues[0]));
      const after = change.operation === 'delete' ? '' : cut(textOf(change.values.find((v) => v.operation !== 'delete')?.value));
      addPattern(table, { ...valuePattern(before, after), objects: 1, examples: [{ id: record.id, label, before, after }], rows: [row] });
    }
  }
  if (group) tally.groups.push(group);
}

/** Adds `next`, the tally of a later batch whose first object is the `firstRow`-th of the file, into `into`. */
export function mergeImpact(into: ImpactTally, next: ImpactTally, firstRow: number): void {
  if (firstRow !== 0)
    for (const table of next.patterns.values()) for (const count of table.patterns.values()) count.rows = count.rows.map((row) => row + firstRow);
  for (const [key, attribute] of next.attributes) {
    const known = into.attributes.get(key);
    if (!known) {
      into.attributes.set(key, attribute);
      continue;
    }
    known.objects += attribute.objects;
    for (const [operation, count] of Object.entries(attribute.operations)) known.operations[operation] = (known.operations[operation] ?? 0) + count;
    known.valuesAdded += attribute.valuesAdded;
    known.valuesRemoved += attribute.valuesRemoved;
    known.valuesNowUnknown += attribute.valuesNowUnknown;
  }
  for (const [key, table] of next.patterns) {
    const known = into.patterns.get(key);
    if (!known) {
      into.patterns.set(key, table);
      continue;
    }
    known.objects += table.objects;
    known.notTracked += table.notTracked;
    known.valueNowUnknown += table.valueNowUnknown;
    for (const count of table.patterns.values()) addPattern(known, count);
  }
  for (const group of next.groups) into.groups.push(group);
}

const byCount = <T extends { objects: number }>(a: T, b: T) => b.objects - a.objects;

/** The tally as reported: sorted, and each attribute's patterns cut to the most frequent. */
export function impactReport(tally: ImpactTally): ImpactReport {
  const attributes = [...tally.attributes.values()].sort(byCount);
  const tables = [...tally.patterns.values()].filter((t) => t.objects + t.valueNowUnknown > 0).sort(byCount);
  const valueChanges: ValueChangeImpact[] = [];
  const patternCoverage = tables.map((table) => {
    const patterns = [...table.patterns.values()].sort(byCount);
    const listed = patterns.slice(0, PATTERNS_REPORTED);
    for (const p of listed)
      valueChanges.push({
        objectType: table.objectType,
        attribute: table.attribute,
        kind: p.kind,
        from: p.from,
        to: p.to,
        objects: p.objects,
        examples: p.examples,
        rows: p.rows,
      });
    const listedObjects = listed.reduce((sum, p) => sum + p.objects, 0);
    return {
      objectType: table.objectType,
      attribute: table.attribute,
      objects: table.objects,
      patterns: patterns.length,
      notListed: table.objects - table.notTracked - listedObjects,
      notTracked: table.notTracked,
      valueNowUnknown: table.valueNowUnknown,
    };
  });
  const groups = [...tally.groups].sort((a, b) => b.membersRemoved - a.membersRemoved || b.membersAdded - a.membersAdded);
  return { attributes, valueChanges, patternCoverage, groups };
}
