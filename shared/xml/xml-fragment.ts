/**
 * A strict parser for one XML element (one `cs-object`) into a small tree. It accepts well-formed
 * XML 1.0 (elements, attributes, text, the five predefined entities and character references,
 * comments, CDATA, processing instructions) and refuses everything else with a position, as libxml2
 * does. DOCTYPE and entity declarations are refused outright, so no entity is ever expanded.
 * Why hand-written: ARCHITECTURE.md.
 *
 * Shaped like htmlparser2's tokenizer: the cursor lives on the parser, and each kind of markup has
 * one small method that reads it and returns where the next one starts.
 */
import { ExportReadError, MAX_DEPTH, MAX_VALUE_CHARS, quoteInput } from '../read-errors.js';
import type { CharToByteOffset } from './char-to-byte.js';
import { CharCodes, isSpace } from './char-codes.js';
import { isNameStart, NameReader } from './name-trie.js';
import { checkReferences, normalizeAttributeSpace, normalizedValue, normalizeLineEnds } from './xml-values.js';
import { isXmlName, refuseForbiddenChars } from './xml-chars.js';
import { checkCommentOrInstruction } from './check-misc.js';

export interface XmlElement {
  name: string;
  /** Names and values, alternating: `[name, value, name, value, ...]` (cheaper than an object per element). Read with `attributeOf`. */
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

export interface ParseOptions {
  /** Elements checked as strictly as any other, but not kept. */
  skip?: ReadonlySet<string>;
  /**
   * Elements the caller will never read, decided from the start tag (its name and attributes): what
   * is inside is lexed with every check XML asks for, but nothing is built. The bulk pass for grid
   * rows skips bookkeeping and hologram attributes this way.
   */
  skipWhen?: (element: XmlElement, parent: XmlElement | undefined) => boolean;
}

/** Shared empties for elements with no attributes or children (most of them); replaced on the first one. */
const NO_ATTRIBUTES: string[] = Object.freeze([]) as unknown as string[];
const NO_CHILDREN: XmlElement[] = Object.freeze([]) as unknown as XmlElement[];

/** Stand-ins pushed for skipped elements: only their name is used (to check the end tag). */
const skippedStandIns = new Map<string, XmlElement>();

function standIn(name: string): XmlElement {
  let element = skippedStandIns.get(name);
  if (!element) skippedStandIns.set(name, (element = { name, attributes: [], children: [], text: '' }));
  return element;
}

/** Past this many attributes on one element, duplicates are found with a Set: the check stays linear. */
const LINEAR_ATTRIBUTE_CHECK = 8;

/** The next position of a pattern at or after a position, found lazily: one forward scan per pattern over the whole parse. */
class NextMatch {
  private at = -1;
  constructor(
    private readonly text: string,
    private readonly pattern: string,
  ) {}

  from(i: number): number {
    if (this.at < i) {
      const found = this.text.indexOf(this.pattern, i);
      this.at = found === -1 ? this.text.length : found;
    }
    return this.at;
  }
}

/** An end tag as a message shows it: as written when it is a plain name, quoted and escaped otherwise. */
function endTagForMessage(name: string): string {
  return name.length <= 40 && isXmlName(name) ? `</${name}>` : quoteInput(`</${name}>`);
}

class FragmentParser {
  private readonly stack: XmlElement[] = [];
  private root: XmlElement | undefined;
  /** How many skipped elements the cursor is inside. */
  private skipDepth = 0;
  /** Whether the start tag read last ended with `/>`. */
  private selfClosing = false;
  /** Attribute names of the start tag being read, for the duplicate check of skipped elements. */
  private readonly names: NameReader;
  private readonly scratchNames: string[] = [];
  /** Namespace prefixes in scope (how many open elements declare each), and where each declaring element sits. */
  private readonly prefixes = new Map<string, number>();
  private readonly prefixScopes: Array<{ depth: number; declared: string[] }> = [];
  private readonly lts: NextMatch;
  private readonly amps: NextMatch;
  private readonly crs: NextMatch;
  private readonly lfs: NextMatch;
  private readonly tabs: NextMatch;
  private readonly cdataEnds: NextMatch;

