/**
 * The search box's index: each row's searchable text, lower-cased as the row arrives, kept as one
 * string per batch of rows with where each row starts. A search then runs the engine's own string
 * search over a few large strings instead of a test per row (figures: ARCHITECTURE.md, "The grid at
 * scale"). Rows are numbered in arrival order (ordinals).
 */
import type { ChangeRow } from '../rows/change-row.js';
import { searchableText } from '../rows/filter-rows.js';

/** Between two rows' texts; no search word has one (words are split on whitespace, and U+0000 never occurs in a row). */
const ROW_END = '\u0000';

interface IndexedBatch {
  text: string;
  /** Where each row's text starts in `text`, then where a row after the last would start. */
  starts: Int32Array;
  first: number;
}

export class SearchIndex {
  private batches: IndexedBatch[] = [];
  private rows = 0;

  clear(): void {
    this.batches = [];
    this.rows = 0;
  }

  /** Indexes the rows; gives back each one's searchable text, for a caller that tests them as they arrive. */
  add(rows: readonly ChangeRow[]): readonly string[] {
    if (rows.length === 0) return [];
    const texts = rows.map(searchableText);
    const starts = new Int32Array(rows.length + 1);
    let at = 0;
    texts.forEach((text, k) => {
      starts[k] = at;
      at += text.length + 1;
    });
    starts[rows.length] = at;
    // One join, nothing appended after it: a joined string is flat, where `+` would make a rope the
    // first search then has to flatten.
    this.batches.push({ text: texts.join(ROW_END), starts, first: this.rows });
    this.rows += rows.length;
    return texts;
  }

  /**
   * For each row (by ordinal), 1 when its text has every word: `words` lower-cased, as
   * `searchWords` makes them. Rows added later are not in the answer.
   */
  matching(words: readonly string[]): Uint8Array {
    const wanted = [...new Set(words)];
    const shown = new Uint8Array(this.rows);
    if (wanted.length === 0) return shown.fill(1);
    if (wanted.some((word) => word.includes(ROW_END))) return shown;
    // How many of the words, in order, each row has had so far.
    const found = new Uint16Array(this.rows);
    wanted.forEach((word, w) => {
      for (const batch of this.batches) markWord(batch, word, w, found);
    });
    for (let i = 0; i < found.length; i++) if (found[i] === wanted.length) shown[i] = 1;
    return shown;
  }
}

/** Counts the word once in each row whose text has it, if every earlier word was counted there too. */
function markWord(batch: IndexedBatch, word: string, w: number, found: Uint16Array): void {
  const { text, starts, first } = batch;
  let from = 0;
  for (;;) {
    const at = text.indexOf(word, from);
    if (at < 0) return;
    const row = rowAt(starts, at);
    const ordinal = first + row;
    if (found[ordinal] === w) found[ordinal] = w + 1;
    from = starts[row + 1] as number;
  }
}

/** The row whose text holds position `at`: the last start at or before it. */
function rowAt(starts: Int32Array, at: number): number {
  let low = 0;
  let high = starts.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] as number) <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}
