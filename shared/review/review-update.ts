/**
 * What the window makes of a review update: the marks it carries, packed or as the review file's
 * text (parsed here as the main process parses it), and where they are saved.
 */
import type { ReviewUpdate } from '../app/ipc-contract.js';
import { unpackMarks } from './packed-marks.js';
import { parseReviewFile, ReviewFileError, reviewFileName } from './review-file-format.js';
import type { ReviewMark, ReviewMarks, ReviewStorage } from './review-marks.js';

/** The marks an update carries (none: only the storage changed), and where they are saved. */
export function marksOfUpdate(update: ReviewUpdate): { marks?: ReviewMarks; storage: ReviewStorage } {
  const { storage, packedMarks, reviewFileText } = update;
  if (packedMarks !== undefined)
    return { marks: new Map(unpackMarks(packedMarks).filter((entry): entry is [string, ReviewMark] => entry[1] !== null)), storage };
  if (reviewFileText === undefined || storage.kind === 'not-saved') return { storage };
  try {
    return { marks: parseReviewFile(reviewFileText, reviewFileName(storage.path)).marks, storage };
  } catch (error) {
    // The main process parses the same text with the same code: it does not save either, and does not say it again.
    const problem = error instanceof ReviewFileError ? error.message : String(error);
    return { marks: new Map(), storage: { kind: 'not-saved', problem } };
  }
}
