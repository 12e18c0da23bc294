/** Arguments from the renderer are untrusted: the checks each invoke method's arguments must pass. */
import type { CsvExportCommand, MarkCommand } from './ipc-contract.js';
import { CSV_LEVELS, CSV_SCOPES } from '../csv/csv-rows.js';
import { isMarkAction, isMarkText } from '../review/review-marks.js';

export function isReadId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

export function isObjectId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 256;
}

const MAX_IDS = 5_000_000;

export function isCsvExportCommand(value: unknown): value is CsvExportCommand {
  if (typeof value !== 'object' || value === null) return false;
  const command = value as Record<string, unknown>;
  return (
    isReadId(command['readId']) &&
    (CSV_LEVELS as readonly unknown[]).includes(command['level']) &&
    (CSV_SCOPES as readonly unknown[]).includes(command['scope']) &&
    isIdList(command['ids'])
  );
}

function isIdList(value: unknown): value is string[] {
  return Array.isArray(value) && value.length <= MAX_IDS && value.every(isObjectId);
}

export function isMarkCommand(value: unknown): value is MarkCommand {
  if (typeof value !== 'object' || value === null) return false;
  const command = value as Record<string, unknown>;
  const note = command['note'];
  return (
    isReadId(command['readId']) &&
    isIdList(command['ids']) &&
    isMarkAction(command['action']) &&
    (note === undefined || (typeof note === 'string' && isMarkText(note)))
  );
}

export const noArguments = (args: readonly unknown[]): args is [] => args.length === 0;
export const onePath = (args: readonly unknown[]): args is [string] => args.length === 1 && typeof args[0] === 'string';
export const readAndObjectId = (args: readonly unknown[]): args is [number, string] => args.length === 2 && isReadId(args[0]) && isObjectId(args[1]);
export const oneCsvExportCommand = (args: readonly unknown[]): args is [CsvExportCommand] => args.length === 1 && isCsvExportCommand(args[0]);
export const oneMarkCommand = (args: readonly unknown[]): args is [MarkCommand] => args.length === 1 && isMarkCommand(args[0]);
export const oneReadId = (args: readonly unknown[]): args is [number] => args.length === 1 && isReadId(args[0]);
export const readIdAndPathOrNull = (args: readonly unknown[]): args is [number, string | null] =>
  args.length === 2 && isReadId(args[0]) && (args[1] === null || typeof args[1] === 'string');
export const readIdAndCompareLevel = (args: readonly unknown[]): args is [number, 'object' | 'attribute'] =>
  args.length === 2 && isReadId(args[0]) && (args[1] === 'object' || args[1] === 'attribute');
