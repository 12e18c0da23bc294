/**
 * `export-review`: the reader, the summary, the CSV writer and review marks, from a terminal or a
 * go-live script.
 *
 *   export-review summary export.xml [--max-deletes N] [--max-changes ATTR=N,...] [--require-review OPS] [--review PATH]
 *   export-review impact export.xml [--json] [--max-changes ATTR=N,...] [--max-deletes N]
 *   export-review csv export.xml -o out.csv [--operation delete,update] [--type user,group]
 *                 [--search TEXT] [--attribute NAME,...] [--mark STATES] [--level object|attribute|member]
 *                 [--max-deletes N] [--max-changes ATTR=N,...] [--require-review OPS] [--review PATH]
 *   export-review compare first.xml second.xml [--json] [-o diff.csv [--level object|attribute] [--all]]
 *                 [--max-differences N] [--first-again FILE --second-again FILE]
 *   export-review mark export.xml --as approved|flagged|clear [--note TEXT] [--by NAME]
 *                 [--ids ID,...] [--operation ...] [--type ...] [--search TEXT] [--mark STATES]
 *
 * Exit codes: 0 done, 1 the file (or its review file) could not be read, 2 wrong usage, 3 pending
 * deletes exceed --max-deletes or objects changing an attribute exceed --max-changes, 4 pending
 * changes named by --require-review are not all approved.
 */
import { formatCount } from '../format-count.js';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { isMainModule } from '../is-main-module.node.js';
import { ExportReadError } from '../read-errors.js';
import { readExportRows } from '../read/read-export-file.node.js';
import { SummaryBuilder } from '../rows/summarize.js';
import { deleteCount } from '../model/operations.js';
import { exportCsv } from '../csv/export-csv.node.js';
import { CSV_LEVELS, type CsvLevel } from '../csv/csv-rows.js';
import { formatSummary } from './format-summary.js';
import { formatReview } from './format-review.js';
import { ProgressLine } from './progress-line.node.js';
import { changeGate, deleteGate, EXIT, firstFailed, reviewGate, type ChangeLimit } from './gates.js';
import { formatImpact } from './format-impact.js';
import { compareCommand } from './compare-command.node.js';
import { UsageError, wholeNumber } from './usage-error.js';
import { emptyImpactTally, impactReport } from '../impact/impact-tally.js';
import { loadCliReview } from './cli-review.node.js';
import { markCommand, type MarkSelection } from './mark-command.node.js';
import type { CliIo } from './cli-io.js';
import type { RowFilter } from '../rows/filter-rows.js';
import { isMarkAction, isReviewState, stateUnder, type ReviewState } from '../review/review-marks.js';
import { addToTally, type ReviewTally } from '../review/review-tally.js';
import { ReviewFileError } from '../review/review-file-format.js';

export { EXIT };
export type { CliIo };

const USAGE = `Usage:
  export-review summary <export.xml> [--max-deletes N] [--max-changes ATTR=N,...]
                [--require-review OPS] [--review PATH]
  export-review impact <export.xml> [--json] [--max-changes ATTR=N,...] [--max-deletes N]
  export-review csv <export.xml> -o <out.csv> [--level object|attribute|member]
                [--operation add,update,delete,...] [--type user,group,...] [--search TEXT]
                [--attribute NAME,...] [--mark approved,flagged,stale,unreviewed]
                [--max-deletes N] [--max-changes ATTR=N,...] [--require-review OPS] [--review PATH]
  export-review compare <first.xml> <second.xml> [--json] [-o <diff.csv> [--level object|attribute] [--all]]
                [--max-differences N] [--first-again <file> --second-again <file>]
  export-review mark <export.xml> --as approved|flagged|clear [--note TEXT] [--by NAME]
                [--ids ID,...] [--operation ...] [--type ...] [--search TEXT] [--mark STATES]
                [--review PATH]

Review marks are kept in <export.xml>.review.json beside the export (--review names another file).
OPS for --require-review: operation names (delete means delete and delete-add) or all.
--max-changes userPrincipalName=500,mail=500 stops when more existing objects change an attribute.

Produce export.xml on the staging server with:
  csexport "Name of Connector" export.xml /f:x

Exit codes: 0 done, 1 file or review file unreadable, 2 usage, 3 pending deletes exceed --max-deletes
or objects changing an attribute exceed --max-changes or differences exceed --max-differences,
4 pending changes named by --require-review are unreviewed, stale or flagged.`;

