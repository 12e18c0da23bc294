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
