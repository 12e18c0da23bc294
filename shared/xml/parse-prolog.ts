/** Reads what comes before the first `cs-object`: XML declaration, comments, and the `<cs-objects>` root tag. */
import { ExportReadError, quoteInput } from '../read-errors.js';
import type { CharToByteOffset } from './char-to-byte.js';
import { checkCommentOrInstruction } from './check-misc.js';
import { parseXmlElement } from './xml-fragment.js';

export interface Prolog {
  /** Character index just after the root start tag. */
  bodyStart: number;
  /** True for `<cs-objects/>`: a file with nothing pending. */
  emptyRoot: boolean;
}

/** XML 1.0 `XMLDecl`: version first, then an optional encoding and standalone (yes or no). */
const XML_DECLARATION =
  /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.[0-9]+\1([ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\3)?([ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(yes|no)\5)?[ \t\r\n]*\?>/;

function truncated(message: string, at: number, toByte: CharToByteOffset): never {
  throw new ExportReadError('truncated', message, toByte(at));
}

/** Characters after `at` up to the end of the XML declaration, when the text starts with one. */
function readDeclaration(text: string, toByte: CharToByteOffset, complete: boolean): number | undefined {
  if (!/^<\?xml[ \t\r\n?]/.test(text)) return 0;
  const end = text.indexOf('?>');
  if (end === -1) return complete ? truncated('The file ends inside its XML declaration', 0, toByte) : undefined;
  const match = XML_DECLARATION.exec(text);
  if (!match || match[0].length !== end + 2)
    throw new ExportReadError(
      'malformed-xml',
      'Malformed XML declaration: it must give version="1.x", then optionally encoding and standalone="yes" or "no"',
      toByte(0),
    );
  return end + 2;
}

/** A comment or processing instruction at `i`: its end, checked; undefined when not all of it is here yet. */
function readMisc(text: string, i: number, toByte: CharToByteOffset, complete: boolean): number | undefined {
  const comment = text.startsWith('<!--', i);
  const end = text.indexOf(comment ? '-->' : '?>', i + 2);
  if (end === -1) return complete ? truncated('The file ends inside a comment or processing instruction', i, toByte) : undefined;
  const stop = end + (comment ? 3 : 2);
  checkCommentOrInstruction(text.slice(i, stop), (k) => toByte(i + k));
  return stop;
}

/** The root start tag at `i`, its attributes checked by the parser; undefined when not all here yet. */
function readRoot(text: string, i: number, toByte: CharToByteOffset, complete: boolean): Prolog | undefined {
  const match = /^<([A-Za-z_:][\w.:-]*)/.exec(text.slice(i, i + 200));
  if (!match) throw new ExportReadError('not-xml', `This is not a well-formed XML file (it has ${quoteInput(text.slice(i, i + 16))})`, toByte(i));
  const name = match[1] as string;
  if (i + match[0].length >= text.length) return complete ? truncated('The file is cut off inside its first tag', i, toByte) : undefined;
  if (name !== 'cs-objects')
    throw new ExportReadError('wrong-root', `This XML file is not a csexport file: its root element is <${name}>, expected <cs-objects>`, toByte(i));
  // The tag ends at the first `>` outside quotes; a `<` or a missing quote before it is the parser's to refuse.
  const tag = /^<cs-objects(?:[^<>"']|"[^"]*"|'[^']*')*>/.exec(text.slice(i));
  if (!tag) {
    if (text.indexOf('>', i) === -1) return complete ? truncated('The file ends inside the <cs-objects> tag', i, toByte) : undefined;
    throw new ExportReadError('malformed-xml', 'Malformed XML: the <cs-objects> start tag is malformed', toByte(i));
  }
  const emptyRoot = tag[0].endsWith('/>');
  parseXmlElement(emptyRoot ? tag[0] : `${tag[0]}</cs-objects>`, (k) => toByte(i + k));
  return { bodyStart: i + tag[0].length, emptyRoot };
}

/**
 * Returns undefined when `text` ends before the root start tag does (the caller reads more).
 * `text` must start just after the BOM: the XML declaration may only stand there.
 */
export function parseProlog(text: string, toByte: CharToByteOffset, complete: boolean): Prolog | undefined {
  const afterDeclaration = readDeclaration(text, toByte, complete);
  if (afterDeclaration === undefined) return undefined;
  let i = afterDeclaration;
  for (;;) {
    while (i < text.length && /[ \t\r\n]/.test(text[i] as string)) i++;
    if (i >= text.length) {
      if (!complete) return undefined;
      throw new ExportReadError(text.trim() === '' ? 'empty-file' : 'truncated', 'The file has no <cs-objects> element: it is empty or cut off', toByte(i));
    }
    if (text.charCodeAt(i) !== 60 /* < */) {
      throw new ExportReadError(
        'not-xml',
        `This is not an XML file (it starts with ${quoteInput(text.slice(i, i + 16))}); expected a csexport file written with csexport "Connector" export.xml /f:x`,
        toByte(i),
      );
    }
    if (text.startsWith('<!DOCTYPE', i) || text.startsWith('<!ENTITY', i)) {
      throw new ExportReadError(
        'doctype-refused',
        'This file declares a DOCTYPE or entities; Export Review refuses such files (csexport never writes them, and entity expansion is a known attack)',
        toByte(i),
      );
    }
    if (!text.startsWith('<?', i) && !text.startsWith('<!--', i)) return readRoot(text, i, toByte, complete);
    const stop = readMisc(text, i, toByte, complete);
    if (stop === undefined) return undefined;
    i = stop;
  }
}
