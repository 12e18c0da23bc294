/**
 * What a review mark is made on: a pending change reduced to a canonical text, so the same change in
 * a later export (same server, same cs-object id) gives the same text. It holds the operation, the
 * DN and new DN, and each attribute change with its values; holograms are left out (they move with
 * every sync cycle without changing what is exported), and so is the order of attributes and of
 * multivalued values (the sync engine does not keep it).
 */
import type { AttributeChange, PendingChange } from '../model/csexport-model.js';

/** The part of a pending change a fingerprint covers. */
export type FingerprintedChange = Pick<PendingChange, 'operation' | 'dn' | 'newDn' | 'changes'>;

// C0 controls other than tab, CR and LF cannot occur in XML text (the parser refuses them), so
// they separate fields without any escaping.
const FIELD = '\u0001';
const ITEM = '\u0002';
const PART = '\u0003';

function canonicalAttribute(change: AttributeChange): string {
  const values = change.values.map(({ operation, value }) => `${operation ?? ''}${PART}${value.base64 ? 'b' : 't'}${value.raw}`).sort();
  return `${change.name.toLowerCase()}${FIELD}${change.operation}${FIELD}${values.join(ITEM)}`;
}

/** The canonical text of a change; equal texts mean the same pending change. */
export function canonicalChange(change: FingerprintedChange): string {
  const attributes = change.changes.map(canonicalAttribute).sort();
  return ['v1', change.operation, change.dn, change.newDn ?? '', ...attributes].join(FIELD + FIELD);
}

/** How a fingerprint is spelled: the algorithm over the canonical text, named in the review file. */
export const FINGERPRINT_ALGORITHM = 'sha256-128:canonical-change-v1';

/** 128 bits of SHA-256, hex: 32 characters. */
export const FINGERPRINT_PATTERN = /^[0-9a-f]{32}$/;
