/**
 * The URL a window shows after `webContents.loadFile(path)`: Electron formats it with Node's legacy
 * `url.format` (escaping only `#` and `?`), then Chromium commits its own canonical spelling.
 * e2e/file-url.spec.ts checks this against Debian's Chromium.
 */
import { resolve as resolvePosix } from 'node:path/posix';
import { win32 } from 'node:path';
import { format } from 'node:url';

/** What Electron's `WebContents.prototype.loadFile` passes to loadURL (`path.resolve` of the OS the path is from). */
export function electronLoadFileUrl(appPath: string, filePath: string): string {
  const windowsPath = /^([A-Za-z]:)?[\\]|^[A-Za-z]:\//.test(appPath);
  const pathname = windowsPath ? win32.resolve(appPath, filePath) : resolvePosix(appPath, filePath);
  return format({ protocol: 'file', slashes: true, pathname });
}

// Chromium escapes these in a path besides controls and non-ASCII (measured), and keeps ~ [ ] and %.
const ESCAPED_IN_PATH = new Set(' "<>`{}^|');

/** Chromium's canonical form of a `file:` URL's path: backslashes are slashes, the rest escaped as measured. */
export function chromiumCommittedUrl(url: string): string {
  const match = /^file:\/\/([^/\\]*)(.*)$/i.exec(url);
  if (!match) return url;
  let path = '';
  for (const char of (match[2] ?? '').replace(/\\/g, '/')) {
    const code = char.charCodeAt(0);
    if (code <= 0x20 || code >= 0x7f || ESCAPED_IN_PATH.has(char)) {
      for (const byte of new TextEncoder().encode(char)) path += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    } else path += char;
  }
  return `file://${match[1] ?? ''}${path}`;
}
