/**
 * Comments and processing instructions that stand outside any object (between objects, after the
 * root, in the prolog): checked by the same rules as inside one, since the splitter never parses them.
 */
import { ExportReadError } from '../read-errors.js';
import type { CharToByteOffset } from './char-to-byte.js';
import { firstForbiddenChar, isXmlName } from './xml-chars.js';

function malformed(message: string, charIndex: number, toByte: CharToByteOffset): never {
  throw new ExportReadError('malformed-xml', message, toByte(charIndex));
}

/** `text` is one whole `<!--…-->` or `<?…?>`. */
export function checkCommentOrInstruction(text: string, toByte: CharToByteOffset): void {
  const forbidden = firstForbiddenChar(text);
  if (forbidden !== -1)
    malformed(
      `Malformed XML: the character U+${text.charCodeAt(forbidden).toString(16).toUpperCase().padStart(4, '0')}, which XML does not allow`,
      forbidden,
      toByte,
    );
  if (text.startsWith('<!--')) {
    const doubleHyphen = text.indexOf('--', 4);
    if (doubleHyphen < text.length - 3) malformed('Malformed XML: "--" inside a comment', doubleHyphen, toByte);
    return;
  }
  const target = /^<\?([^\s?]*)/.exec(text)?.[1] ?? '';
  if (!isXmlName(target)) malformed('Malformed XML: a processing instruction without a target', 0, toByte);
  if (target.toLowerCase() === 'xml') malformed('Malformed XML: an XML declaration after the start of the file', 0, toByte);
}
