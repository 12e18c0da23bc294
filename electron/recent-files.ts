/** File › Open Recent: the last ten files, kept in the user data folder and given to the OS list too. */
import { app } from 'electron';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LIMIT = 10;

function storePath(): string {
  return join(app.getPath('userData'), 'recent-files.json');
}

export function recentFiles(): string[] {
  try {
    const list: unknown = JSON.parse(readFileSync(storePath(), 'utf8'));
    return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string').slice(0, LIMIT) : [];
  } catch {
    return [];
  }
}

function store(list: string[]): void {
  try {
    writeFileSync(storePath(), JSON.stringify(list));
  } catch {
    // A read-only profile only loses the recent list.
  }
}

export function rememberFile(path: string): void {
  store([path, ...recentFiles().filter((p) => p !== path)].slice(0, LIMIT));
  app.addRecentDocument(path);
}

/** A file that has vanished since: it leaves our list (the OS's own list keeps no single-entry removal). */
export function forgetFile(path: string): void {
  store(recentFiles().filter((p) => p !== path));
}

export function clearRecentFiles(): void {
  store([]);
  app.clearRecentDocuments();
}