type Values = Record<string, string | boolean | undefined>;

function list(value: string | boolean | undefined): string[] | undefined {
  const items = (typeof value === 'string' ? value : undefined)
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return items?.length ? items : undefined;
}

function maxDeletes(value: string | boolean | undefined): number | undefined {
  return wholeNumber('--max-deletes', value);
}

function maxChanges(value: string | boolean | undefined): ChangeLimit[] | undefined {
  if (value === undefined) return undefined;
  const items = list(value);
  const limits = items?.map((item) => /^([^=\s]+)=(\d+)$/.exec(item)).map((match) => match && { attribute: match[1] as string, limit: Number(match[2]) });
  if (!limits?.length || limits.some((limit) => !limit))
    throw new UsageError('--max-changes takes ATTRIBUTE=N pairs, e.g. --max-changes userPrincipalName=500,mail=500');
  return limits as ChangeLimit[];
}

function reviewStates(value: string | boolean | undefined): ReviewState[] | undefined {
  const states = list(value);
  const wrong = states?.find((s) => !isReviewState(s));
  if (wrong !== undefined) throw new UsageError(`--mark takes approved, flagged, stale or unreviewed (not "${wrong}")`);
  return states as ReviewState[] | undefined;
}

function requireReview(value: string | boolean | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const names = list(value);
  if (!names) throw new UsageError('--require-review takes operation names (delete, add, update, ...) or all');
  return names;
}

function rowFilter(values: Values): RowFilter {
  const operations = list(values['operation']);
  const objectTypes = list(values['type']);
  const attributes = list(values['attribute']);
  return {
    ...(operations && { operations }),
    ...(objectTypes && { objectTypes }),
    ...(attributes && { attributes }),
    ...(typeof values['search'] === 'string' && { search: values['search'] }),
  };
}

async function summary(file: string, values: Values, io: CliIo): Promise<number> {
  const limit = maxDeletes(values['max-deletes']);
  const changeLimits = maxChanges(values['max-changes']);
  const required = requireReview(values['require-review']);
  // The impact is counted only for a gate on it: summary stays a rows-only read otherwise.
  const impact = changeLimits ? emptyImpactTally() : undefined;
  const review = await loadCliReview(file, values['review'] as string | undefined);
  const builder = new SummaryBuilder();
  const tally: ReviewTally = {};
  const progress = new ProgressLine(basename(file), io);
  const read = await readExportRows(file, {
    onRow: (row) => {
      builder.add(row);
      if (row.pending) addToTally(tally, row.operation, stateUnder(review.marks, row));
    },
    onProgress: (p) => progress.update(p),
    ...(impact && { impact }),
  }).finally(() => progress.done());
  const result = builder.result();
  io.out(formatSummary(file, read, result));
  if (review.marks.size > 0) io.out(formatReview(review.path, tally));
  return firstFailed(
    deleteGate(limit, deleteCount(result.operationTotals), io.err),
    changeGate(changeLimits, impact && impactReport(impact), io.err),
    reviewGate(required, tally, io.err),
  );
}

async function impact(file: string, values: Values, io: CliIo): Promise<number> {
  const limit = maxDeletes(values['max-deletes']);
  const changeLimits = maxChanges(values['max-changes']);
  const tally = emptyImpactTally();
  const builder = new SummaryBuilder();
  const progress = new ProgressLine(basename(file), io);
  await readExportRows(file, { onRow: (row) => builder.add(row), onProgress: (p) => progress.update(p), impact: tally }).finally(() => progress.done());
  const report = impactReport(tally);
  const operationTotals = builder.result().operationTotals;
  // Without each pattern's rows (places in the file, for the app's grid): a script has the examples.
  const valueChanges = report.valueChanges.map(({ rows: _rows, ...pattern }) => pattern);
  if (values['json']) io.out(`${JSON.stringify({ file, operations: operationTotals, ...report, valueChanges }, null, 2)}\n`);
  else io.out(formatImpact(file, report));
  return firstFailed(deleteGate(limit, deleteCount(operationTotals), io.err), changeGate(changeLimits, report, io.err));
}

