/**
 * Writes a CSV file atomically (atomic-file.node.ts): there is never a half-written CSV under the
 * name the user chose. Rows are buffered and written in large pieces.
 */
import { writeAtomically } from '../atomic-file.node.js';
import { CSV_BOM, csvLine } from './csv-format.js';

export interface CsvWriter {
  /** Synchronous, so rows can be written from a reader's record callback. */
  row(cells: ReadonlyArray<string | number>): void;
}

const FLUSH_CHARS = 256 * 1024;

export async function writeCsvFile(path: string, header: readonly string[], fill: (writer: CsvWriter) => Promise<void>): Promise<{ rows: number }> {
  let rows = 0;
  await writeAtomically(path, 'the CSV', async (write) => {
    let pending = CSV_BOM + csvLine(header);
    await fill({
      row: (cells) => {
        pending += csvLine(cells);
        rows++;
        if (pending.length >= FLUSH_CHARS) {
          write(pending);
          pending = '';
        }
      },
    });
    write(pending);
  });
  return { rows };
}