  constructor(
    private readonly text: string,
    private readonly toByte: CharToByteOffset,
    private readonly options: ParseOptions,
  ) {
    this.names = new NameReader(text);
    this.lts = new NextMatch(text, '<');
    this.amps = new NextMatch(text, '&');
    this.crs = new NextMatch(text, '\r');
    this.lfs = new NextMatch(text, '\n');
    this.tabs = new NextMatch(text, '\t');
    this.cdataEnds = new NextMatch(text, ']]>');
  }

  private fail(message: string, charIndex: number, code: 'malformed-xml' | 'doctype-refused' | 'value-too-large' = 'malformed-xml'): never {
    throw new ExportReadError(code, message, this.toByte(charIndex));
  }

  private checkValueSize(length: number, at: number): void {
    if (length > MAX_VALUE_CHARS) this.fail(`A value is larger than ${MAX_VALUE_CHARS / 1024 / 1024} MiB; refusing to read it`, at, 'value-too-large');
  }

  parse(): XmlElement {
    const { text } = this;
    refuseForbiddenChars(text, this.toByte);
    let i = 0;
    while (i < text.length) {
      const lt = this.lts.from(i);
      if (lt > i) this.readText(i, lt);
      if (lt >= text.length) break;
      i = this.readMarkup(lt);
    }
    const unclosed = this.stack[this.stack.length - 1];
    if (unclosed) this.fail(`Malformed XML: <${unclosed.name}> is never closed`, text.length);
    if (!this.root) this.fail('Malformed XML: no element found', 0);
    return this.root;
  }

  /** The markup at `lt` (a `<`); returns where the next text starts. */
  private readMarkup(lt: number): number {
    switch (this.text.charCodeAt(lt + 1)) {
      case CharCodes.Slash:
        return this.readEndTag(lt);
      case CharCodes.Bang:
        return this.readDeclaration(lt);
      case CharCodes.Question:
        return this.readProcessingInstruction(lt);
      default:
        return this.readStartTag(lt);
    }
  }

  /** Text from `i` up to the next `<`: the open element's text, or whitespace outside the root. */
  private readText(i: number, lt: number): void {
    const { text } = this;
    const top = this.stack[this.stack.length - 1];
    if (!top) {
      for (let k = i; k < lt; k++) if (!isSpace(text.charCodeAt(k))) this.fail('Malformed XML: text outside an element', k);
      return;
    }
    const cdataEnd = this.cdataEnds.from(i);
    if (cdataEnd < lt) this.fail('Malformed XML: "]]>" in text (write it as ]]&gt;)', cdataEnd);
    if (this.skipDepth > 0) {
      this.checkValueSize(lt - i, i);
      if (this.amps.from(i) < lt) checkReferences(text, i, lt, this.toByte);
      return;
    }
    this.checkValueSize(lt - i + top.text.length, i);
    const raw = text.slice(i, lt);
    const value = this.amps.from(i) < lt || this.crs.from(i) < lt ? normalizedValue(raw, i, this.toByte, normalizeLineEnds) : raw;
    top.text = top.text === '' ? value : top.text + value;
  }

