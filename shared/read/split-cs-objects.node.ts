/**
 * Splits the bytes of a csexport file into one slice per `cs-object`, by byte scan (Buffer.indexOf,
 * ~1 GB/s), without parsing the objects. Checks the frame as it goes: only whitespace, comments and
 * processing instructions between objects (each checked as XML asks), `</cs-objects>` at the end,
 * nothing but those after it. An object ends at `</cs-object>` (with any whitespace before the `>`)
 * that is not inside one of its comments, CDATA sections or processing instructions.
 */
import type { ExportEncoding } from '../model/csexport-model.js';
import { ExportReadError, MAX_OBJECT_BYTES, quoteInput } from '../read-errors.js';
import { checkCommentOrInstruction } from '../xml/check-misc.js';
import { charToByteOffset } from '../xml/char-to-byte.js';

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
  /** `</cs-object`: an object's end tag before its optional whitespace and `>`. */
  private readonly closeName: Buffer;
  /** What is searched for to find `closeName` (see findCloseTag), and how far into it that starts. */
  private readonly closeProbe: Buffer;
  private readonly closeProbeAt: number;
  private readonly rootClose: Buffer;
  private readonly commentOpen: Buffer;
  private readonly commentClose: Buffer;
  private readonly instructionOpen: Buffer;
  private readonly instructionClose: Buffer;
  private readonly cdataOpen: Buffer;
  private readonly cdataClose: Buffer;
  /** The second characters of `<!` and `<?`, rare in csexport (see findMarkupOpen). */
  private readonly markupMarks: readonly Buffer[];
  private readonly lt: Buffer;
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
    this.closeName = encode('</cs-object', encoding);
    this.closeProbe = encode(this.unit === 1 ? 'bject' : '</cs-object', encoding);
    this.closeProbeAt = this.closeName.length - this.closeProbe.length;
    this.rootClose = encode('</cs-objects', encoding);
    this.commentOpen = encode('<!--', encoding);
    this.commentClose = encode('-->', encoding);
    this.instructionOpen = encode('<?', encoding);
    this.instructionClose = encode('?>', encoding);
    this.cdataOpen = encode('<![CDATA[', encoding);
    this.cdataClose = encode(']]>', encoding);
    this.markupMarks = [encode('!', encoding), encode('?', encoding)];
    this.lt = encode('<', encoding);
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

  /** indexOf before `to` that, in UTF-16, ignores matches straddling two code units. */
  private find(pattern: Buffer, from: number, to = this.buffer.length): number {
    const within = to < this.buffer.length ? this.buffer.subarray(0, to) : this.buffer;
    let i = within.indexOf(pattern, from);
    while (i !== -1 && this.unit === 2 && (this.bufferOffset + i) % 2 !== this.bufferOffset % 2) i = within.indexOf(pattern, i + 1);
    return i;
  }

  /**
   * The next `</cs-object` followed by optional whitespace and `>`, from `from`: where it starts and
   * where it stops; undefined when the bytes so far hold none. In UTF-8, Buffer.indexOf finds a
   * pattern shorter than 7 bytes by memchr on its first byte: the `b` of the tail `bject` is rare in
   * csexport, where `<` opens every tag, so the tail is searched and the bytes around it checked
   * (figures: ARCHITECTURE.md).
   */
  private findCloseTag(from: number): { start: number; stop: number } | undefined {
    const name = this.closeName.length;
    for (let at = this.find(this.closeProbe, from); at !== -1; at = this.find(this.closeProbe, at + this.unit)) {
      const start = at - this.closeProbeAt;
      const afterName = start + name;
      if (start >= from && this.buffer.compare(this.closeName, 0, name, start, afterName) === 0) {
        let p = afterName;
        while (p < this.buffer.length && this.isSpaceAt(p)) p += this.unit;
        if (p >= this.buffer.length) return undefined;
        if (this.startsWith(this.gt, p)) return { start, stop: p + this.unit };
      }
    }
    return undefined;
  }

  /** The first `<!` or `<?` in [from, to), found by its rare second character; -1 for none. */
  private findMarkupOpen(from: number, to: number): number {
    let first = -1;
    for (const mark of this.markupMarks) {
      for (let at = this.find(mark, from + this.unit, to + 2 * this.unit); at !== -1; at = this.find(mark, at + this.unit, to + 2 * this.unit)) {
        if (this.startsWith(this.lt, at - this.unit)) {
          if (first === -1 || at - this.unit < first) first = at - this.unit;
          break;
        }
      }
    }
    return first;
  }

  /** Where the comment, CDATA section or processing instruction at `at` stops; -1 when not all here yet. */
  private markupStop(at: number): number {
    const [close, skip] = this.startsWith(this.commentOpen, at)
      ? [this.commentClose, this.commentOpen.length]
      : this.startsWith(this.cdataOpen, at)
        ? [this.cdataClose, this.cdataOpen.length]
        : this.startsWith(this.instructionOpen, at)
          ? [this.instructionClose, this.instructionOpen.length]
          : [undefined, 2 * this.unit];
    if (!close) return at + skip; // other `<!…` markup: the parser refuses it
    const end = this.find(close, at + skip);
    return end === -1 ? -1 : end + close.length;
  }

  /** The end of the object that starts at `start`: its close tag outside any comment, CDATA or PI. */
  private findObjectEnd(start: number): { start: number; stop: number } | undefined {
    let from = start + this.open.length;
    for (;;) {
      const close = this.findCloseTag(from);
      if (!close) return undefined;
      const markup = this.findMarkupOpen(from, close.start);
      if (markup === -1) return close;
      const stop = this.markupStop(markup);
      if (stop === -1) return undefined;
      from = stop;
    }
  }

  private unexpected(i: number, where: string): never {
    const sample = decodeLeniently(this.buffer.subarray(i, Math.min(this.buffer.length, i + 40 * this.unit)), this.encoding);
    throw new ExportReadError('unexpected-content', `Unexpected content ${where}: ${quoteInput(sample)}`, this.bufferOffset + i);
  }

  /** Markup still open at the buffer's end may not run on past an object's size limit. */
  private refuseIfUnbounded(i: number, what: string): void {
    if (this.buffer.length - i > MAX_OBJECT_BYTES)
      throw new ExportReadError(
        'object-too-large',
        `A ${what} is larger than ${MAX_OBJECT_BYTES / 1024 / 1024} MiB (or is never closed); refusing to read it`,
        this.bufferOffset + i,
      );
  }

  /** A comment or processing instruction between objects or after the root: decoded and checked. */
  private checkMisc(i: number, stop: number): void {
    const bytes = this.buffer.subarray(i, stop);
    let text: string;
    try {
      text = new TextDecoder(this.encoding, { fatal: true }).decode(bytes);
    } catch {
      throw new ExportReadError(
        'invalid-encoding',
        `A comment or processing instruction between objects is not valid ${this.encoding.toUpperCase()}`,
        this.bufferOffset + i,
      );
    }
    checkCommentOrInstruction(text, charToByteOffset(text, this.bufferOffset + i, this.encoding));
  }

  /** `</cs-objects` with only whitespace before its `>`; the stop, -1 when not all here yet. */
  private rootCloseStop(i: number): number {
    let p = i + this.rootClose.length;
    while (p < this.buffer.length && this.isSpaceAt(p)) p += this.unit;
    if (p >= this.buffer.length) return -1;
    if (!this.startsWith(this.gt, p)) this.unexpected(i, 'in the </cs-objects> end tag');
    return p + this.unit;
  }

  /** Returns the complete objects now in the buffer; `final` says no more bytes will come. */
  take(final: boolean): ObjectSlice[] {
    const slices: ObjectSlice[] = [];
    let i = 0;
    const length = this.buffer.length;
    for (;;) {
      while (i < length && this.isSpaceAt(i)) i += this.unit;
      if (i >= length) break;
      if (this.startsWith(this.commentOpen, i) || this.startsWith(this.instructionOpen, i)) {
        const stop = this.markupStop(i);
        if (stop === -1) {
          this.refuseIfUnbounded(i, 'comment or processing instruction');
          break;
        }
        this.checkMisc(i, stop);
        i = stop;
        continue;
      }
      if (this.state === 'epilog') this.unexpected(i, 'after </cs-objects>');
      if (this.startsWith(this.rootClose, i) && length - i > this.rootClose.length) {
        const after = i + this.rootClose.length;
        if (!this.startsWith(this.gt, after) && !this.isSpaceAt(after)) this.unexpected(i, 'between objects');
        const stop = this.rootCloseStop(i);
        if (stop === -1) break;
        this.state = 'epilog';
        i = stop;
        continue;
      }
      if (this.startsWith(this.open, i) && length - i > this.open.length) {
        if (!this.isSpaceAt(i + this.open.length) && !this.startsWith(this.gt, i + this.open.length)) this.unexpected(i, 'between objects');
        const end = this.findObjectEnd(i);
        if (!end) {
          if (length - i > MAX_OBJECT_BYTES) {
            throw new ExportReadError(
              'object-too-large',
              `A <cs-object> is larger than ${MAX_OBJECT_BYTES / 1024 / 1024} MiB (or is never closed); refusing to read it`,
              this.bufferOffset + i,
            );
          }
          break;
        }
        slices.push({ bytes: this.buffer.subarray(i, end.stop), offset: this.bufferOffset + i });
        i = end.stop;
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
    if (this.startsWith(this.commentOpen, 0) || this.startsWith(this.instructionOpen, 0))
      throw new ExportReadError('truncated', 'The file is cut off inside a comment or processing instruction', at);
    if (this.state === 'epilog') throw new ExportReadError('truncated', 'The file is cut off inside the </cs-objects> end tag', at);
    throw new ExportReadError('truncated', 'The file is cut off: it ends before </cs-objects>', at + this.buffer.length);
  }
}
