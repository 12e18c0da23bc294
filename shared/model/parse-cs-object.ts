/** One object's bytes, decoded to text, to its record: the per-object step the reader and re-reads share. */
import type { CsObjectRecord, ExportEncoding } from './csexport-model.js';
import { parseXmlElement } from '../xml/xml-fragment.js';
import { charToByteOffset } from '../xml/char-to-byte.js';
import { UNUSED_ELEMENTS, notNeededForRows, toCsObjectRecord } from './cs-object-record.js';
import { ExportReadError } from '../read-errors.js';

export function parseCsObject(text: string, fileOffset: number, byteLength: number, encoding: ExportEncoding, withValuesNowAndAfter = true): CsObjectRecord {
  const toByte = charToByteOffset(text, fileOffset, encoding);
  const element = parseXmlElement(text, toByte, withValuesNowAndAfter ? { skip: UNUSED_ELEMENTS } : { skipWhen: notNeededForRows });
  if (element.name !== 'cs-object') throw new ExportReadError('unexpected-content', `Expected <cs-object>, found <${element.name}>`, fileOffset);
  return toCsObjectRecord(element, { offset: fileOffset, length: byteLength }, withValuesNowAndAfter);
}
