/** `export-review compare FIRST SECOND`: counts per class, the differences, their CSV and the --max-differences gate. */
import { basename } from 'node:path';
import { compareExports, CompareReadError } from '../compare/compare-exports.node.js';
import { COMPARE_ATTRIBUTE_COLUMNS, COMPARE_OBJECT_COLUMNS, compareAttributeRows, compareObjectRow } from '../compare/compare-csv.js';
import type { DetailedComparison } from '../compare/compare-model.js';
import { steadyDifferences } from '../compare/steady-differences.js';
import { writeCsvFile } from '../csv/write-csv-file.node.js';
import { formatCount } from '../format-count.js';
import type { CliIo } from './cli-io.js';
import { formatComparison } from './format-compare.js';
import { EXIT } from './gates.js';
import { ProgressLine } from './progress-line.node.js';
import { UsageError, wholeNumber } from './usage-error.js';

type Values = Record<string, string | boolean | undefined>;

async function compareWithProgress(first: string, second: string, io: CliIo, options: { keepSame: boolean; withValues: boolean }): Promise<DetailedComparison> {
  let progress: ProgressLine | undefined;
  let reading = '';
  try {
    return await compareExports(first, second, {
      ...options,
      onProgress: (path, p) => {
        if (path !== reading) {
          progress?.done();
          progress = new ProgressLine(basename(path), io);
          reading = path;
        }
        progress?.update(p);
      },
    });
  } finally {
    progress?.done();
  }
}

export async function compareCommand(first: string, second: string, values: Values, io: CliIo): Promise<number> {
  const limit = wholeNumber('--max-differences', values['max-differences']);
  const level = (values['level'] ?? 'object') as string;
  if (level !== 'object' && level !== 'attribute') throw new UsageError('compare --level is object or attribute');
  const output = typeof values['output'] === 'string' ? values['output'] : undefined;
  if (values['output'] !== undefined && !output) throw new UsageError('-o needs a file name');
  const firstAgain = values['first-again'];
  const secondAgain = values['second-again'];
  if ((firstAgain === undefined) !== (secondAgain === undefined) || firstAgain === '' || secondAgain === '')
    throw new UsageError('--first-again and --second-again go together: a second export of each side');
  const keepSame = values['all'] === true;
  try {
    let comparison: DetailedComparison & { transient?: number } = await compareWithProgress(first, second, io, {
      keepSame,
      withValues: level === 'attribute' && !!output,
    });
    if (typeof firstAgain === 'string' && typeof secondAgain === 'string')
      comparison = steadyDifferences(comparison, await compareExports(firstAgain, secondAgain));
    if (values['json']) io.out(`${JSON.stringify({ first, second, ...comparison }, null, 2)}\n`);
    else io.out(formatComparison(first, second, comparison));
    if (output) {
      const attributeLevel = level === 'attribute';
      const { rows } = await writeCsvFile(output, attributeLevel ? COMPARE_ATTRIBUTE_COLUMNS : COMPARE_OBJECT_COLUMNS, async (writer) => {
        for (const change of comparison.changes) for (const row of attributeLevel ? compareAttributeRows(change) : [compareObjectRow(change)]) writer.row(row);
      });
      io.err(`Wrote ${formatCount(rows)} rows to ${output}\n`);
    }
    const differences = comparison.counts.onlyInFirst + comparison.counts.onlyInSecond + comparison.counts.different;
    if (limit !== undefined && differences > limit) {
      io.err(`STOP: ${formatCount(differences)} differences exceed --max-differences ${formatCount(limit)}.\n`);
      return EXIT.tooManyDifferences;
    }
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof CompareReadError)) throw error;
    io.err(`export-review: cannot read ${error.path}: ${error.message}\n`);
    return EXIT.readFailed;
  }
}