  private readEndTag(lt: number): number {
    const { text } = this;
    const open = this.stack.pop();
    const nameStart = lt + 2;
    // The usual case, `</name>` exactly, compared in place: no string is made for an end tag.
    if (open !== undefined && text.charCodeAt(nameStart + open.name.length) === CharCodes.Gt && sameChars(text, nameStart, open.name)) {
      // Skipped elements sit on top of the stack, so while skipping every pop is a stand-in.
      if (this.skipDepth > 0) this.skipDepth--;
      if (this.prefixScopes.length > 0) this.closePrefixScope();
      return nameStart + open.name.length + 1;
    }
    const gt = text.indexOf('>', lt);
    if (gt === -1) this.fail('Malformed XML: unclosed end tag', lt);
    let nameEnd = gt;
    while (nameEnd > nameStart && isSpace(text.charCodeAt(nameEnd - 1))) nameEnd--;
    if (!open || nameEnd - nameStart !== open.name.length || !text.startsWith(open.name, nameStart)) {
      const tag = endTagForMessage(text.slice(nameStart, nameEnd));
      if (!open) this.fail(`Malformed XML: end tag ${tag} without a start tag`, lt);
      this.fail(`Malformed XML: <${open.name}> is closed by ${tag}`, lt);
    }
    if (this.skipDepth > 0) this.skipDepth--;
    if (this.prefixScopes.length > 0) this.closePrefixScope();
    return gt + 1;
  }

  /** `<!`: a comment, a CDATA section, or a declaration, which is refused. */
  private readDeclaration(lt: number): number {
    const { text } = this;
    if (text.startsWith('<!--', lt)) return this.readComment(lt);
    if (text.startsWith('<![CDATA[', lt)) return this.readCdata(lt);
    if (text.startsWith('<!DOCTYPE', lt) || text.startsWith('<!ENTITY', lt))
      this.fail('This file declares a DOCTYPE or entities; Export Review refuses such files (csexport never writes them)', lt, 'doctype-refused');
    this.fail('Malformed XML: unknown markup "<!"', lt);
  }

  private readComment(lt: number): number {
    const end = this.text.indexOf('-->', lt + 4);
    if (end === -1) this.fail('Malformed XML: unclosed comment', lt);
    return this.checkedMisc(lt, end + 3);
  }

  /** A comment or processing instruction from `lt` to `stop`, checked by the rules it shares with the splitter's. */
  private checkedMisc(lt: number, stop: number): number {
    checkCommentOrInstruction(this.text.slice(lt, stop), (k) => this.toByte(lt + k), true);
    return stop;
  }

  private readCdata(lt: number): number {
    const end = this.text.indexOf(']]>', lt + 9);
    const top = this.stack[this.stack.length - 1];
    if (end === -1 || !top) this.fail('Malformed XML: CDATA section outside an element or unclosed', lt);
    if (this.skipDepth > 0) return end + 3;
    this.checkValueSize(end - lt + top.text.length, lt);
    top.text += normalizeLineEnds(this.text.slice(lt + 9, end));
    return end + 3;
  }

  private readProcessingInstruction(lt: number): number {
    const end = this.text.indexOf('?>', lt + 2);
    if (end === -1) this.fail('Malformed XML: unclosed processing instruction', lt);
    return this.checkedMisc(lt, end + 2);
  }

  private readStartTag(lt: number): number {
    if (!isNameStart(this.text.charCodeAt(lt + 1))) this.fail('Malformed XML: "<" that does not start a tag (write it as &lt;)', lt);
    if (this.stack.length >= MAX_DEPTH) this.fail(`Elements nest deeper than ${MAX_DEPTH} levels; refusing to read further`, lt);
    const nameEnd = this.names.read(lt + 1);
    if (nameEnd === -1) this.fail(`Malformed XML: ${quoteInput(this.names.name)} is not an element name XML allows`, lt + 1);
    const name = this.names.name;
    let skipped = this.skipDepth > 0 || (this.options.skip !== undefined && this.options.skip.has(name));
    const element: XmlElement = skipped ? standIn(name) : { name, attributes: NO_ATTRIBUTES, children: NO_CHILDREN, text: '' };
    const end = this.readAttributes(element, nameEnd, skipped, lt);
    const declared = this.checkNamespaces(name, skipped ? this.scratchNames : element.attributes, skipped ? 1 : 2, lt);
    if (declared && !this.selfClosing) this.openPrefixScope(declared);
    const parent = this.stack[this.stack.length - 1];
    if (!skipped && parent !== undefined && this.options.skipWhen?.(element, parent)) skipped = true;
    else this.attach(element, parent, skipped, lt);
    if (!this.selfClosing) {
      this.stack.push(element);
      if (skipped) this.skipDepth++;
    }
    return end;
  }

