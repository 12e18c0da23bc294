/** Arguments from the renderer are untrusted: the checks each invoke method's arguments must pass. */
import type { CsvExportCommand } from './ipc-contract.js';

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
    (command['level'] === 'object' || command['level'] === 'attribute') &&
    (command['scope'] === 'shown' || command['scope'] === 'selected') &&
    Array.isArray(command['ids']) &&
    command['ids'].length <= MAX_IDS &&
    command['ids'].every(isObjectId)
  );
}

export const noArguments = (args: readonly unknown[]): args is [] => args.length === 0;
export const onePath = (args: readonly unknown[]): args is [string] => args.length === 1 && typeof args[0] === 'string';
export const readAndObjectId = (args: readonly unknown[]): args is [number, string] => args.length === 2 && isReadId(args[0]) && isObjectId(args[1]);
export const oneCsvExportCommand = (args: readonly unknown[]): args is [CsvExportCommand] => args.length === 1 && isCsvExportCommand(args[0]);
