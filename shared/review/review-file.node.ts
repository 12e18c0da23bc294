/** Reading and writing review files on disk: beside the export by default, written atomically. */
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import { writeAtomically, writeAtomicallySync } from '../atomic-file.node.js';
import { parseReviewFile, ReviewFileError, reviewFileName, serializeReviewFile, type ReviewFile } from './review-file-format.js';

/** `export.xml` → `export.xml.review.json`, beside it. */
export function reviewFilePathFor(exportPath: string): string {
  return `${exportPath}.review.json`;
}

/**
 * Where the app keeps an export's marks when the export's folder cannot be written: its own folder,
 * one file per export path (named by a hash of the path, with the export's name for people).
 */
export function fallbackReviewFilePath(folder: string, exportPath: string): string {
  const key = createHash('sha256').update(exportPath).digest('hex').slice(0, 16);
  return join(folder, `${basename(exportPath).replace(/[^\w.-]/g, '_')}.${key}.review.json`);
}

/**
 * The text of the review file at `path`; null when there is none. Throws ReviewFileError when it
 * cannot be read or is not UTF-8. The app's window parses this same text itself (parseReviewFile).
 */
export async function readReviewFileText(path: string): Promise<string | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new ReviewFileError(`The review file ${path} cannot be read: ${(error as Error).message}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ReviewFileError(`${reviewFileName(path)} is not an Export Review review file: it is not UTF-8 text.`);
  }
}

/** The review file at `path`; null when there is none. Throws ReviewFileError when it cannot be used. */
export async function readReviewFile(path: string): Promise<ReviewFile | null> {
  const text = await readReviewFileText(path);
  return text === null ? null : parseReviewFile(text, reviewFileName(path));
}

const WHAT = 'the review file';

export function writeReviewFile(path: string, file: ReviewFile): Promise<void> {
  return writeAtomically(path, WHAT, (write) => write(serializeReviewFile(file)));
}

export function writeReviewFileSync(path: string, file: ReviewFile): void {
  writeAtomicallySync(path, WHAT, serializeReviewFile(file));
}

export { ReviewFileError };
