/**
 * The csexport model: what the reader yields for each `cs-object` of a `csexport /f:x` file.
 * Plain, serialisable data (no classes, no functions) so it crosses worker and IPC boundaries as is,
 * and can be saved beside the file later (review marks, comparisons). The format, element by element:
 * test-data/reference-samples/README.md and the samples themselves; how the reader takes it: ARCHITECTURE.md.
 */

/**
 * The pending operation, from `unapplied-export/delta/@operation` (falling back to the
 * `export-delta-operation` element). Known values are listed; any other value is kept verbatim.
 */
export type KnownExportOperation = 'add' | 'update' | 'delete' | 'replace' | 'delete-add' | 'none' | 'obsolete';
export type ExportOperation = KnownExportOperation | (string & {});

export const KNOWN_OPERATIONS: readonly KnownExportOperation[] = ['add', 'update', 'delete', 'delete-add', 'replace', 'none', 'obsolete'];

/** Attribute-level operation (`attr/@operation`): add, replace, update (per-value adds/deletes), delete (removed). */
export type AttributeOperation = 'add' | 'replace' | 'update' | 'delete' | (string & {});

/** One attribute value as written in the file, with the readable forms the reader could derive. */
export interface AttributeValue {
  /** The text between the tags (entities decoded), or the DN of a reference value. */
  raw: string;
  /** True when the file wrote the value as `encoding="base64"`. */
  base64: boolean;
  /** Base64 value decoded to text, when the bytes are printable UTF-8. */
  text?: string;
  /** 16-byte GUID-type values (objectGUID, msDS-ConsistencyGuid) in Microsoft byte order. */
  guid?: string;
  /** `integer` values are written in hex (`0x202`); this is the decimal form. */
  decimal?: string;
  /** For userAccountControl: the flags set, e.g. ["NORMAL_ACCOUNT", "ACCOUNTDISABLE"]. */
  flags?: string[];
}

/** One value of an attribute change; `operation` is set for multivalued updates (add / delete). */
export interface ValueChange {
  operation: 'add' | 'delete' | (string & {}) | null;
  value: AttributeValue;
}

/** One `attr` or `dn-attr` of the pending delta, with the value it has now beside it. */
export interface AttributeChange {
  name: string;
  /** `attr/@type` lower-cased (`string`, `binary`, `integer`, `boolean`, ...); `reference` for `dn-attr`. */
  type: string;
  multivalued: boolean;
  /** True for `dn-attr`: each value is the connector-space DN of another object. */
  reference: boolean;
  operation: AttributeOperation;
  /** The values the delta writes (none when the attribute is removed). */
  values: ValueChange[];
  /** The attribute's values now, from the synchronized hologram ("old" in old → new). */
  oldValues: AttributeValue[];
  /** The attribute's values after export, from the unapplied-export hologram, when the file has it. */
  newValues?: AttributeValue[];
}

/** One attribute of a hologram: the object as the sync engine holds it. */
export interface HologramAttribute {
  name: string;
  type: string;
  reference: boolean;
  values: AttributeValue[];
}

/** Where an identity field was found, in the order the resolver tries them. */
export type IdentitySource = 'export-hologram' | 'synchronized-hologram' | 'pending-import-hologram' | 'delta' | 'dn';

export const IDENTITY_FIELDS = [
  'userPrincipalName',
  'displayName',
  'mail',
  'primarySmtp',
  'sourceAnchor',
  'cloudAnchor',
  'alias',
  'samAccountName',
  'objectGuid',
] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];

/**
 * Who the object is, readable. Each field comes from the first place that has it:
 * export hologram (after export), synchronized hologram (now: identifies deletes), pending-import
 * hologram, the delta, and last the DN's own RDN (as displayName) so no row is ever blank.
 */
export interface Identity {
  userPrincipalName?: string;
  displayName?: string;
  mail?: string;
  /** The `proxyAddresses` value with upper-case `SMTP:`, without the prefix. */
  primarySmtp?: string;
  /** `sourceAnchor`, else the base64 of `msDS-ConsistencyGuid` (what Azure AD calls ImmutableId). */
  sourceAnchor?: string;
  /** `cloudAnchor` (Azure AD connector objects): the same cloud object's anchor on every server. */
  cloudAnchor?: string;
  /** `alias`, else `mailNickname`. */
  alias?: string;
  /** `sAMAccountName`, else `onPremisesSamAccountName`. */
  samAccountName?: string;
  /** `objectGUID` as a GUID string. */
  objectGuid?: string;
  /** Where each field that is set came from. */
  sources: Partial<Record<IdentityField, IdentitySource>>;
}

/** An export error recorded on the object (`export-errordetail`), or an import error. */
export interface ObjectError {
  kind: 'export' | 'import';
  /** `error-type`, or the error element's name (e.g. `cd-error`). */
  type: string;
  code?: string;
  literal?: string;
  detail?: string;
  firstOccurred?: string;
  dateOccurred?: string;
  retryCount?: number;
}

/** Where the object's bytes are in the file, so it can be re-read alone later. */
export interface ByteRange {
  offset: number;
  length: number;
}

interface CsObjectBase {
  /** The cs-object id (a GUID): stable across exports of the same connector. The row id everywhere. */
  id: string;
  /** `cs-object/@cs-dn`: the connector-space DN (opaque `CN={GUID}` for Azure AD). */
  csDn: string;
  /** `cs-object/@object-type` (user, group, contact, device, person, ...). */
  objectType: string;
  identity: Identity;
  errors: ObjectError[];
  bytes: ByteRange;
}

/** An object with a pending export (`unapplied-export`): one row of the review. */
export interface PendingChange extends CsObjectBase {
  kind: 'pending-change';
  operation: ExportOperation;
  /** `delta/@dn`. */
  dn: string;
  /** `delta/@newdn`: set on a rename or move. */
  newDn?: string;
  changes: AttributeChange[];
  /**
   * Whether the file holds the object as it is now (the synchronized hologram). Without it (a file
   * written with csexport /o:d) every change's oldValues is empty because they are unknown, not empty.
   */
  hasValuesNow: boolean;
  /**
   * For deletes and delete-adds: every attribute of the object as it is now (synchronized hologram),
   * so the reviewer sees exactly what would be removed. Absent in grid rows' lightweight reads.
   */
  objectNow?: HologramAttribute[];
}

/**
 * An object in the file without an `unapplied-export` (only an escrowed or unconfirmed export,
 * a pending import, or errors): reported and counted, never silently dropped.
 */
export interface ObjectWithoutPendingExport extends CsObjectBase {
  kind: 'no-pending-export';
  /** Which other export or import states the object has, e.g. ["unconfirmed-export"]. */
  states: string[];
}

export type CsObjectRecord = PendingChange | ObjectWithoutPendingExport;

/** Progress of a read; reported at least every 100 ms of work. */
export interface ReadProgress {
  bytesRead: number;
  totalBytes: number;
  objects: number;
}

/** The text encoding the reader found (BOM, then XML declaration). */
export type ExportEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** What a whole read found, beside the records themselves. */
export interface ReadSummary {
  encoding: ExportEncoding;
  totalBytes: number;
  objects: number;
  pendingChanges: number;
  withoutPendingExport: number;
  elapsedMs: number;
}