async function csv(file: string, values: Values, io: CliIo): Promise<number> {
  const output = values['output'];
  if (typeof output !== 'string' || output === '') throw new UsageError('csv needs -o <out.csv>');
  const level = (values['level'] ?? 'object') as string;
  if (!(CSV_LEVELS as readonly string[]).includes(level)) throw new UsageError('--level is object, attribute or member');
  const states = reviewStates(values['mark']);
  const limit = maxDeletes(values['max-deletes']);
  const changeLimits = maxChanges(values['max-changes']);
  const impact = changeLimits ? emptyImpactTally() : undefined;
  const required = requireReview(values['require-review']);
  const review = await loadCliReview(file, values['review'] as string | undefined);
  const progress = new ProgressLine(basename(file), io);
  const request = {
    level: level as CsvLevel,
    scope: { filter: rowFilter(values) },
    marks: review.marks,
    ...(states && { reviewStates: states }),
    ...(impact && { impact }),
  };
  const result = await exportCsv(file, output, request, { onProgress: (p) => progress.update(p) }).finally(() => progress.done());
  io.err(`Wrote ${formatCount(result.rows)} rows (${formatCount(result.objects)} objects) to ${result.path}\n`);
  // The gates count the whole file, not the filtered subset: a filter must not hide deletes.
  return firstFailed(
    deleteGate(limit, deleteCount(result.operationTotals), io.err),
    changeGate(changeLimits, impact && impactReport(impact), io.err),
    reviewGate(required, result.reviewTally, io.err),
  );
}

async function mark(file: string, values: Values, io: CliIo): Promise<number> {
  const action = values['as'];
  if (!isMarkAction(action)) throw new UsageError('mark needs --as approved, flagged or clear');
  const ids = list(values['ids']);
  const states = reviewStates(values['mark']);
  const filter = rowFilter(values);
  if (!ids && !states && !filter.operations && !filter.objectTypes && filter.search === undefined)
    throw new UsageError('mark needs rows to mark: --ids, --operation, --type, --search or --mark (e.g. --operation delete)');
  const selection: MarkSelection = { filter, ...(ids && { ids }), ...(states && { states }) };
  return markCommand(
    file,
    {
      action,
      selection,
      ...(typeof values['note'] === 'string' && { note: values['note'] }),
      ...(typeof values['by'] === 'string' && { by: values['by'] }),
      ...(typeof values['review'] === 'string' && { review: values['review'] }),
    },
    io,
  );
}

const COMMANDS: Record<string, (file: string, values: Values, io: CliIo) => Promise<number>> = { summary, impact, csv, mark };

function failure(error: unknown, file: string, io: CliIo): number {
  if (
    error instanceof UsageError ||
    error instanceof RangeError ||
    (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
  ) {
    io.err(`export-review: ${error.message}\n\n${USAGE}\n`);
    return EXIT.usage;
  }
  if (error instanceof ExportReadError) {
    io.err(`export-review: cannot read ${file}: ${error.message}\n`);
    return EXIT.readFailed;
  }
  if (error instanceof ReviewFileError) {
    io.err(`export-review: ${error.message} It was left as it is.\n`);
    return EXIT.readFailed;
  }
  io.err(`export-review: ${error instanceof Error ? error.message : String(error)}\n`);
  return EXIT.readFailed;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let file = 'the file';
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        output: { type: 'string', short: 'o' },
        operation: { type: 'string' },
        type: { type: 'string' },
        search: { type: 'string' },
        level: { type: 'string' },
        'max-deletes': { type: 'string' },
        'max-changes': { type: 'string' },
        'max-differences': { type: 'string' },
        'first-again': { type: 'string' },
        'second-again': { type: 'string' },
        all: { type: 'boolean' },
        attribute: { type: 'string' },
        json: { type: 'boolean' },
        'require-review': { type: 'string' },
        review: { type: 'string' },
        mark: { type: 'string' },
        as: { type: 'string' },
        note: { type: 'string' },
        by: { type: 'string' },
        ids: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.out(USAGE + '\n');
      return EXIT.ok;
    }
    const [command, path, ...extra] = positionals;
    if (command === 'compare') {
      const [second, ...more] = extra;
      if (!path || !second || more.length) throw new UsageError('compare needs two export files: compare <first.xml> <second.xml>');
      return await compareCommand(path, second, values, io);
    }
    if (!command || !path || extra.length) throw new UsageError(command && !path ? `${command} needs an export.xml file` : 'expected a command and one file');
    file = path;
    const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!run) throw new UsageError(`unknown command "${command}"`);
    return await run(path, values, io);
  } catch (error) {
    return failure(error, file, io);
  }
}

if (isMainModule(import.meta.url)) {
  const io: CliIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), isTty: process.stderr.isTTY === true };
  runCli(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
