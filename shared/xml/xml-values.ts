/**
 * Text and attribute values as XML hands them on: line ends normalised (XML 1.0 §2.11, §3.3.3),
 * then the five predefined entities and character references decoded. Nothing else is an entity:
 * no entity is ever expanded.
 */
import { ExportReadError, quoteInput } from '../read-errors.js';
import { isXmlChar } from './xml-chars.js';
import type { CharToByteOffset } from './char-to-byte.js';
import { CharCodes } from './char-codes.js';

const PREDEFINED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const ENTITY_PATTERN = /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*)?(;)?/g;

/** XML 1.0 §2.11: a parser hands on CRLF and lone CR in text as LF (before references are decoded). */
export function normalizeLineEnds(raw: string): string {
  return raw.indexOf('\r') === -1 ? raw : raw.replace(/\r\n?/g, '\n');
}

/** XML 1.0 §3.3.3: line ends and tabs in attribute values become spaces. */
export function normalizeAttributeSpace(raw: string): string {
  return /[\r\n\t]/.test(raw) ? raw.replace(/\r\n|[\r\n\t]/g, ' ') : raw;
}

function malformed(message: string, charIndex: number, toByte: CharToByteOffset): never {
  throw new ExportReadError('malformed-xml', message, toByte(charIndex));
}

function decodeCharacterReference(ref: string, match: string, at: number, toByte: CharToByteOffset): string {
  const code = ref.charCodeAt(1) === CharCodes.LowerX ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
  if (!isXmlChar(code)) malformed(`Malformed XML: invalid character reference ${quoteInput(match)} (XML does not allow that character)`, at, toByte);
  return String.fromCodePoint(code);
}

const REFERENCE_AT = /&(?:(#x[0-9a-fA-F]+|#[0-9]+)|([A-Za-z_][\w.-]*));/y;

/**
 * Checks every `&` in `text` between `start` and `end` as `decodeEntities` would, without building
 * anything: for elements the row pass skips, which must be as well-formed as any other.
 */
export function checkReferences(text: string, start: number, end: number, toByte: CharToByteOffset): void {
  for (let at = text.indexOf('&', start); at !== -1 && at < end; at = text.indexOf('&', at + 1)) {
    REFERENCE_AT.lastIndex = at;
    const match = REFERENCE_AT.exec(text);
    if (!match || REFERENCE_AT.lastIndex > end) malformed('Malformed XML: a bare "&" (write it as &amp;)', at, toByte);
    if (match[1] !== undefined) decodeCharacterReference(match[1], match[0], at, toByte);
    else if (PREDEFINED_ENTITIES[match[2] as string] === undefined)
      malformed(`Malformed XML: undeclared entity ${quoteInput(match[0])} (entities are never expanded)`, at, toByte);
  }
}

export function decodeEntities(raw: string, charIndex: number, toByte: CharToByteOffset): string {
  if (raw.indexOf('&') === -1) return raw;
  return raw.replace(ENTITY_PATTERN, (match: string, ref: string | undefined, semicolon: string | undefined, at: number) => {
    if (!ref || !semicolon) malformed('Malformed XML: a bare "&" (write it as &amp;)', charIndex + at, toByte);
    if (ref.charCodeAt(0) === CharCodes.Hash) return decodeCharacterReference(ref, match, charIndex + at, toByte);
    const value = PREDEFINED_ENTITIES[ref];
    if (value === undefined) malformed(`Malformed XML: undeclared entity ${quoteInput(match)} (entities are never expanded)`, charIndex + at, toByte);
    return value;
  });
}

/**
 * A value as XML hands it on: `normalize` applied (line ends, or in attributes white space), then
 * references decoded. An error's position is mapped back to the text as written, where each CRLF
 * had become one character and would otherwise put the error too early.
 */
export function normalizedValue(raw: string, start: number, toByte: CharToByteOffset, normalize: (raw: string) => string): string {
  const normalized = normalize(raw);
  if (normalized.indexOf('&') === -1) return normalized;
  if (raw.indexOf('\r\n') === -1) return decodeEntities(normalized, start, toByte);
  return decodeEntities(normalized, start, (charIndex) => {
    let r = 0;
    for (let out = start; out < charIndex && r < raw.length; out++)
      r += raw.charCodeAt(r) === CharCodes.CarriageReturn && raw.charCodeAt(r + 1) === CharCodes.LineFeed ? 2 : 1;
    return toByte(start + r);
  });
}
