/**
 * One string for each repeated value: a review's marks share a few verdicts, names and times (a bulk
 * approval stamps one time on thousands), and a string per mark for each was a third of their heap.
 */
export function interner(limit = 100_000): (text: string) => string {
  const known = new Map<string, string>();
  return (text) => {
    const found = known.get(text);
    if (found !== undefined) return found;
    if (known.size < limit) known.set(text, text);
    return text;
  };
}
