/**
 * The fingerprint of a pending change: SHA-256 of its canonical text (change-fingerprint.ts), cut to
 * 128 bits. Node's native hash, since it runs for every row of every read: a pure-JavaScript SHA-256
 * cost about five times as much (ARCHITECTURE.md, "Review marks").
 */
import { hash } from 'node:crypto';
import { canonicalChange, type FingerprintedChange } from './change-fingerprint.js';

export function fingerprintChange(change: FingerprintedChange): string {
  // The one-shot hash: a Hash object per row cost about a third more for these short texts.
  return hash('sha256', canonicalChange(change)).slice(0, 32);
}
