/** Which characters XML 1.0 allows: in a document at all, and in names. */
import { ExportReadError } from '../read-errors.js';
import type { CharToByteOffset } from './char-to-byte.js';

/** Characters XML forbids literally anywhere: C0 controls but tab, LF and CR; U+FFFE and U+FFFF. Lone surrogates never get this far: the fatal decoder refuses them. */
// eslint-disable-next-line no-control-regex -- the control characters XML forbids are what this finds
const FORBIDDEN_LITERAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Index of the first character XML forbids in `text`, or -1. */
export function firstForbiddenChar(text: string): number {
  return text.search(FORBIDDEN_LITERAL);
}

/** Throws at the first character XML forbids in `text`, naming it; U+0000 also separates packed rows. */
export function refuseForbiddenChars(text: string, toByte: CharToByteOffset): void {
  const at = firstForbiddenChar(text);
  if (at === -1) return;
  const code = text.charCodeAt(at);
  const message =
    code === 0
      ? 'Malformed XML: a NUL character (U+0000), which XML does not allow'
      : `Malformed XML: the character U+${code.toString(16).toUpperCase().padStart(4, '0')}, which XML does not allow`;
  throw new ExportReadError('malformed-xml', message, toByte(at));
}

/** XML 1.0 `Char`: what a character reference may name. */
export function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** XML 1.0 (fifth edition) `NameStartChar` and `NameChar` ranges, as regular-expression class text. */
const NAME_START =
  ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME_REST = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F\\u2040`;
/** XML's `Name`, for names with characters beyond ASCII (ASCII names are checked by table). */
// eslint-disable-next-line no-misleading-character-class -- XML's name ranges hold joiners and combining marks on purpose
const XML_NAME = new RegExp(`^[${NAME_START}][${NAME_REST}]*$`, 'u');

export function isXmlName(name: string): boolean {
  return XML_NAME.test(name);
}
