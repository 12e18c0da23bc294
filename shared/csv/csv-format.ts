/**
 * CSV text, one format for the CLI and the app: RFC 4180 quoting, CRLF line ends, and cells that a
 * spreadsheet would run as a formula neutralised (OWASP's CSV-injection advice: prefix with ').
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** UTF-8 byte-order mark: without it Excel opens UTF-8 CSV as ANSI and garbles non-ASCII names. */
export const CSV_BOM = '\ufeff';

export function csvCell(value: string | number): string {
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: ReadonlyArray<string | number>): string {
  return cells.map(csvCell).join(',') + '\r\n';
}
