/**
 * The bytes before the first object, decoded strictly: invalid bytes there are named with their own
 * offset, not replaced (a replacement would shift every later offset and blame the wrong place).
 */
import type { ExportEncoding } from '../model/csexport-model.js';
import { ExportReadError } from '../read-errors.js';

/** Decodes all complete characters of `bytes`, holding back one cut at the end; throws at invalid ones. */
function decodeComplete(bytes: Uint8Array, encoding: ExportEncoding): string {
  return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes, { stream: true });
}

export interface DecodedStart {
  /** All complete characters before the first invalid byte (all of them when there is none). */
  text: string;
  /** The error to report at the first invalid byte, if any. */
  invalid?: ExportReadError;
}

/** `bytes` start at file offset `fileOffset` (after any BOM). */
export function decodeProlog(bytes: Uint8Array, encoding: ExportEncoding, fileOffset: number): DecodedStart {
  try {
    return { text: decodeComplete(bytes, encoding) };
  } catch {
    // Find the first invalid byte: the longest prefix that still decodes.
    let good = 0;
    let bad = bytes.length;
    while (bad - good > 1) {
      const mid = (good + bad) >>> 1;
      try {
        decodeComplete(bytes.subarray(0, mid), encoding);
        good = mid;
      } catch {
        bad = mid;
      }
    }
    // The prefix may end in the first bytes of the bad sequence, held back as a cut character.
    const decoded = decodeComplete(bytes.subarray(0, good), encoding);
    const start = encoding === 'utf-8' ? new TextEncoder().encode(decoded).length : 2 * decoded.length;
    const invalid = new ExportReadError(
      'invalid-encoding',
      `The start of the file (before the first object) is not valid ${encoding.toUpperCase()}`,
      fileOffset + start,
    );
    return { text: decoded, invalid };
  }
}
