/**
 * Splits the bytes of a csexport file into one slice per `cs-object`, by byte scan (Buffer.indexOf,
 * ~1 GB/s), without decoding or parsing anything in between. Checks the frame as it goes: only
 * whitespace and comments between objects, `</cs-objects>` at the end, nothing after it.
 */
import type { ExportEncoding } from '../model/csexport-model.js';
import { ExportReadError, MAX_OBJECT_BYTES } from '../read-errors.js';

export interface ObjectSlice {
  bytes: Buffer;
  /** Byte offset of `<cs-object` in the file. */
  offset: number;
}

function encode(text: string, encoding: ExportEncoding): Buffer {
  if (encoding === 'utf-8') return Buffer.from(text, 'latin1');
  const le = Buffer.from(text, 'utf16le');
  return encoding === 'utf-16le' ? le : le.swap16();
}

/** For samples and the prolog, where a chunk may end inside a character. */
export function decodeLeniently(bytes: Uint8Array, encoding: ExportEncoding): string {
  return new TextDecoder(encoding).decode(bytes);
}

type State = 'body' | 'epilog';

export class CsObjectSplitter {
  private readonly unit: number;
  private readonly open: Buffer;
  private readonly close: Buffer;
  /** UTF-8: the end tag's tail, searched for on its own (see findClose). */
  private readonly closeTail: Buffer;
  private readonly rootClose: Buffer;
  private readonly commentOpen: Buffer;
  private readonly commentClose: Buffer;
  private readonly gt: Buffer;
  private buffer: Buffer = Buffer.alloc(0);
  /** File offset of buffer[0]. */
  private bufferOffset: number;
  private state: State;

  constructor(
    private readonly encoding: ExportEncoding,
    /** File offset where the body (after `<cs-objects>`) starts. */
    bodyOffset: number,
    emptyRoot: boolean,
  ) {
    this.unit = encoding === 'utf-8' ? 1 : 2;
    this.open = encode('<cs-object', encoding);
    this.close = encode('</cs-object>', encoding);
    this.closeTail = encode('bject>', encoding);
    this.rootClose = encode('</cs-objects', encoding);
    this.commentOpen = encode('<!--', encoding);
    this.commentClose = encode('-->', encoding);
    this.gt = encode('>', encoding);
    this.bufferOffset = bodyOffset;
    this.state = emptyRoot ? 'epilog' : 'body';
  }

  /** Bytes handed to `push` and not yet returned as slices or skipped. */
  get pendingBytes(): number {
    return this.buffer.length;
  }

  push(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
  }

  /**
   * A fresh buffer that starts with the bytes not yet taken and has `room` bytes free after them: read
   * the next chunk into it at `at`, then hand it back with `filled`. Copies only the unfinished object,
   * where `push` would copy the whole chunk as well.
   */
  bufferWithRoom(room: number): { buffer: Buffer; at: number } {
    const buffer = Buffer.allocUnsafe(this.buffer.length + room);
    this.buffer.copy(buffer, 0);
    return { buffer, at: this.buffer.length };
  }

  filled(buffer: Buffer): void {
    this.buffer = buffer;
  }

  private isSpaceAt(i: number): boolean {
    const b =
      this.unit === 1
        ? this.buffer[i]
        : this.encoding === 'utf-16le'
          ? this.buffer[i + 1] === 0
            ? this.buffer[i]
            : -1
          : this.buffer[i] === 0
            ? this.buffer[i + 1]
            : -1;
    return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
  }

  private startsWith(pattern: Buffer, i: number): boolean {
    return this.buffer.length - i >= pattern.length && this.buffer.compare(pattern, 0, pattern.length, i, i + pattern.length) === 0;
  }

