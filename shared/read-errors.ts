/**
 * Every way reading a csexport file can fail, as one typed error. The message is written for the
 * administrator (it says what is wrong and where); `code` is for programs, `byteOffset` for support.
 */
import { formatCount } from './format-count.js';

export type ReadErrorCode =
  | 'empty-file'
  | 'not-xml'
  | 'unsupported-encoding'
  | 'invalid-encoding'
  | 'wrong-root'
  | 'doctype-refused'
  | 'malformed-xml'
  | 'truncated'
  | 'value-too-large'
  | 'object-too-large'
  | 'unexpected-content'
  | 'cancelled'
  | 'io-error';

export class ExportReadError extends Error {
  readonly code: ReadErrorCode;
  /** Byte offset in the file where the problem was found, when known. */
  readonly byteOffset: number | undefined;
  /** The message without the position. */
  readonly reason: string;

  constructor(code: ReadErrorCode, reason: string, byteOffset?: number) {
    super(byteOffset === undefined ? reason : `${reason} (at byte ${formatCount(byteOffset)})`);
    this.name = 'ExportReadError';
    this.code = code;
    this.reason = reason;
    this.byteOffset = byteOffset;
  }
}

/** The same error as plain data, for crossing a worker or IPC boundary. */
export interface ReadErrorInfo {
  code: ReadErrorCode;
  /** The full message, position included. */
  message: string;
  reason: string;
  byteOffset?: number;
}

export function toReadErrorInfo(error: unknown): ReadErrorInfo {
  if (error instanceof ExportReadError) {
    const info: ReadErrorInfo = { code: error.code, message: error.message, reason: error.reason };
    if (error.byteOffset !== undefined) info.byteOffset = error.byteOffset;
    return info;
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'io-error', message, reason: message };
}

export function fromReadErrorInfo(info: ReadErrorInfo): ExportReadError {
  return new ExportReadError(info.code, info.reason, info.byteOffset);
}

/** Limits that keep memory bounded whatever the input. */
export const MAX_VALUE_CHARS = 16 * 1024 * 1024;
export const MAX_OBJECT_BYTES = 64 * 1024 * 1024;
/** csexport nests about ten levels deep; anything past this is refused rather than risked. */
export const MAX_DEPTH = 256;

const QUOTE_LIMIT = 40;

/**
 * Text from the file as a message may show it: one line, quoted, control and invisible characters
 * escaped, at most 40 characters. A message never prints raw input: a terminal escape or a CR in a
 * tag name must not clear a screen or forge a line.
 */
export function quoteInput(text: string): string {
  const cut = Array.from(text);
  const shown = cut.length > QUOTE_LIMIT ? `${cut.slice(0, QUOTE_LIMIT).join('')}…` : text;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
  return `"${shown.replace(/[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb"\\]/g, (c) =>
    c === '"' || c === '\\' ? `\\${c}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )}"`;
}
