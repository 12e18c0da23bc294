/**
 * Review marks: an admin's verdict on one pending change (approved, or flagged: needs attention, must
 * not go live), with a note, who and when, and the fingerprint of the change it was made on. Plain
 * data, keyed by cs-object id; the state of a row follows from its mark and its current fingerprint.
 */
export type ReviewVerdict = 'approved' | 'flagged';

export interface ReviewMark {
  verdict: ReviewVerdict;
  /** Empty when there is none. */
  note: string;
  /** Who made the mark (the OS user name by default). */
  by: string;
  /** When, as an ISO 8601 time in UTC. */
  at: string;
  /** The fingerprint of the pending change when it was marked (see change-fingerprint.ts). */
  fingerprint: string;
}

/** A row's review state: a mark on a change that has changed since is stale, and counts as not reviewed. */
export type ReviewState = ReviewVerdict | 'stale' | 'unreviewed';

export const REVIEW_STATES: readonly ReviewState[] = ['unreviewed', 'approved', 'flagged', 'stale'];

export const REVIEW_VERDICTS: readonly ReviewVerdict[] = ['approved', 'flagged'];

export function isReviewState(value: string): value is ReviewState {
  return (REVIEW_STATES as readonly string[]).includes(value);
}

/** The state of a pending change with this fingerprint, given its mark. */
export function reviewState(mark: ReviewMark | undefined, fingerprint: string): ReviewState {
  if (!mark) return 'unreviewed';
  return mark.fingerprint === fingerprint ? mark.verdict : 'stale';
}

/** The review state of a pending change (a row or a record's fingerprint) under `marks`. */
export function stateUnder(marks: ReviewMarks, change: { id: string; fingerprint: string }): ReviewState {
  return reviewState(marks.get(change.id), change.fingerprint);
}

/** Marks by cs-object id. A Map, never a plain object: an id is file content, and "constructor" must not find Object's. */
export type ReviewMarks = Map<string, ReviewMark>;

/** Marks as they cross IPC: [id, mark] pairs; a null mark means the id has none now. */
export type MarkEntries = Array<[string, ReviewMark | null]>;

/** What a mark command does to each row: set a verdict, or remove the mark. */
export type MarkAction = ReviewVerdict | 'clear';

export const MARK_ACTIONS: readonly MarkAction[] = ['approved', 'flagged', 'clear'];

export function isMarkAction(value: unknown): value is MarkAction {
  return (MARK_ACTIONS as readonly unknown[]).includes(value);
}

export interface MarkRequest {
  action: MarkAction;
  /** The note to set; undefined keeps the note a mark already has. */
  note?: string;
  by: string;
  at: string;
}

/** The one pending change a mark is made on. */
export interface MarkTarget {
  id: string;
  fingerprint: string;
}

/** The mark `request` leaves on `target` (null: none), given the mark it has now. */
export function markAfter(current: ReviewMark | undefined, target: MarkTarget, request: MarkRequest): ReviewMark | null {
  if (request.action === 'clear') return null;
  return { verdict: request.action, note: request.note ?? current?.note ?? '', by: request.by, at: request.at, fingerprint: target.fingerprint };
}

/**
 * Applies `request` to `target` in `marks`: the mark it now has (null: removed), or undefined when
 * nothing changed (clearing a row that had no mark).
 */
export function applyMark(marks: ReviewMarks, target: MarkTarget, request: MarkRequest): ReviewMark | null | undefined {
  const next = markAfter(marks.get(target.id), target, request);
  if (next) marks.set(target.id, next);
  else if (!marks.delete(target.id)) return undefined;
  return next;
}

/** The longest note kept: a note is a sentence or two, not a document. */
export const MAX_NOTE_LENGTH = 4000;

/**
 * Whether `text` can be a note or a name in a mark: not too long, and without control characters
 * other than tab and line breaks (as XML text; U+0000 also separates packed marks).
 */
export function isMarkText(text: string, maxLength = MAX_NOTE_LENGTH): boolean {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return text === '' || (text.length <= maxLength && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text));
}

/** Where marks are saved. `not-saved`: the review file could not be read (`problem` says why), so it is never written. */
export type ReviewStorage = { kind: 'beside-export' | 'chosen' | 'app-folder'; path: string } | { kind: 'not-saved'; problem: string };
