/**
 * The impact of an export: what it changes on objects that exist, beyond deletes. Per object type
 * and attribute how many objects change it, the value patterns of single-valued changes, and groups
 * gaining and losing members. Plain data: it crosses threads and IPC, and `impact --json` prints it.
 * Adds, deletes and delete-adds are counted by operation (they set or remove everything), so only
 * pending updates and replaces count here.
 */
import type { PatternKind } from './value-pattern.js';

/** Whom an example object is, for people: UPN, else display name, else DN. */
export interface ImpactExample {
  id: string;
  label: string;
  /** The value now and after (single-valued changes), cut to PATTERN_TEXT_LIMIT characters. */
  before: string;
  after: string;
}

export interface AttributeImpact {
  objectType: string;
  /** As the first object changing it wrote it. */
  attribute: string;
  multivalued: boolean;
  /** Existing objects (pending update or replace) whose delta changes it. */
  objects: number;
  /** Those objects per attribute operation: add, replace, update, delete. */
  operations: Record<string, number>;
  /** Multivalued: values added and removed in all. */
  valuesAdded: number;
  valuesRemoved: number;
  /** Objects whose values now are unknown (no synchronized hologram), so removals are not all counted. */
  valuesNowUnknown: number;
}

/** One value pattern of a single-valued string attribute (`valuePattern`): `contoso` → `fabrikam`. */
export interface ValueChangeImpact {
  objectType: string;
  attribute: string;
  kind: PatternKind;
  from: string;
  to: string;
  objects: number;
  examples: ImpactExample[];
  /** Where the objects are in the file: 0-based places in file order (the app's rows, in arrival order). Not in `impact --json`. */
  rows: number[];
}

/** How complete an attribute's patterns are: the tables are capped, and what was cut is counted. */
export interface PatternCoverage {
  objectType: string;
  attribute: string;
  /** Objects whose change of it has a pattern. */
  objects: number;
  /** Distinct patterns kept. */
  patterns: number;
  /** Objects in patterns beyond the PATTERNS_REPORTED most frequent, not listed in `valueChanges`. */
  notListed: number;
  /** Objects whose pattern came after the table was full (PATTERNS_KEPT), in no pattern. */
  notTracked: number;
  /** Objects whose value now is unknown (no synchronized hologram): no pattern can be made. */
  valueNowUnknown: number;
}

export interface GroupImpact {
  id: string;
  objectType: string;
  dn: string;
  displayName: string;
  userPrincipalName: string;
  membersAdded: number;
  membersRemoved: number;
  /** False when the members now are unknown (no synchronized hologram for a replace or delete of `member`). */
  complete: boolean;
  offset: number;
  length: number;
}

export interface ImpactReport {
  /** By objects changed, most first. */
  attributes: AttributeImpact[];
  /** Per attribute (most objects first) its PATTERNS_REPORTED most frequent patterns. */
  valueChanges: ValueChangeImpact[];
  patternCoverage: PatternCoverage[];
  /** By members removed, then added, most first. */
  groups: GroupImpact[];
}

/** Distinct patterns kept per attribute while counting: memory stays bounded whatever the values. */
export const PATTERNS_KEPT = 1000;
/** Patterns listed per attribute. */
export const PATTERNS_REPORTED = 20;
export const EXAMPLES_KEPT = 3;
/** A pattern's text and an example's values are cut here: a 10 MB value must not become a 10 MB key. */
export const PATTERN_TEXT_LIMIT = 256;

export const noImpact = (): ImpactReport => ({ attributes: [], valueChanges: [], patternCoverage: [], groups: [] });