  /** Reads attributes from `p` to the tag's end; returns where the tag ends and sets `selfClosing`. */
  private readAttributes(element: XmlElement, p: number, skipped: boolean, lt: number): number {
    const { text } = this;
    if (skipped && this.scratchNames.length > 0) this.scratchNames.length = 0;
    let seen: Set<string> | undefined;
    for (;;) {
      const spaceStart = p;
      while (p < text.length && isSpace(text.charCodeAt(p))) p++;
      if (p >= text.length) this.fail(`Malformed XML: unclosed start tag <${element.name}>`, lt);
      const c = text.charCodeAt(p);
      if (c === CharCodes.Gt || (c === CharCodes.Slash && text.charCodeAt(p + 1) === CharCodes.Gt)) {
        this.selfClosing = c === CharCodes.Slash;
        return this.selfClosing ? p + 2 : p + 1;
      }
      if (p === spaceStart || !isNameStart(c)) this.fail(`Malformed XML: bad attribute syntax in <${element.name}>`, p);
      const nameEnd = this.names.read(p);
      if (nameEnd === -1) this.fail(`Malformed XML: ${quoteInput(this.names.name)} is not an attribute name XML allows`, p);
      const name = this.names.name;
      const names = skipped ? this.scratchNames : element.attributes;
      const count = skipped ? names.length : names.length / 2;
      if (count >= LINEAR_ATTRIBUTE_CHECK && !seen) seen = new Set(skipped ? names : names.filter((_, k) => k % 2 === 0));
      if (seen ? seen.has(name) : skipped ? names.includes(name) : attributeOf(element, name) !== undefined)
        this.fail(`Malformed XML: attribute "${name}" appears twice`, p);
      seen?.add(name);
      if (skipped) names.push(name);
      p = this.readAttributeValue(element, name, nameEnd, skipped);
    }
  }

  /** `="value"` after an attribute's name; returns the position after its closing quote. */
  private readAttributeValue(element: XmlElement, name: string, nameEnd: number, skipped: boolean): number {
    const { text } = this;
    let p = nameEnd;
    while (p < text.length && isSpace(text.charCodeAt(p))) p++;
    if (text.charCodeAt(p) !== CharCodes.Eq) this.fail(`Malformed XML: attribute "${name}" has no value`, p);
    p++;
    while (p < text.length && isSpace(text.charCodeAt(p))) p++;
    const quote = text.charCodeAt(p);
    if (quote !== CharCodes.DoubleQuote && quote !== CharCodes.SingleQuote) this.fail(`Malformed XML: attribute "${name}" value is not quoted`, p);
    const valueStart = p + 1;
    const valueEnd = text.indexOf(quote === CharCodes.DoubleQuote ? '"' : "'", valueStart);
    if (valueEnd === -1) this.fail(`Malformed XML: unclosed attribute value for "${name}"`, p);
    this.checkValueSize(valueEnd - valueStart, p);
    if (this.lts.from(valueStart) < valueEnd) this.fail(`Malformed XML: "<" inside the value of attribute "${name}"`, p);
    if (skipped) {
      if (this.amps.from(valueStart) < valueEnd) checkReferences(text, valueStart, valueEnd, this.toByte);
      return valueEnd + 1;
    }
    let value = text.slice(valueStart, valueEnd);
    const special =
      this.amps.from(valueStart) < valueEnd ||
      this.crs.from(valueStart) < valueEnd ||
      this.lfs.from(valueStart) < valueEnd ||
      this.tabs.from(valueStart) < valueEnd;
    if (special) value = normalizedValue(value, valueStart, this.toByte, normalizeAttributeSpace);
    if (element.attributes === NO_ATTRIBUTES) element.attributes = [name, value];
    else element.attributes.push(name, value);
    return valueEnd + 1;
  }