  /** indexOf that, in UTF-16, ignores matches straddling two code units. */
  private find(pattern: Buffer, from: number): number {
    let i = this.buffer.indexOf(pattern, from);
    while (i !== -1 && this.unit === 2 && (this.bufferOffset + i) % 2 !== this.bufferOffset % 2) i = this.buffer.indexOf(pattern, i + 1);
    return i;
  }

  /**
   * Where the next `</cs-object>` starts. In UTF-8, Buffer.indexOf finds a pattern shorter than 7
   * bytes by memchr on its first byte: `bject>` starts with a byte that is rare in csexport, so
   * searching for it and checking the bytes before is much faster than searching the whole tag,
   * whose first byte `<` opens every tag (figures: ARCHITECTURE.md).
   */
  private findClose(from: number): number {
    if (this.unit === 2) return this.find(this.close, from);
    const head = this.close.length - this.closeTail.length;
    for (let tail = this.buffer.indexOf(this.closeTail, from + head); tail !== -1; tail = this.buffer.indexOf(this.closeTail, tail + 1)) {
      if (this.buffer.compare(this.close, 0, head, tail - head, tail) === 0) return tail - head;
    }
    return -1;
  }

  private unexpected(i: number, where: string): never {
    const sample = decodeLeniently(this.buffer.subarray(i, Math.min(this.buffer.length, i + 40 * this.unit)), this.encoding).replace(/\s+/g, ' ');
    throw new ExportReadError('unexpected-content', `Unexpected content ${where}: ${JSON.stringify(sample)}`, this.bufferOffset + i);
  }

  /** Returns the complete objects now in the buffer; `final` says no more bytes will come. */
  take(final: boolean): ObjectSlice[] {
    const slices: ObjectSlice[] = [];
    let i = 0;
    const length = this.buffer.length;
    for (;;) {
      while (i < length && this.isSpaceAt(i)) i += this.unit;
      if (i >= length) break;
      if (this.startsWith(this.commentOpen, i)) {
        const end = this.find(this.commentClose, i + this.commentOpen.length);
        if (end === -1) break;
        i = end + this.commentClose.length;
        continue;
      }
      if (this.state === 'epilog') this.unexpected(i, 'after </cs-objects>');
      if (this.startsWith(this.rootClose, i)) {
        const end = this.find(this.gt, i);
        if (end === -1) break;
        this.state = 'epilog';
        i = end + this.unit;
        continue;
      }
      if (this.startsWith(this.open, i) && length - i > this.open.length) {
        if (!this.isSpaceAt(i + this.open.length) && !this.startsWith(this.gt, i + this.open.length)) this.unexpected(i, 'between objects');
        const end = this.findClose(i + this.open.length);
        if (end === -1) {
          if (length - i > MAX_OBJECT_BYTES) {
            throw new ExportReadError(
              'object-too-large',
              `A <cs-object> is larger than ${MAX_OBJECT_BYTES / 1024 / 1024} MiB (or is never closed); refusing to read it`,
              this.bufferOffset + i,
            );
          }
          break;
        }
        const stop = end + this.close.length;
        slices.push({ bytes: this.buffer.subarray(i, stop), offset: this.bufferOffset + i });
        i = stop;
        continue;
      }
      // Not enough bytes yet to tell what this is.
      if (!final && length - i < this.rootClose.length + this.unit) break;
      this.unexpected(i, 'between objects');
    }
    this.buffer = this.buffer.subarray(i);
    this.bufferOffset += i;
    if (final) this.finish();
    return slices;
  }

  private finish(): void {
    if (this.state === 'epilog' && this.buffer.length === 0) return;
    const at = this.bufferOffset;
    if (this.startsWith(this.open, 0)) throw new ExportReadError('truncated', 'The file is cut off: a <cs-object> is never closed', at);
    if (this.state === 'epilog') throw new ExportReadError('truncated', 'The file is cut off inside a comment after </cs-objects>', at);
    throw new ExportReadError('truncated', 'The file is cut off: it ends before </cs-objects>', at + this.buffer.length);
  }
}
