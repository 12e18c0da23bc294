/**
 * Every IPC message is checked: it must come from our window's top frame, showing our page.
 *
 * The page is compared by file path, not by URL string: Chromium commits its own spelling of the URL
 * that loadFile builds (it keeps `~`, `[`, `]` and a lone `%` that Node's pathToFileURL escapes), so
 * an app unpacked under `C:\Users\JOHNSM~1\…` would refuse its own window.
 */
import type { IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import { posix, win32 } from 'node:path';

const utf8 = new TextDecoder();

/** Decodes each valid `%XX` run as UTF-8 and leaves any other `%` as it is. */
function decodeEscapes(text: string): string {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => utf8.decode(Uint8Array.from(run.slice(1).split('%'), (hex) => parseInt(hex, 16))));
}

/**
 * The file a `file:` URL names, normalised, as a key to compare (lower case on Windows, whose file
 * names are case-insensitive); undefined for anything but a local file. Escapes are decoded the same
 * way on both sides of a comparison, so `%41` in a folder name and Chromium's `A` for it agree.
 */
export function filePathKey(path: string, platform: NodeJS.Platform): string {
  const decoded = decodeEscapes(path);
  return platform === 'win32' ? win32.normalize(decoded).toLowerCase() : posix.normalize(decoded);
}

export function pathOfFileUrl(url: string, platform: NodeJS.Platform): string | undefined {
  const match = /^file:\/\/([^/\\?#]*)([^?#]*)/i.exec(url);
  if (!match) return undefined;
  const host = match[1] ?? '';
  const path = (match[2] ?? '').replace(/\\/g, '/');
  if (platform !== 'win32') return host === '' || host === 'localhost' ? path : undefined;
  if (host !== '') return `//${host}${path}`; // a UNC share: \\server\share\…
  return /^\/[A-Za-z]:/.test(path) ? path.slice(1) : path;
}

export function senderCheck(
  rendererIndex: string,
  window: () => WebContents | undefined,
  platform: NodeJS.Platform = process.platform,
): (event: IpcMainEvent | IpcMainInvokeEvent) => boolean {
  const expected = filePathKey(rendererIndex, platform);
  return (event) => {
    const frame = event.senderFrame;
    if (event.sender !== window() || frame === null || frame !== event.sender.mainFrame) return false;
    const path = pathOfFileUrl(frame.url, platform);
    return path !== undefined && filePathKey(path, platform) === expected;
  };
}
