/**
 * What a review mark is made on: a pending change reduced to a canonical text, so the same change in
 * a later export (same server, same cs-object id) gives the same text. It holds the operation, the
 * DN and new DN, and each attribute change with its values; holograms are left out (they move with
 * every sync cycle without changing what is exported), and so is the order of attributes and of
 * multivalued values (the sync engine does not keep it).
 */
import type { AttributeChange, PendingChange, ValueChange } from '../model/csexport-model.js';

/** The part of a pending change a fingerprint covers. */
export type FingerprintedChange = Pick<PendingChange, 'operation' | 'dn' | 'newDn' | 'changes'>;

// C0 controls other than tab, CR and LF cannot occur in XML text (the parser refuses them), so
// they separate fields without any escaping.
const FIELD = '\u0001';
const ITEM = '\u0002';
const PART = '\u0003';
const RECORD = '\u0004';

function canonicalValue({ operation, value }: ValueChange): string {
  return (operation ?? '') + PART + (value.base64 ? 'b' : 't') + value.raw;
}

// Written for the row pass, which fingerprints every pending change: one value (the usual case) is
// neither mapped, sorted nor joined. The name is taken as written; the same server writes it the same way.
function canonicalAttribute(change: AttributeChange): string {
  const values = change.values;
  let text = '';
  if (values.length === 1) text = canonicalValue(values[0] as ValueChange);
  else if (values.length > 1) text = values.map(canonicalValue).sort().join(ITEM);
  return change.name + FIELD + change.operation + FIELD + text;
}

/** The canonical text of a change; equal texts mean the same pending change. */
export function canonicalChange(change: FingerprintedChange): string {
  const attributes = change.changes.map(canonicalAttribute).sort();
  let text = 'v1' + RECORD + change.operation + RECORD + change.dn + RECORD + (change.newDn ?? '');
  for (const attribute of attributes) text += RECORD + attribute;
  return text;
}

/** How a fingerprint is spelled: the algorithm over the canonical text, named in the review file. */
export const FINGERPRINT_ALGORITHM = 'sha256-128:canonical-change-v1';

/** 128 bits of SHA-256, hex: 32 characters. */
export const FINGERPRINT_PATTERN = /^[0-9a-f]{32}$/;
