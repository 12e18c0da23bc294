/**
 * Writes a file whole or not at all: into a temporary file beside the target, fsynced, then renamed
 * over it. A failure or a cancel removes the temporary file, so there is never a half-written file
 * under the target's name, and a crash leaves the old file as it was.
 */
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Why a target's folder cannot take the file, when that is the reason; `what` names the file ("the CSV"). */
export class FolderNotWritableError extends Error {}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

function openTemporary(temporary: string, target: string, what: string): number {
  try {
    return openSync(temporary, 'wx');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const folder = dirname(target);
    if (code === 'ENOENT') throw new FolderNotWritableError(`The folder ${folder} does not exist; ${what} was not written`, { cause: error });
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
      throw new FolderNotWritableError(`The folder ${folder} cannot be written to; ${what} was not written`, { cause: error });
    throw error;
  }
}

interface Temporary {
  fd: number;
  path: string;
}

function start(target: string, what: string): Temporary {
  const path = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  return { fd: openTemporary(path, target, what), path };
}

function commit(temporary: Temporary, target: string): void {
  fsyncSync(temporary.fd);
  closeSync(temporary.fd);
  renameSync(temporary.path, target);
}

function abandon(temporary: Temporary): void {
  try {
    closeSync(temporary.fd);
  } catch {
    // Closed already.
  }
  removeQuietly(temporary.path);
}

/**
 * `fill` writes the content through `write` (synchronous, so it can be called from a reader's
 * callbacks); the file takes the target's name only once `fill` has resolved and the data is on disk.
 */
export async function writeAtomically(path: string, what: string, fill: (write: (text: string) => void) => Promise<void> | void): Promise<void> {
  const temporary = start(path, what);
  try {
    await fill((text) => {
      writeSync(temporary.fd, text);
    });
    commit(temporary, path);
  } catch (error) {
    abandon(temporary);
    throw error;
  }
}

/** The same, all at once, for writing at quit where nothing may wait on the event loop. */
export function writeAtomicallySync(path: string, what: string, text: string): void {
  const temporary = start(path, what);
  try {
    writeSync(temporary.fd, text);
    commit(temporary, path);
  } catch (error) {
    abandon(temporary);
    throw error;
  }
}
