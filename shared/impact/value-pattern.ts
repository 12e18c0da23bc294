/**
 * What a single-valued change does, with what both values share taken away: `dana@contoso.com` →
 * `dana@fabrikam.com` is `contoso` → `fabrikam`, the same pattern as every other user of that
 * suffix change. An empty old value is "set", an empty new one "cleared".
 */
export type PatternKind = 'changed' | 'set' | 'cleared';

export interface ValuePattern {
  kind: PatternKind;
  /** What remains of the old value (empty when set). */
  from: string;
  /** What remains of the new value (empty when cleared). */
  to: string;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

export function valuePattern(before: string, after: string): ValuePattern {
  if (before === '') return { kind: 'set', from: '', to: after };
  if (after === '') return { kind: 'cleared', from: before, to: '' };
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  // Never between the two halves of a character outside the BMP: the pattern must be readable text.
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  while (suffix < shorter - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--;
  return { kind: 'changed', from: before.slice(prefix, before.length - suffix), to: after.slice(prefix, after.length - suffix) };
}

/** One key per pattern, for counting (the separator cannot be in XML text). */
export function patternKey(pattern: ValuePattern): string {
  return `${pattern.kind}\u0000${pattern.from}\u0000${pattern.to}`;
}
