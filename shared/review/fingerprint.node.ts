/**
 * The fingerprint of a pending change: SHA-256 of its canonical text (change-fingerprint.ts), cut to
 * 128 bits. Node's native hash, since it runs for every row of every read: a pure-JavaScript SHA-256
 * cost about five times as much (ARCHITECTURE.md, "Review marks").
 */
import { createHash } from 'node:crypto';
import { canonicalChange, type FingerprintedChange } from './change-fingerprint.js';

export function fingerprintChange(change: FingerprintedChange): string {
  return createHash('sha256').update(canonicalChange(change)).digest('hex').slice(0, 32);
}