  /**
   * Namespaces in XML: a name with a colon is `prefix:local`, and its prefix is `xml`, or declared by
   * an `xmlns:prefix` attribute on this element or one it is inside. csexport uses no namespaces, so
   * this costs a colon test per name. Returns the prefixes this element declares, if any.
   */
  private checkNamespaces(name: string, attributes: readonly string[], step: number, lt: number): string[] | undefined {
    let declared: string[] | undefined;
    let prefixed = false;
    for (let k = 0; k < attributes.length; k += step) {
      const attribute = attributes[k] as string;
      if (!attribute.includes(':')) continue;
      prefixed = true;
      if (attribute.startsWith('xmlns:')) (declared ??= []).push(attribute.slice(6));
    }
    if (name.includes(':')) this.checkQualifiedName(name, false, declared, lt);
    if (!prefixed) return declared;
    for (let k = 0; k < attributes.length; k += step) {
      const attribute = attributes[k] as string;
      if (attribute.includes(':')) this.checkQualifiedName(attribute, true, declared, lt);
    }
    return declared;
  }

  private checkQualifiedName(name: string, isAttribute: boolean, declaredHere: readonly string[] | undefined, lt: number): void {
    const colon = name.indexOf(':');
    const prefix = name.slice(0, colon);
    if (colon === 0 || colon === name.length - 1 || name.indexOf(':', colon + 1) !== -1 || (prefix === 'xmlns' && !isAttribute))
      this.fail(`Malformed XML: ${quoteInput(name)} is not a valid qualified name`, lt);
    if (prefix === 'xml' || prefix === 'xmlns' || this.prefixes.has(prefix) || declaredHere?.includes(prefix)) return;
    this.fail(`Malformed XML: the namespace prefix ${quoteInput(prefix)} of ${quoteInput(name)} is not declared`, lt);
  }

  private openPrefixScope(declared: string[]): void {
    for (const prefix of declared) this.prefixes.set(prefix, (this.prefixes.get(prefix) ?? 0) + 1);
    this.prefixScopes.push({ depth: this.stack.length, declared });
  }

  /** After an end tag: the prefixes the element just closed declared go out of scope. */
  private closePrefixScope(): void {
    const scope = this.prefixScopes[this.prefixScopes.length - 1];
    if (!scope || scope.depth !== this.stack.length) return;
    this.prefixScopes.pop();
    for (const prefix of scope.declared) {
      const count = (this.prefixes.get(prefix) ?? 1) - 1;
      if (count === 0) this.prefixes.delete(prefix);
      else this.prefixes.set(prefix, count);
    }
  }

  /** Hangs a new element under its parent, or makes it the root (of which there is one). */
  private attach(element: XmlElement, parent: XmlElement | undefined, skipped: boolean, lt: number): void {
    if (parent) {
      if (skipped) return;
      if (parent.children === NO_CHILDREN) parent.children = [element];
      else parent.children.push(element);
    } else if (this.root) this.fail(`Malformed XML: a second top-level element <${element.name}>`, lt);
    else this.root = element;
  }
}

function sameChars(text: string, start: number, candidate: string): boolean {
  for (let k = 0; k < candidate.length; k++) if (text.charCodeAt(start + k) !== candidate.charCodeAt(k)) return false;
  return true;
}

/**
 * Parses `text`, which must hold exactly one element (whitespace, comments and processing
 * instructions around it allowed). Elements named in `skip`, or chosen by `skipWhen` (and all inside
 * them), are checked as strictly but not kept: no objects are made for them.
 */
export function parseXmlElement(text: string, toByte: CharToByteOffset, options: ParseOptions = {}): XmlElement {
  return new FragmentParser(text, toByte, options).parse();
}
