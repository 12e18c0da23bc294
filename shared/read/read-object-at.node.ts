/** Re-reads one object by its byte range, without reading the rest of the file (details on demand). */
import { open } from 'node:fs/promises';
import type { ByteRange, CsObjectRecord } from '../model/csexport-model.js';
import { detectEncoding } from '../xml/detect-encoding.js';
import { parseBatch } from './parse-batch.js';
import { fingerprintChange } from '../review/fingerprint.node.js';
import { ExportReadError, MAX_OBJECT_BYTES } from '../read-errors.js';

export async function readObjectAt(path: string, range: ByteRange): Promise<CsObjectRecord> {
  if (!Number.isSafeInteger(range.offset) || !Number.isSafeInteger(range.length) || range.offset < 0 || range.length <= 0 || range.length > MAX_OBJECT_BYTES) {
    throw new ExportReadError('io-error', 'Invalid object position');
  }
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    const { encoding } = detectEncoding(head);
    const bytes = new Uint8Array(range.length);
    const { bytesRead } = await handle.read(bytes, 0, range.length, range.offset);
    if (bytesRead !== range.length) throw new ExportReadError('truncated', 'The file changed since it was read: the object is no longer there', range.offset);
    const [record] = parseBatch({ id: 0, output: 'records', encoding, bytes, slices: [[0, range.length, range.offset]] }, fingerprintChange);
    if (!record) throw new ExportReadError('unexpected-content', 'No object at this position', range.offset);
    return record;
  } finally {
    await handle.close();
  }
}
