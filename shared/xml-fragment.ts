/**
 * A strict parser for one XML element (one `cs-object`) into a small tree.
 *
 * Why hand-written: measured on this project's 2-core machine, saxes tokenizes at ~49 MB/s with no-op
 * handlers and fast-xml-parser at ~6 MB/s, below the 100 MB/s a 1 GB export needs (see ARCHITECTURE.md).
 * It accepts exactly the XML that csexport writes — elements, attributes, text, the five predefined
 * entities and character references, comments, CDATA — and rejects everything else with a position:
 * DOCTYPE and entity declarations are refused outright, so no entity is ever expanded.
 */
import { ExportReadError, MAX_VALUE_CHARS } from './read-errors.js';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (entities decoded); whitespace between child elements included. */
  text: string;
}

/** Positions are character indexes in the fragment; the caller maps them to file bytes. */
export type CharToByteOffset = (charIndex: number) => number;

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

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58 || c > 127;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/**
 * Element and attribute names repeat endlessly (a few dozen distinct ones per file): reusing one string
 * per name saves an allocation per tag and makes later comparisons pointer-fast. Bounded.
 */
const internedNames = new Map<number, string[]>();
let internedCount = 0;

function internName(text: string, start: number, end: number): string {
  const key = text.charCodeAt(start) * 256 + (end - start);
  const candidates = internedNames.get(key);
  if (candidates) {
    for (const candidate of candidates) if (text.startsWith(candidate, start)) return candidate;
  }
  const name = text.slice(start, end);
  if (internedCount < 4096) {
    internedCount++;
    if (candidates) candidates.push(name);
    else internedNames.set(key, [name]);
  }
  return name;
}

function checkValueSize(length: number, at: number, toByte: CharToByteOffset): void {
  if (length > MAX_VALUE_CHARS) fail('value-too-large', `A value is larger than ${MAX_VALUE_CHARS / 1024 / 1024} MiB; refusing to read it`, at, toByte);
}

/** Parses `text`, which must hold exactly one element (whitespace and comments around it allowed). */
/**
 * Most elements (values, bookkeeping) have no attributes or no children: they share these frozen
 * empties, and get their own object or array on the first attribute or child. Fewer allocations.
 */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;
const NO_CHILDREN: XmlElement[] = Object.freeze([]) as unknown as XmlElement[];

/** Stand-ins pushed for skipped elements: only their name is used (to check the end tag). */
const skippedStandIns = new Map<string, XmlElement>();

function standIn(name: string): XmlElement {
  let element = skippedStandIns.get(name);
  if (!element) skippedStandIns.set(name, (element = { name, attributes: {}, children: [], text: '' }));
  return element;
}

const ATTRIBUTE_NEEDS_WORK = /[<&\r\n\t]/;
const TEXT_NEEDS_WORK = /[&\r]/;

function attributeValue(rawValue: string, attrName: string, at: number, toByte: CharToByteOffset): string {
  if (!ATTRIBUTE_NEEDS_WORK.test(rawValue)) return rawValue;
  if (rawValue.indexOf('<') !== -1) fail('malformed-xml', `Malformed XML: "<" inside the value of attribute "${attrName}"`, at, toByte);
  return decodeEntities(normalizeAttributeSpace(rawValue), at + 1, toByte);
}

function textValue(raw: string, at: number, toByte: CharToByteOffset): string {
  return TEXT_NEEDS_WORK.test(raw) ? decodeEntities(normalizeLineEnds(raw), at, toByte) : raw;
}

/**
 * Parses `text`, which must hold exactly one element (whitespace and comments around it allowed).
 * Elements named in `skip` (and all inside them) are checked as strictly but not kept: no objects are
 * made for them, which is most of the saving on csexport's bookkeeping elements.
 */
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

export function parseXmlElement(text: string, toByte: CharToByteOffset, options: ParseOptions = {}): XmlElement {
  const { skip, jumpOver } = options;
  const n = text.length;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let i = 0;
  let skipDepth = 0;

  while (i < n) {
    const lt = text.indexOf('<', i);
    const textEnd = lt === -1 ? n : lt;
    if (textEnd > i) {
      const top = stack[stack.length - 1];
      if (top) {
        checkValueSize(textEnd - i + top.text.length, i, toByte);
        const value = textValue(text.slice(i, textEnd), i, toByte);
        if (skipDepth === 0) top.text += value;
      } else {
        for (let k = i; k < textEnd; k++) if (!isSpace(text.charCodeAt(k))) fail('malformed-xml', 'Malformed XML: text outside an element', k, toByte);
      }
    }
    if (lt === -1) break;
    const c = text.charCodeAt(lt + 1);

    if (c === 47 /* / */) {
      const gt = text.indexOf('>', lt);
      if (gt === -1) fail('malformed-xml', 'Malformed XML: unclosed end tag', lt, toByte);
      let nameEnd = gt;
      while (nameEnd > lt + 2 && isSpace(text.charCodeAt(nameEnd - 1))) nameEnd--;
      const open = stack.pop();
      // Compare in place: no string is made for an end tag unless it is wrong.
      if (!open || nameEnd - (lt + 2) !== open.name.length || !text.startsWith(open.name, lt + 2)) {
        const name = text.slice(lt + 2, nameEnd);
        if (!open) fail('malformed-xml', `Malformed XML: end tag </${name}> without a start tag`, lt, toByte);
        fail('malformed-xml', `Malformed XML: <${open.name}> is closed by </${name}>`, lt, toByte);
      }
      // Skipped elements sit on top of the stack, so while skipping every pop is a stand-in.
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
    let p = lt + 2;
    while (p < n && isNameChar(text.charCodeAt(p))) p++;
    const name = internName(text, lt + 1, p);
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
      while (p < n && isNameChar(text.charCodeAt(p))) p++;
      const attrName = internName(text, nameStart, p);
      while (p < n && isSpace(text.charCodeAt(p))) p++;
      if (text.charCodeAt(p) !== 61 /* = */) fail('malformed-xml', `Malformed XML: attribute "${attrName}" has no value`, p, toByte);
      p++;
      while (p < n && isSpace(text.charCodeAt(p))) p++;
      const quote = text.charCodeAt(p);
      if (quote !== 34 && quote !== 39) fail('malformed-xml', `Malformed XML: attribute "${attrName}" value is not quoted`, p, toByte);
      const valueEnd = text.indexOf(quote === 34 ? '"' : "'", p + 1);
      if (valueEnd === -1) fail('malformed-xml', `Malformed XML: unclosed attribute value for "${attrName}"`, p, toByte);
      checkValueSize(valueEnd - p - 1, p, toByte);
      const value = attributeValue(text.slice(p + 1, valueEnd), attrName, p, toByte);
      if (!skipped) {
        if (element.attributes === NO_ATTRIBUTES) element.attributes = {};
        else if (Object.prototype.hasOwnProperty.call(element.attributes, attrName))
          fail('malformed-xml', `Malformed XML: attribute "${attrName}" appears twice`, nameStart, toByte);
        element.attributes[attrName] = value;
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
