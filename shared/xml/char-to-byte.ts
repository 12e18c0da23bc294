/** Maps a character index in decoded text back to a byte offset in the file, for error messages. */
import type { ExportEncoding } from '../model/csexport-model.js';

/** Positions are character indexes in a decoded fragment; the caller maps them to file bytes. */
export type CharToByteOffset = (charIndex: number) => number;

const encoder = new TextEncoder();

/** `text` starts at byte `fileOffset`. UTF-16: two bytes a code unit, exactly; UTF-8: measured only when an error asks. */
export function charToByteOffset(text: string, fileOffset: number, encoding: ExportEncoding): CharToByteOffset {
  return encoding === 'utf-8' ? (charIndex) => fileOffset + encoder.encode(text.slice(0, charIndex)).length : (charIndex) => fileOffset + 2 * charIndex;
}
