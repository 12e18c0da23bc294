/**
 * The fingerprint of a pending change: SHA-256 of its canonical text (change-fingerprint.ts), cut to
 * 128 bits. Node's native hash, since it runs for every row of every read: a pure-JavaScript SHA-256
 * cost about five times as much (ARCHITECTURE.md, "Review marks").
 */
import { hash } from 'node:crypto';
import { canonicalChange, type FingerprintedChange } from './change-fingerprint.js';
import { canonicalComparison } from '../compare/change-digest.js';
import type { PendingChange } from '../model/csexport-model.js';

export function fingerprintChange(change: FingerprintedChange): string {
  // The one-shot hash: a Hash object per row cost about a third more for these short texts.
  return hash('sha256', canonicalChange(change)).slice(0, 32);
}

/** What two exports' changes are compared on (shared/compare/change-digest.ts), hashed the same way. */
export function digestChange(change: Pick<PendingChange, 'changes'>): string {
  return hash('sha256', canonicalComparison(change)).slice(0, 32);
}
