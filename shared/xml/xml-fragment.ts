/**
 * A strict parser for one XML element (one `cs-object`) into a small tree.
 *
 * Why hand-written: measured on this project's 2-core machine, saxes tokenizes at ~49 MB/s with no-op
 * handlers and fast-xml-parser at ~6 MB/s, below the 100 MB/s a 1 GB export needs (see ARCHITECTURE.md).
 * It accepts exactly the XML that csexport writes — elements, attributes, text, the five predefined
 * entities and character references, comments, CDATA — and rejects everything else with a position:
 * DOCTYPE and entity declarations are refused outright, so no entity is ever expanded.
 */
import { ExportReadError, MAX_VALUE_CHARS } from '../read-errors.js';
import type { CharToByteOffset } from './char-to-byte.js';

export interface XmlElement {
  name: string;
  /**
   * Names and values, alternating: `[name, value, name, value, ...]`. A flat array, not an object:
   * csexport elements carry at most a handful of attributes, and building an object per element with
   * computed keys was a measurable part of the parse. Read with `attributeOf`.
   */
  attributes: string[];
  children: XmlElement[];
  /** The element's own text (entities decoded); whitespace between child elements included. */
  text: string;
}

/** The value of attribute `name`, or undefined. */
export function attributeOf(element: XmlElement, name: string): string | undefined {
  const attributes = element.attributes;
  for (let k = 0; k < attributes.length; k += 2) if (attributes[k] === name) return attributes[k + 1];
  return undefined;
}

const PREDEFINED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const ENTITY_PATTERN = /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*)?(;)?/g;

function fail(code: 'malformed-xml' | 'doctype-refused' | 'value-too-large', message: string, charIndex: number, toByte: CharToByteOffset): never {
  throw new ExportReadError(code, message, toByte(charIndex));
}

/** XML 1.0 §2.11: a parser hands on CRLF and lone CR in text as LF (before references are decoded). */
function normalizeLineEnds(raw: string): string {
  return raw.indexOf('\r') === -1 ? raw : raw.replace(/\r\n?/g, '\n');
}

/** XML 1.0 §3.3.3: line ends and tabs in attribute values become spaces. */
function normalizeAttributeSpace(raw: string): string {
  return /[\r\n\t]/.test(raw) ? raw.replace(/\r\n|[\r\n\t]/g, ' ') : raw;
}

/**
 * A value as XML hands it on: `normalize` applied (line ends, or in attributes white space), then
 * references decoded. An error's position is mapped back to the text as written, where each CRLF
 * had become one character and would otherwise put the error too early.
 */
function normalizedValue(raw: string, start: number, toByte: CharToByteOffset, normalize: (raw: string) => string): string {
  const normalized = normalize(raw);
  if (normalized.indexOf('&') === -1) return normalized;
  if (raw.indexOf('\r\n') === -1) return decodeEntities(normalized, start, toByte);
  return decodeEntities(normalized, start, (charIndex) => {
    let r = 0;
    for (let out = start; out < charIndex && r < raw.length; out++) r += raw.charCodeAt(r) === 13 && raw.charCodeAt(r + 1) === 10 ? 2 : 1;
    return toByte(start + r);
  });
}

export function decodeEntities(raw: string, charIndex: number, toByte: CharToByteOffset): string {
  if (raw.indexOf('&') === -1) return raw;
  return raw.replace(ENTITY_PATTERN, (match: string, ref: string | undefined, semicolon: string | undefined, at: number) => {
    if (!ref || !semicolon) fail('malformed-xml', 'Malformed XML: a bare "&" (write it as &amp;)', charIndex + at, toByte);
    if (ref.charCodeAt(0) === 35 /* # */) {
      const code = ref.charCodeAt(1) === 120 /* x */ ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff))
        fail('malformed-xml', `Malformed XML: invalid character reference "${match}"`, charIndex + at, toByte);
      return String.fromCodePoint(code);
    }
    const value = PREDEFINED_ENTITIES[ref];
    if (value === undefined) fail('malformed-xml', `Malformed XML: undeclared entity "${match}" (entities are never expanded)`, charIndex + at, toByte);
    return value;
  });
}

/** Per ASCII code: 2 a name may start with it, 1 it may only continue a name, 0 neither. Beyond ASCII: 2. */
const NAME_CHARS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const start = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58;
  NAME_CHARS[c] = start ? 2 : (c >= 48 && c <= 57) || c === 45 || c === 46 ? 1 : 0;
}

