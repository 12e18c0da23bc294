/**
 * Marks as one string for crossing IPC, as rows do (packed-rows.ts): structured cloning 260,000 marks
 * cost 0.5–0.9 s a side, a packed string a fraction of that (ARCHITECTURE.md, "Review marks").
 * Per mark: id, verdict ('' for none: the id's mark was removed), note, by, at, fingerprint, joined
 * by U+0000, which no mark can hold: the review file, the CLI and the IPC checks all refuse it.
 */
import type { MarkEntries, ReviewMark, ReviewVerdict } from './review-marks.js';
import { interner } from './interned.js';

const SEPARATOR = '\u0000';
const FIELDS = 6;

export function packMarks(entries: Iterable<readonly [string, ReviewMark | null]>): string {
  const parts: string[] = [];
  for (const [id, mark] of entries) {
    if (mark) parts.push(id, mark.verdict, mark.note, mark.by, mark.at, mark.fingerprint);
    else parts.push(id, '', '', '', '', '');
  }
  return parts.join(SEPARATOR);
}

export function unpackMarks(packed: string): MarkEntries {
  if (packed === '') return [];
  const parts = packed.split(SEPARATOR);
  const entries: MarkEntries = [];
  const intern = interner();
  for (let k = 0; k + FIELDS <= parts.length; k += FIELDS) {
    const verdict = parts[k + 1] as ReviewVerdict | '';
    const id = parts[k] as string;
    entries.push([
      id,
      verdict === ''
        ? null
        : {
            verdict: intern(verdict) as ReviewVerdict,
            note: intern(parts[k + 2] as string),
            by: intern(parts[k + 3] as string),
            at: intern(parts[k + 4] as string),
            fingerprint: parts[k + 5] as string,
          },
    ]);
  }
  return entries;
}
