/**
 * Comments and processing instructions, checked as XML asks: inside objects (the parser), between
 * objects and after the root (the splitter, which never parses them), and in the prolog.
 */
import { ExportReadError } from '../read-errors.js';
import type { CharToByteOffset } from './char-to-byte.js';
import { isSpace } from './char-codes.js';
import { isXmlName, refuseForbiddenChars } from './xml-chars.js';

function malformed(message: string, charIndex: number, toByte: CharToByteOffset): never {
  throw new ExportReadError('malformed-xml', message, toByte(charIndex));
}

/**
 * `text` is one whole `<!--…-->` or `<?…?>`. A comment holds no `--` (so no `--->` either); a
 * processing instruction has a target, then whitespace or its end, and the target is never `xml`.
 */
export function checkCommentOrInstruction(text: string, toByte: CharToByteOffset, insideElement = false): void {
  refuseForbiddenChars(text, toByte);
  if (text.startsWith('<!--')) {
    const doubleHyphen = text.indexOf('--', 4);
    if (doubleHyphen < text.length - 3) malformed('Malformed XML: "--" inside a comment', doubleHyphen, toByte);
    return;
  }
  const target = /^<\?([^\s?]*)/.exec(text)?.[1] ?? '';
  if (!isXmlName(target)) malformed('Malformed XML: a processing instruction without a target', 0, toByte);
  if (target.toLowerCase() === 'xml')
    malformed(
      insideElement
        ? 'Malformed XML: an XML declaration inside an element (it belongs at the start of the file)'
        : 'Malformed XML: an XML declaration after the start of the file',
      0,
      toByte,
    );
  const afterTarget = 2 + target.length;
  if (afterTarget !== text.length - 2 && !isSpace(text.charCodeAt(afterTarget))) malformed('Malformed XML: bad processing instruction', 0, toByte);
}
