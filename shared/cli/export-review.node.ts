/**
 * `export-review`: the reader, the summary and the CSV writer from a terminal or a go-live script.
 *
 *   export-review summary export.xml [--max-deletes N]
 *   export-review csv export.xml -o out.csv [--operation delete,update] [--type user,group]
 *                 [--search TEXT] [--level object|attribute] [--max-deletes N]
 *
 * Exit codes: 0 done, 1 the file could not be read, 2 wrong usage, 3 pending deletes exceed --max-deletes.
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
import type { CsvLevel } from '../csv/csv-rows.js';
import { formatSummary } from './format-summary.js';
import { ProgressLine } from './progress-line.node.js';

export const EXIT = { ok: 0, readFailed: 1, usage: 2, tooManyDeletes: 3 } as const;

const USAGE = `Usage:
  export-review summary <export.xml> [--max-deletes N]
  export-review csv <export.xml> -o <out.csv> [--level object|attribute]
                [--operation add,update,delete,...] [--type user,group,...] [--search TEXT]
                [--max-deletes N]

Produce export.xml on the staging server with:
  csexport "Name of Connector" export.xml /f:x

Exit codes: 0 done, 1 file unreadable, 2 usage, 3 pending deletes exceed --max-deletes.`;

class UsageError extends Error {}

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  isTty: boolean;
}

function list(value: string | undefined): string[] | undefined {
  const items = value
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return items?.length ? items : undefined;
}

function maxDeletes(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError('--max-deletes takes a whole number, e.g. --max-deletes 500');
  return Number(value);
}

function deleteGate(limit: number | undefined, deletes: number, io: CliIo): number {
  if (limit === undefined || deletes <= limit) return EXIT.ok;
  io.err(`STOP: ${formatCount(deletes)} pending deletes exceed --max-deletes ${formatCount(limit)}. Review them before leaving staging mode.\n`);
  return EXIT.tooManyDeletes;
}

async function summary(file: string, limit: number | undefined, io: CliIo): Promise<number> {
  const builder = new SummaryBuilder();
  const progress = new ProgressLine(basename(file), io);
  const read = await readExportRows(file, { onRow: (row) => builder.add(row), onProgress: (p) => progress.update(p) }).finally(() => progress.done());
  const result = builder.result();
  io.out(formatSummary(file, read, result));
  return deleteGate(limit, deleteCount(result.operationTotals), io);
}

async function csv(file: string, values: Record<string, string | boolean | undefined>, limit: number | undefined, io: CliIo): Promise<number> {
  const output = values['output'];
  if (typeof output !== 'string' || output === '') throw new UsageError('csv needs -o <out.csv>');
  const level = (values['level'] ?? 'object') as string;
  if (level !== 'object' && level !== 'attribute') throw new UsageError('--level is object or attribute');
  const filter = {
    ...(list(values['operation'] as string | undefined) && { operations: list(values['operation'] as string) }),
    ...(list(values['type'] as string | undefined) && { objectTypes: list(values['type'] as string) }),
    ...(typeof values['search'] === 'string' && { search: values['search'] }),
  };
  const progress = new ProgressLine(basename(file), io);
  const result = await exportCsv(file, output, { level: level as CsvLevel, scope: { filter } }, { onProgress: (p) => progress.update(p) }).finally(() =>
    progress.done(),
  );
  io.err(`Wrote ${formatCount(result.rows)} rows (${formatCount(result.objects)} objects) to ${result.path}\n`);
  // The gate counts the whole file, not the filtered subset: a filter must not hide deletes.
  return deleteGate(limit, deleteCount(result.operationTotals), io);
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
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.out(USAGE + '\n');
      return EXIT.ok;
    }
    const [command, path, ...extra] = positionals;
    if (!command || !path || extra.length) throw new UsageError(command && !path ? `${command} needs an export.xml file` : 'expected a command and one file');
    file = path;
    const limit = maxDeletes(values['max-deletes']);
    if (command === 'summary') return await summary(path, limit, io);
    if (command === 'csv') return await csv(path, values, limit, io);
    throw new UsageError(`unknown command "${command}"`);
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      io.err(`export-review: ${error.message}\n\n${USAGE}\n`);
      return EXIT.usage;
    }
    if (error instanceof ExportReadError) {
      io.err(`export-review: cannot read ${file}: ${error.message}\n`);
      return EXIT.readFailed;
    }
    io.err(`export-review: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.readFailed;
  }
}

if (isMainModule(import.meta.url)) {
  const io: CliIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), isTty: process.stderr.isTTY === true };
  runCli(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
