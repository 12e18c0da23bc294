/** The CLI's review file: beside the export unless --review names another; missing means no marks yet. */
import { readReviewFile, reviewFilePathFor } from '../review/review-file.node.js';
import type { ReviewMarks } from '../review/review-marks.js';

export interface CliReview {
  path: string;
  marks: ReviewMarks;
  /** False when no review file exists yet. */
  exists: boolean;
}

/** Throws ReviewFileError (exit 1) when the file exists but cannot be used; it is then never written. */
export async function loadCliReview(exportPath: string, reviewOption: string | undefined): Promise<CliReview> {
  const path = reviewOption || reviewFilePathFor(exportPath);
  const file = await readReviewFile(path);
  return { path, marks: file?.marks ?? new Map(), exists: file !== null };
}