function isNameStart(c: number): boolean {
  return c > 127 || NAME_CHARS[c] === 2;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/**
 * Element and attribute names repeat endlessly (a few dozen distinct ones per file). They are read by
 * walking a trie of the names seen so far, one table step per character, which hands back one string
 * per name: no allocation per tag, pointer-fast comparisons and Set lookups later, and no second pass
 * to check a cached name against the text (measured: that check cost ~15 % of a parse). Names the trie
 * does not hold yet (or has no room for) are scanned and sliced, then added.
 */
const NAME_SYMBOLS = new Uint8Array(128);
let symbolCount = 1;
for (let c = 0; c < 128; c++) if (NAME_CHARS[c] !== 0) NAME_SYMBOLS[c] = symbolCount++;
const TRIE_MAX_NODES = 4096;
/** `trieNext[node * symbolCount + symbol]`: the child node, 0 for none (node 0 is the root). */
const trieNext = new Int32Array(TRIE_MAX_NODES * symbolCount);
const trieNames: Array<string | undefined> = [undefined];
let trieNodes = 1;

function addToTrie(name: string): void {
  let node = 0;
  for (let k = 0; k < name.length; k++) {
    const c = name.charCodeAt(k);
    if (c >= 128) return;
    const slot = node * symbolCount + (NAME_SYMBOLS[c] as number);
    let next = trieNext[slot] as number;
    if (next === 0) {
      if (trieNodes >= TRIE_MAX_NODES) return;
      next = trieNodes++;
      trieNext[slot] = next;
      trieNames.push(undefined);
    }
    node = next;
  }
  // A copy of its own: a slice would keep the whole object's text alive for as long as the trie lives.
  trieNames[node] = name.length > 12 ? Array.from(name).join('') : name;
}

/** Where the name read by the last `readName` ends. */
let nameEnd = 0;

/** Reads the name starting at `start` (its first character already checked); its end is left in `nameEnd`. */
function readName(text: string, start: number): string {
  let node = 0;
  let p = start;
  for (;;) {
    const c = text.charCodeAt(p);
    // Beyond ASCII, or the text's end (NaN): the slow path sorts it out.
    if (!(c < 128)) break;
    const symbol = NAME_SYMBOLS[c] as number;
    if (symbol === 0) {
      const known = trieNames[node];
      if (known !== undefined) {
        nameEnd = p;
        return known;
      }
      break;
    }
    const next = trieNext[node * symbolCount + symbol] as number;
    if (next === 0) break;
    node = next;
    p++;
  }
  const n = text.length;
  while (p < n) {
    const c = text.charCodeAt(p);
    if (c < 128 && NAME_CHARS[c] === 0) break;
    p++;
  }
  nameEnd = p;
  const name = text.slice(start, p);
  addToTrie(name);
  return name;
}

function sameChars(text: string, start: number, candidate: string): boolean {
  for (let k = 0; k < candidate.length; k++) if (text.charCodeAt(start + k) !== candidate.charCodeAt(k)) return false;
  return true;
}

function checkValueSize(length: number, at: number, toByte: CharToByteOffset): void {
  if (length > MAX_VALUE_CHARS) fail('value-too-large', `A value is larger than ${MAX_VALUE_CHARS / 1024 / 1024} MiB; refusing to read it`, at, toByte);
}

/**
 * Most elements (values, bookkeeping) have no attributes or no children: they share these frozen
 * empties, and get their own array on the first attribute or child. Fewer allocations.
 */
const NO_ATTRIBUTES: string[] = Object.freeze([]) as unknown as string[];
const NO_CHILDREN: XmlElement[] = Object.freeze([]) as unknown as XmlElement[];

/** Stand-ins pushed for skipped elements: only their name is used (to check the end tag). */
const skippedStandIns = new Map<string, XmlElement>();

function standIn(name: string): XmlElement {
  let element = skippedStandIns.get(name);
  if (!element) skippedStandIns.set(name, (element = { name, attributes: [], children: [], text: '' }));
  return element;
}

/**
 * The next position of one character at or after a position, found lazily: one forward scan of the
 * text per character over the whole parse, instead of a regex test per value. `text.length` when none.
 */
class NextChar {
  private at = -1;
  constructor(
    private readonly text: string,
    private readonly char: string,
  ) {}

  from(i: number): number {
    if (this.at < i) {
      const found = this.text.indexOf(this.char, i);
      this.at = found === -1 ? this.text.length : found;
    }
    return this.at;
  }
}

export interface ParseOptions {
  /** Elements checked as strictly as any other, but not kept. */
  skip?: ReadonlySet<string>;
  /**
   * Elements the caller will never read, decided from the start tag: the parser jumps to their end
   * tag (by scan) instead of parsing what is inside. Used only where speed matters more than checking
   * content nobody reads (the bulk pass for grid rows); details re-read objects without it.
   */
  jumpOver?: (element: XmlElement, parent: XmlElement | undefined) => boolean;
}

const endTags = new Map<string, string>();

/**
 * Where `name`'s end tag is, by scan. Had a same-name element nested inside, this would be the inner
 * one's end tag, and the outer end tag then fails the parent's end-tag check: an error, never a silent
 * misreading. No element csexport writes nests inside one of its own name.
 */
function endTagAfter(text: string, name: string, from: number): number {
  let tag = endTags.get(name);
  if (tag === undefined) endTags.set(name, (tag = `</${name}>`));
  return text.indexOf(tag, from);
}

/**
 * Parses `text`, which must hold exactly one element (whitespace and comments around it allowed).
 * Elements named in `skip` (and all inside them) are checked as strictly but not kept: no objects are
 * made for them, which is most of the saving on csexport's bookkeeping elements.
 */
export function parseXmlElement(text: string, toByte: CharToByteOffset, options: ParseOptions = {}): XmlElement {
  const { skip, jumpOver } = options;
  const n = text.length;
  // XML allows no U+0000 anywhere; rows travel between threads joined by it (packed-rows.ts).
  const nul = text.indexOf('\u0000');
  if (nul !== -1) fail('malformed-xml', 'Malformed XML: a NUL character (U+0000), which XML does not allow', nul, toByte);
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let i = 0;
  let skipDepth = 0;
  const lts = new NextChar(text, '<');
  const amps = new NextChar(text, '&');
  const crs = new NextChar(text, '\r');
  const lfs = new NextChar(text, '\n');
  const tabs = new NextChar(text, '\t');

  while (i < n) {
    const lt = lts.from(i);
    if (lt > i) {
      const top = stack[stack.length - 1];
      if (top) {
        checkValueSize(lt - i + top.text.length, i, toByte);
        const raw = text.slice(i, lt);
        const value = amps.from(i) < lt || crs.from(i) < lt ? normalizedValue(raw, i, toByte, normalizeLineEnds) : raw;
        if (skipDepth === 0) top.text = top.text === '' ? value : top.text + value;
      } else {
        for (let k = i; k < lt; k++) if (!isSpace(text.charCodeAt(k))) fail('malformed-xml', 'Malformed XML: text outside an element', k, toByte);
      }
    }
    if (lt >= n) break;
    const c = text.charCodeAt(lt + 1);

    if (c === 47 /* / */) {
      const open = stack.pop();
      const nameStart = lt + 2;
      // The usual case, `</name>` exactly, compared in place: no string is made for an end tag.
      if (open !== undefined && text.charCodeAt(nameStart + open.name.length) === 62 /* > */ && sameChars(text, nameStart, open.name)) {
        // Skipped elements sit on top of the stack, so while skipping every pop is a stand-in.
        if (skipDepth > 0) skipDepth--;
        i = nameStart + open.name.length + 1;
        continue;
      }
      const gt = text.indexOf('>', lt);
      if (gt === -1) fail('malformed-xml', 'Malformed XML: unclosed end tag', lt, toByte);
      let nameEnd = gt;
      while (nameEnd > nameStart && isSpace(text.charCodeAt(nameEnd - 1))) nameEnd--;
      if (!open || nameEnd - nameStart !== open.name.length || !text.startsWith(open.name, nameStart)) {
        const name = text.slice(nameStart, nameEnd);
        if (!open) fail('malformed-xml', `Malformed XML: end tag </${name}> without a start tag`, lt, toByte);
        fail('malformed-xml', `Malformed XML: <${open.name}> is closed by </${name}>`, lt, toByte);
      }
      if (skipDepth > 0) skipDepth--;
      i = gt + 1;
      continue;
    }

    if (c === 33 /* ! */) {
      if (text.startsWith('<!--', lt)) {
        const end = text.indexOf('-->', lt + 4);
        if (end === -1) fail('malformed-xml', 'Malformed XML: unclosed comment', lt, toByte);
        i = end + 3;
        continue;
      }
      if (text.startsWith('<![CDATA[', lt)) {
        const end = text.indexOf(']]>', lt + 9);
        const top = stack[stack.length - 1];
        if (end === -1 || !top) fail('malformed-xml', 'Malformed XML: CDATA section outside an element or unclosed', lt, toByte);
        checkValueSize(end - lt + top.text.length, lt, toByte);
        if (skipDepth === 0) top.text += normalizeLineEnds(text.slice(lt + 9, end));
        i = end + 3;
        continue;
      }
      if (text.startsWith('<!DOCTYPE', lt) || text.startsWith('<!ENTITY', lt)) {
        fail('doctype-refused', 'This file declares a DOCTYPE or entities; Export Review refuses such files (csexport never writes them)', lt, toByte);
      }
      fail('malformed-xml', 'Malformed XML: unknown markup "<!"', lt, toByte);
    }

    if (c === 63 /* ? */) {
      const end = text.indexOf('?>', lt + 2);
      if (end === -1) fail('malformed-xml', 'Malformed XML: unclosed processing instruction', lt, toByte);
      i = end + 2;
      continue;
    }

    // Start tag.
    if (!isNameStart(c)) fail('malformed-xml', 'Malformed XML: "<" that does not start a tag (write it as &lt;)', lt, toByte);
    const name = readName(text, lt + 1);
    let p = nameEnd;
    const skipped = skipDepth > 0 || (skip !== undefined && skip.has(name));
    const element: XmlElement = skipped ? standIn(name) : { name, attributes: NO_ATTRIBUTES, children: NO_CHILDREN, text: '' };
    let selfClosing = false;
    for (;;) {
      const spaceStart = p;
      while (p < n && isSpace(text.charCodeAt(p))) p++;
      if (p >= n) fail('malformed-xml', `Malformed XML: unclosed start tag <${element.name}>`, lt, toByte);
      const ch = text.charCodeAt(p);
      if (ch === 62 /* > */) {
        p++;
        break;
      }
      if (ch === 47 /* / */ && text.charCodeAt(p + 1) === 62) {
        selfClosing = true;
        p += 2;
        break;
      }
      if (p === spaceStart || !isNameStart(ch)) fail('malformed-xml', `Malformed XML: bad attribute syntax in <${element.name}>`, p, toByte);
      const nameStart = p;
      const attrName = readName(text, p);
      p = nameEnd;
      while (p < n && isSpace(text.charCodeAt(p))) p++;
      if (text.charCodeAt(p) !== 61 /* = */) fail('malformed-xml', `Malformed XML: attribute "${attrName}" has no value`, p, toByte);
      p++;
      while (p < n && isSpace(text.charCodeAt(p))) p++;
      const quote = text.charCodeAt(p);
      if (quote !== 34 && quote !== 39) fail('malformed-xml', `Malformed XML: attribute "${attrName}" value is not quoted`, p, toByte);
      const valueStart = p + 1;
      const valueEnd = text.indexOf(quote === 34 ? '"' : "'", valueStart);
      if (valueEnd === -1) fail('malformed-xml', `Malformed XML: unclosed attribute value for "${attrName}"`, p, toByte);
      checkValueSize(valueEnd - valueStart, p, toByte);
      if (lts.from(valueStart) < valueEnd) fail('malformed-xml', `Malformed XML: "<" inside the value of attribute "${attrName}"`, p, toByte);
      let value = text.slice(valueStart, valueEnd);
      if (amps.from(valueStart) < valueEnd || crs.from(valueStart) < valueEnd || lfs.from(valueStart) < valueEnd || tabs.from(valueStart) < valueEnd) {
        value = normalizedValue(value, valueStart, toByte, normalizeAttributeSpace);
      }
      if (!skipped) {
        if (element.attributes === NO_ATTRIBUTES) element.attributes = [attrName, value];
        else {
          if (attributeOf(element, attrName) !== undefined) fail('malformed-xml', `Malformed XML: attribute "${attrName}" appears twice`, nameStart, toByte);
          element.attributes.push(attrName, value);
        }
      }
      p = valueEnd + 1;
    }
    const parent = stack[stack.length - 1];
    if (!skipped && !selfClosing && jumpOver?.(element, parent)) {
      const close = endTagAfter(text, name, p);
      if (close !== -1) {
        i = close + name.length + 3;
        continue;
      }
    }
    if (parent) {
      if (!skipped) {
        if (parent.children === NO_CHILDREN) parent.children = [element];
        else parent.children.push(element);
      }
    } else if (root) fail('malformed-xml', `Malformed XML: a second top-level element <${element.name}>`, lt, toByte);
    else root = element;
    if (!selfClosing) {
      stack.push(element);
      if (skipped) skipDepth++;
    }
    i = p;
  }

  const unclosed = stack[stack.length - 1];
  if (unclosed) fail('malformed-xml', `Malformed XML: <${unclosed.name}> is never closed`, n, toByte);
  if (!root) fail('malformed-xml', 'Malformed XML: no element found', 0, toByte);
  return root;
}
