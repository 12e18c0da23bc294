/**
 * Writes a CSV file atomically: into a temporary file beside the target, renamed over it only when
 * every row is written and flushed to disk. A failure or a cancel removes the temporary file, so there
 * is never a half-written CSV under the name the user chose.
 */
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { CSV_BOM, csvLine } from './csv-format.js';

export interface CsvWriter {
  /** Synchronous, so rows can be written from a reader's record callback. */
  row(cells: ReadonlyArray<string | number>): void;
}

const FLUSH_CHARS = 256 * 1024;

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

/** The temporary file beside the target; why it cannot be made, in words for the admin. */
function openTemporary(temporary: string, target: string): number {
  try {
    return openSync(temporary, 'wx');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const folder = dirname(target);
    if (code === 'ENOENT') throw new Error(`The folder ${folder} does not exist; the CSV was not written`, { cause: error });
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
      throw new Error(`The folder ${folder} cannot be written to; the CSV was not written`, { cause: error });
    throw error;
  }
}

export async function writeCsvFile(path: string, header: readonly string[], fill: (writer: CsvWriter) => Promise<void>): Promise<{ rows: number }> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openTemporary(temporary, path);
  let rows = 0;
  let pending = CSV_BOM + csvLine(header);
  try {
    await fill({
      row: (cells) => {
        pending += csvLine(cells);
        rows++;
        if (pending.length >= FLUSH_CHARS) {
          writeSync(fd, pending);
          pending = '';
        }
      },
    });
    writeSync(fd, pending);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temporary, path);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // Closed already.
    }
    removeQuietly(temporary);
    throw error;
  }
  return { rows };
}
