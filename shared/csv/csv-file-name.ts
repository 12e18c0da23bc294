/** Proposed CSV file name: export-review-<file>-<date>.csv, with only safe characters from the export's name. */
export function proposedCsvName(sourceName: string, now: Date): string {
  const base =
    sourceName
      .replace(/\.[^.]*$/, '')
      .replace(/[^\w.-]+/g, '_')
      .replace(/^_+|_+$/g, '') || 'export';
  const date = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return `export-review-${base}-${date}.csv`;
}
