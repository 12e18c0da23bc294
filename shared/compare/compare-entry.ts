/** A row reduced to what comparing keeps of it: keys, identity, digest and place in the file. */
import type { ChangeRow } from '../rows/change-row.js';
import type { CompareEntry } from './compare-model.js';

export function compareEntryOf(row: ChangeRow): CompareEntry {
  const { id, operation, objectType, dn, newDn, userPrincipalName, displayName, sourceAnchor, cloudAnchor, objectGuid, offset, length } = row;
  return {
    id,
    operation,
    objectType,
    dn,
    newDn,
    userPrincipalName,
    displayName,
    sourceAnchor,
    cloudAnchor,
    objectGuid,
    digest: row.changeDigest,
    offset,
    length,
  };
}
