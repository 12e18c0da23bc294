/** A value pattern in words, as the CLI and the app show it. */
import type { ValueChangeImpact } from './impact-model.js';

/** How a pattern reads: `contoso` → `fabrikam`, set to `Finance`, cleared (was `Sales`). */
export function describePattern(pattern: Pick<ValueChangeImpact, 'kind' | 'from' | 'to'>): string {
  if (pattern.kind === 'set') return `set to "${pattern.to}"`;
  if (pattern.kind === 'cleared') return `cleared (was "${pattern.from}")`;
  if (pattern.from === '' && pattern.to === '') return 'the same value written again';
  return `"${pattern.from}" → "${pattern.to}"`;
}
