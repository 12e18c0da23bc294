/** Finds a csexport file's text encoding from its first bytes: the BOM, else the XML declaration. */
import type { ExportEncoding } from '../model/csexport-model.js';
import { ExportReadError, quoteInput } from '../read-errors.js';

export interface DetectedEncoding {
  encoding: ExportEncoding;
  /** Bytes taken by the byte-order mark (0, 2 or 3). */
  bomLength: number;
}

const DECLARED_ENCODING = /^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/;

/** The encoding an ASCII-compatible declaration names, lower case; undefined when there is none. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  let start = 0;
  while (start < bytes.length && (bytes[start] === 0x20 || bytes[start] === 0x0a || bytes[start] === 0x0d || bytes[start] === 0x09)) start++;
  const declaration = String.fromCharCode(...bytes.subarray(start, Math.min(bytes.length, start + 200)));
  return DECLARED_ENCODING.exec(declaration)?.[1]?.toLowerCase();
}

function isUtf8Name(declared: string): boolean {
  return declared === 'utf-8' || declared === 'utf8' || declared === 'us-ascii' || declared === 'ascii';
}

export function detectEncoding(head: Uint8Array): DetectedEncoding {
  const [b0, b1, b2, b3] = head;
  if (head.length === 0) throw new ExportReadError('empty-file', 'The file is empty (0 bytes): this is not a csexport file', 0);
  if ((b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) || (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff)) {
    throw new ExportReadError('unsupported-encoding', 'The file is UTF-32; save it as UTF-8 or UTF-16 (csexport writes those)', 0);
  }
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    const declared = declaredEncoding(head.subarray(3));
    if (declared !== undefined && !isUtf8Name(declared))
      throw new ExportReadError('invalid-encoding', `The file starts with a UTF-8 byte-order mark but declares ${quoteInput(declared.toUpperCase())}`, 3);
    return { encoding: 'utf-8', bomLength: 3 };
  }
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  if (b0 === 0x3c && b1 === 0 && b2 === 0x3f && b3 === 0) return { encoding: 'utf-16le', bomLength: 0 };
  if (b0 === 0 && b1 === 0x3c && b2 === 0 && b3 === 0x3f) return { encoding: 'utf-16be', bomLength: 0 };

  // ASCII-compatible: honour the declaration.
  const declared = declaredEncoding(head);
  if (declared === undefined || isUtf8Name(declared)) return { encoding: 'utf-8', bomLength: 0 };
  if (declared.startsWith('utf-16') || declared === 'unicode') {
    throw new ExportReadError('invalid-encoding', `The file declares ${declared.toUpperCase()} but its bytes are not UTF-16 (no byte-order mark)`, 0);
  }
  throw new ExportReadError(
    'unsupported-encoding',
    `The file declares the encoding "${declared}"; Export Review reads UTF-8 and UTF-16 (what csexport writes)`,
    0,
  );
}
