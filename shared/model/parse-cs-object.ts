/** One object's bytes, decoded to text, to its record: the per-object step the reader and re-reads share. */
import type { CsObjectRecord, ExportEncoding } from './csexport-model.js';
import { parseXmlElement, type CharToByteOffset } from '../xml/xml-fragment.js';
import { UNUSED_ELEMENTS, notNeededForRows, toCsObjectRecord } from './cs-object-record.js';
import { ExportReadError } from '../read-errors.js';

const encoder = new TextEncoder();

/** Maps a character index in `text` back to a byte offset in the file. */
export function charToByteMapper(text: string, fileOffset: number, encoding: ExportEncoding): CharToByteOffset {
  // UTF-16: one code unit is two bytes, exactly. UTF-8: measured only when an error needs it.
  return encoding === 'utf-8' ? (charIndex) => fileOffset + encoder.encode(text.slice(0, charIndex)).length : (charIndex) => fileOffset + 2 * charIndex;
}

export function parseCsObject(text: string, fileOffset: number, byteLength: number, encoding: ExportEncoding, withValuesNowAndAfter = true): CsObjectRecord {
  const toByte = charToByteMapper(text, fileOffset, encoding);
  const element = parseXmlElement(text, toByte, withValuesNowAndAfter ? { skip: UNUSED_ELEMENTS } : { jumpOver: notNeededForRows });
  if (element.name !== 'cs-object') throw new ExportReadError('unexpected-content', `Expected <cs-object>, found <${element.name}>`, fileOffset);
  return toCsObjectRecord(element, { offset: fileOffset, length: byteLength }, withValuesNowAndAfter);
}
