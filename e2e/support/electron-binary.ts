/**
 * Where the installed Electron binary is, without triggering a download: requiring the `electron`
 * package fetches a missing binary (slow, and refused on machines with no route to its host).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export function installedElectronBinary(): string | undefined {
  const packageDir = resolve('node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env['ELECTRON_OVERRIDE_DIST_PATH'] ?? join(packageDir, 'dist');
  const binary = join(distDir, relative);
  return existsSync(binary) ? binary : undefined;
}
