/** Reads what comes before the first `cs-object`: XML declaration, comments, and the `<cs-objects>` root tag. */
import { ExportReadError } from '../read-errors.js';
import type { CharToByteOffset } from './char-to-byte.js';

export interface Prolog {
  /** Character index just after the root start tag. */
  bodyStart: number;
  /** True for `<cs-objects/>`: a file with nothing pending. */
  emptyRoot: boolean;
}

function describeStart(text: string, at: number): string {
  const sample = text.slice(at, at + 16).replace(/[^\x20-\x7e]/g, '.');
  return JSON.stringify(sample);
}

/**
 * Returns undefined when `text` ends before the root start tag does (the caller reads more).
 * `text` must start just after the BOM.
 */
export function parseProlog(text: string, toByte: CharToByteOffset, complete: boolean): Prolog | undefined {
  let i = 0;
  const n = text.length;
  for (;;) {
    while (i < n && /\s/.test(text[i] as string)) i++;
    if (i >= n) {
      if (complete)
        throw new ExportReadError(
          n === 0 || text.trim() === '' ? 'empty-file' : 'truncated',
          'The file has no <cs-objects> element: it is empty or cut off',
          toByte(i),
        );
      return undefined;
    }
    if (text.charCodeAt(i) !== 60 /* < */) {
      throw new ExportReadError(
        'not-xml',
        `This is not an XML file (it starts with ${describeStart(text, i)}); expected a csexport file written with csexport "Connector" export.xml /f:x`,
        toByte(i),
      );
    }
    if (text.startsWith('<?', i) || text.startsWith('<!--', i)) {
      const end = text.indexOf(text.startsWith('<?', i) ? '?>' : '-->', i + 2);
      if (end === -1) {
        if (complete) throw new ExportReadError('truncated', 'The file ends inside its XML declaration or a comment', toByte(i));
        return undefined;
      }
      i = end + (text.startsWith('<?', i) ? 2 : 3);
      continue;
    }
    if (text.startsWith('<!DOCTYPE', i) || text.startsWith('<!ENTITY', i)) {
      throw new ExportReadError(
        'doctype-refused',
        'This file declares a DOCTYPE or entities; Export Review refuses such files (csexport never writes them, and entity expansion is a known attack)',
        toByte(i),
      );
    }
    const match = /^<([A-Za-z_:][\w.:-]*)/.exec(text.slice(i, i + 200));
    if (!match) throw new ExportReadError('not-xml', `This is not a well-formed XML file (it has ${describeStart(text, i)})`, toByte(i));
    const name = match[1] as string;
    if (i + match[0].length >= n) {
      // The name may go on in bytes not read yet.
      if (complete) throw new ExportReadError('truncated', 'The file is cut off inside its first tag', toByte(i));
      return undefined;
    }
    if (name !== 'cs-objects') {
      throw new ExportReadError('wrong-root', `This XML file is not a csexport file: its root element is <${name}>, expected <cs-objects>`, toByte(i));
    }
    const gt = text.indexOf('>', i);
    if (gt === -1) {
      if (complete) throw new ExportReadError('truncated', 'The file ends inside the <cs-objects> tag', toByte(i));
      return undefined;
    }
    return { bodyStart: gt + 1, emptyRoot: text.charCodeAt(gt - 1) === 47 /* / */ };
  }
}
