/**
 * One row of the review: a record reduced to what the grid, the object-level CSV and the summary
 * show. Small and flat (strings and numbers) so hundreds of thousands cross threads and IPC cheaply;
 * the full attribute changes are re-read from the file by `bytes` when someone asks.
 */
import type { CsObjectRecord, IdentitySource, PendingChange } from '../model/csexport-model.js';
import { identitySource, whoLabel } from '../model/resolve-identity.js';

/** The operation shown for an object with no `unapplied-export`. */
export const NO_PENDING_EXPORT = 'no pending export';

export interface ChangeRow {
  /** cs-object id: the stable row id. */
  id: string;
  /** False for objects without an `unapplied-export` (counted apart, never reviewed as changes). */
  pending: boolean;
  operation: string;
  objectType: string;
  dn: string;
  newDn: string;
  userPrincipalName: string;
  displayName: string;
  mail: string;
  primarySmtp: string;
  sourceAnchor: string;
  cloudAnchor: string;
  alias: string;
  samAccountName: string;
  objectGuid: string;
  /** Where the UPN (else displayName) came from. */
  identitySource: IdentitySource | '';
  /** Names of the attributes the delta changes, in file order. */
  changedAttributes: string[];
  /** Number of attribute values added or removed by the delta (member adds count one each). */
  valueChanges: number;
  errorCount: number;
  /** The first error's literal (e.g. AttributeValueMustBeUnique), for the grid. */
  firstError: string;
  /** The pending change's fingerprint (what review marks are checked against); empty without a pending export. */
  fingerprint: string;
  /** What comparing two exports checks (shared/compare/change-digest.ts); empty unless the read was asked for it. */
  changeDigest: string;
  offset: number;
  length: number;
}

/** How a pending change's fingerprint is made (shared/review/fingerprint.node.ts): passed in, since hashing is Node's. */
export type FingerprintOf = (change: PendingChange) => string;

export function toChangeRow(record: CsObjectRecord, fingerprintOf: FingerprintOf, digestOf?: FingerprintOf): ChangeRow {
  const identity = record.identity;
  const pending = record.kind === 'pending-change';
  const firstError = record.errors[0];
  return {
    id: record.id,
    pending,
    operation: pending ? record.operation : NO_PENDING_EXPORT,
    objectType: record.objectType,
    dn: pending ? record.dn : record.csDn,
    newDn: (pending && record.newDn) || '',
    userPrincipalName: identity.userPrincipalName ?? '',
    displayName: identity.displayName ?? '',
    mail: identity.mail ?? '',
    primarySmtp: identity.primarySmtp ?? '',
    sourceAnchor: identity.sourceAnchor ?? '',
    cloudAnchor: identity.cloudAnchor ?? '',
    alias: identity.alias ?? '',
    samAccountName: identity.samAccountName ?? '',
    objectGuid: identity.objectGuid ?? '',
    identitySource: identitySource(identity) ?? '',
    changedAttributes: pending ? record.changes.map((c) => c.name) : [],
    valueChanges: pending ? record.changes.reduce((sum, c) => sum + Math.max(1, c.values.length), 0) : 0,
    errorCount: record.errors.length,
    firstError: firstError ? (firstError.literal ?? firstError.code ?? firstError.type) : '',
    fingerprint: pending ? fingerprintOf(record) : '',
    changeDigest: pending && digestOf ? digestOf(record) : '',
    offset: record.bytes.offset,
    length: record.bytes.length,
  };
}

/** The name that says who a row is (`whoLabel`'s rule). */
export function rowLabel(row: ChangeRow): string {
  return whoLabel(row.userPrincipalName, row.displayName, row.dn);
}
