/** One object's bytes, decoded to text, to its record: the per-object step the reader and re-reads share. */
import type { CsObjectRecord, ExportEncoding } from './csexport-model.js';
import { parseXmlElement, type XmlElement } from '../xml/xml-fragment.js';
import { charToByteOffset } from '../xml/char-to-byte.js';
import { UNUSED_ELEMENTS, notNeededForRows, toCsObjectRecord, valuesNowSkipper, type RecordDetail } from './cs-object-record.js';
import { ExportReadError } from '../read-errors.js';

export type { RecordDetail };

export function parseCsObject(text: string, fileOffset: number, byteLength: number, encoding: ExportEncoding, detail: RecordDetail = 'full'): CsObjectRecord {
  const toByte = charToByteOffset(text, fileOffset, encoding);
  let element: XmlElement;
  if (detail === 'row-and-values-now') {
    const skipper = valuesNowSkipper();
    element = parseXmlElement(text, toByte, { skipWhen: skipper.skipWhen });
    // An object laid out otherwise than csexport writes it: read whole rather than without its values now.
    if (skipper.missedValuesNow()) return parseCsObject(text, fileOffset, byteLength, encoding, 'full');
  } else element = parseXmlElement(text, toByte, detail === 'full' ? { skip: UNUSED_ELEMENTS } : { skipWhen: notNeededForRows });
  if (element.name !== 'cs-object') throw new ExportReadError('unexpected-content', `Expected <cs-object>, found <${element.name}>`, fileOffset);
  return toCsObjectRecord(element, { offset: fileOffset, length: byteLength }, detail);
}
