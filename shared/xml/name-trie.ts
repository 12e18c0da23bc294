/**
 * Element and attribute names, read by walking a trie of the names seen so far: one table step per
 * character, and one shared string per name (no allocation per tag, pointer-fast comparisons). A
 * name the trie does not hold yet, or has no room for, is scanned, sliced and added. Why a trie:
 * ARCHITECTURE.md, "The reader".
 */
import { CharCodes } from './char-codes.js';
import { isXmlName } from './xml-chars.js';

/** Per ASCII code: 2 a name may start with it, 1 it may only continue a name, 0 neither. Beyond ASCII: 2. */
const NAME_CHARS = new Uint8Array(CharCodes.LastAscii + 1);
for (let c = 0; c <= CharCodes.LastAscii; c++) {
  const letter = (c >= CharCodes.LowerA && c <= CharCodes.LowerZ) || (c >= CharCodes.UpperA && c <= CharCodes.UpperZ);
  const start = letter || c === CharCodes.Underscore || c === CharCodes.Colon;
  NAME_CHARS[c] = start ? 2 : (c >= CharCodes.Zero && c <= CharCodes.Nine) || c === CharCodes.Dash || c === CharCodes.Dot ? 1 : 0;
}

export function isNameStart(c: number): boolean {
  return c > CharCodes.LastAscii || NAME_CHARS[c] === 2;
}

/** A name character's column in the trie's table; 0 for a character that ends a name. */
const NAME_SYMBOLS = new Uint8Array(CharCodes.LastAscii + 1);
let symbolCount = 1;
for (let c = 0; c <= CharCodes.LastAscii; c++) if (NAME_CHARS[c] !== 0) NAME_SYMBOLS[c] = symbolCount++;
const MAX_NODES = 4096;
/** `next[node * symbolCount + symbol]`: the child node, 0 for none (node 0 is the root). */
const next = new Int32Array(MAX_NODES * symbolCount);
const names: Array<string | undefined> = [undefined];
let nodes = 1;

function add(name: string): void {
  let node = 0;
  for (let k = 0; k < name.length; k++) {
    const c = name.charCodeAt(k);
    if (c > CharCodes.LastAscii) return;
    const slot = node * symbolCount + (NAME_SYMBOLS[c] as number);
    let child = next[slot] as number;
    if (child === 0) {
      if (nodes >= MAX_NODES) return;
      child = nodes++;
      next[slot] = child;
      names.push(undefined);
    }
    node = child;
  }
  // A copy of its own: a slice would keep the whole object's text alive for as long as the trie lives.
  names[node] = name.length > 12 ? Array.from(name).join('') : name;
}

/** Where a name ends, past its last character. */
function scanToNameEnd(text: string, from: number): number {
  let p = from;
  while (p < text.length) {
    const c = text.charCodeAt(p);
    if (c <= CharCodes.LastAscii && NAME_CHARS[c] === 0) break;
    p++;
  }
  return p;
}

/** Reads names from one text; `name` holds the one the last `read` found. */
export class NameReader {
  name = '';

  constructor(private readonly text: string) {}

  /** Reads the name starting at `start` (its first character already checked) and returns where it ends; -1 for a name XML does not allow. */
  read(start: number): number {
    const text = this.text;
    let node = 0;
    let p = start;
    for (;;) {
      const c = text.charCodeAt(p);
      // Beyond ASCII, or the text's end (NaN): the slow path sorts it out.
      if (!(c <= CharCodes.LastAscii)) break;
      const symbol = NAME_SYMBOLS[c] as number;
      if (symbol === 0) {
        const known = names[node];
        if (known === undefined) break;
        this.name = known;
        return p;
      }
      const child = next[node * symbolCount + symbol] as number;
      if (child === 0) break;
      node = child;
      p++;
    }
    const end = scanToNameEnd(text, p);
    this.name = text.slice(start, end);
    // Names new to the trie, or beyond ASCII, are checked whole against XML's rule for names.
    if (!isXmlName(this.name)) return -1;
    add(this.name);
    return end;
  }
}
