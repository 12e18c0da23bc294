/** Where the built pieces are, beside this bundle; worker files are unpacked from the asar archive. */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Worker threads cannot load from inside app.asar: electron-builder unpacks them (asarUnpack). */
function unpacked(path: string): string {
  return path.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
}

export const appPaths = {
  preload: join(here, 'preload.cjs'),
  rendererIndex: join(here, '..', 'renderer', 'index.html'),
  readWorker: pathToFileURL(unpacked(join(here, 'read-worker.mjs'))),
};
