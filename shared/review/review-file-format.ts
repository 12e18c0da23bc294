/**
 * The review file saved beside an export (`export.xml.review.json`): versioned JSON whose marks are
 * keyed by cs-object id. The format is documented in ARCHITECTURE.md ("The review file"). A file
 * that is not this format, or of a newer version, is refused whole: a review record is never
 * half-read, and never overwritten by a program that does not understand it.
 */
import { FINGERPRINT_ALGORITHM, FINGERPRINT_PATTERN } from './change-fingerprint.js';
import { interner } from './interned.js';
import { isMarkText, REVIEW_VERDICTS, type ReviewMark, type ReviewMarks } from './review-marks.js';

export const REVIEW_FILE_FORMAT = 'export-review/review-marks';
export const REVIEW_FILE_VERSION = 1;

/** A review file as read or to be written; on disk `marks` is a JSON object keyed by cs-object id. */
export interface ReviewFile {
  format: typeof REVIEW_FILE_FORMAT;
  version: typeof REVIEW_FILE_VERSION;
  /** How each mark's fingerprint was computed. */
  fingerprint: typeof FINGERPRINT_ALGORITHM;
  /** The export the marks were last saved with, for information: marks pair by cs-object id. */
  export: { name: string; sizeBytes: number };
  savedAt: string;
  marks: ReviewMarks;
}

/** Why a review file cannot be used, in words that name it. */
export class ReviewFileError extends Error {}

export function makeReviewFile(exportFile: { name: string; sizeBytes: number }, marks: ReviewMarks, savedAt: string): ReviewFile {
  return { format: REVIEW_FILE_FORMAT, version: REVIEW_FILE_VERSION, fingerprint: FINGERPRINT_ALGORITHM, export: exportFile, savedAt, marks };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isMark(value: unknown): value is ReviewMark {
  if (!isObject(value)) return false;
  const { verdict, note, by, at, fingerprint } = value;
  return (
    typeof verdict === 'string' &&
    (REVIEW_VERDICTS as readonly string[]).includes(verdict) &&
    typeof note === 'string' &&
    isMarkText(note) &&
    typeof by === 'string' &&
    isMarkText(by, 256) &&
    typeof at === 'string' &&
    isMarkText(at, 64) &&
    typeof fingerprint === 'string' &&
    FINGERPRINT_PATTERN.test(fingerprint)
  );
}

function checkHeader(document: Record<string, unknown>, name: string): void {
  const refuse = (why: string) => {
    throw new ReviewFileError(`${name} is not an Export Review review file: ${why}.`);
  };
  if (document['format'] !== REVIEW_FILE_FORMAT) refuse(`its "format" is not "${REVIEW_FILE_FORMAT}"`);
  const version = document['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) refuse('it has no valid "version"');
  if ((version as number) > REVIEW_FILE_VERSION)
    throw new ReviewFileError(
      `${name} was written by a newer Export Review (review file version ${String(version)}); this one reads version ${REVIEW_FILE_VERSION}.`,
    );
  if (document['fingerprint'] !== FINGERPRINT_ALGORITHM) refuse(`its marks' fingerprints are not "${FINGERPRINT_ALGORITHM}"`);
  if (!isObject(document['marks'])) refuse('it has no "marks" object');
}

/** How messages name the review file at `path`: the main process and the window say it alike. */
export function reviewFileName(path: string): string {
  return `The review file ${path}`;
}

/** The marks of a review file's text; `name` is how messages name the file. */
export function parseReviewFile(text: string, name: string): ReviewFile {
  let document: unknown;
  try {
    document = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    throw new ReviewFileError(`${name} is not an Export Review review file: it is not JSON.`);
  }
  if (!isObject(document)) throw new ReviewFileError(`${name} is not an Export Review review file: it is not a JSON object.`);
  checkHeader(document, name);
  const marks: ReviewMarks = new Map();
  const written = document['marks'] as Record<string, unknown>;
  // for…in over JSON.parse's own keys, and the parsed marks kept as they are: a copy of each, or
  // Object.entries, doubled the time to read a file with a mark for every row (ARCHITECTURE.md).
  const intern = interner();
  for (const id in written) {
    const mark = written[id];
    if (!isMark(mark) || id.includes('\u0000')) throw new ReviewFileError(`${name} has a malformed mark for object ${JSON.stringify(id.slice(0, 80))}.`);
    mark.verdict = mark.verdict === 'approved' ? 'approved' : 'flagged';
    mark.note = intern(mark.note);
    mark.by = intern(mark.by);
    mark.at = intern(mark.at);
    marks.set(id, mark);
  }
  const exportInfo = isObject(document['export']) ? document['export'] : {};
  return {
    format: REVIEW_FILE_FORMAT,
    version: REVIEW_FILE_VERSION,
    fingerprint: FINGERPRINT_ALGORITHM,
    export: { name: String(exportInfo['name'] ?? ''), sizeBytes: Number(exportInfo['sizeBytes'] ?? 0) },
    savedAt: typeof document['savedAt'] === 'string' ? document['savedAt'] : '',
    marks,
  };
}

/** One mark a line: diffable, and a reader can see a colleague's marks without a tool. */
export function serializeReviewFile(file: ReviewFile): string {
  const { marks, ...header } = file;
  const lines: string[] = [];
  for (const [id, mark] of marks) lines.push(`  ${JSON.stringify(id)}: ${JSON.stringify(mark)}`);
  const head = JSON.stringify(header, null, 2).slice(0, -2);
  return `${head},\n  "marks": {${lines.length ? `\n  ${lines.join(',\n  ')}\n  ` : ''}}\n}\n`;
}
