/** A count as every message shows it, `12,345`: one grouping whatever the OS locale, so messages, CSV notes and tests agree. */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}
