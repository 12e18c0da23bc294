/** Arguments from the renderer are untrusted: each invoke channel's arguments are checked before use. */
import type { CsvExportCommand, InvokeChannels } from '../shared/app/ipc-contract.js';

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

type ArgumentCheck<C extends keyof InvokeChannels> = (args: readonly unknown[]) => args is InvokeChannels[C]['request'];

const none = (args: readonly unknown[]): args is [] => args.length === 0;

/** One check per invoke channel: the type makes a channel without a check a compile error. */
export const argumentChecks: { [C in keyof InvokeChannels]: ArgumentCheck<C> } = {
  'export-review:show-open-dialog': none,
  'export-review:open-path': (args): args is [string] => args.length === 1 && typeof args[0] === 'string',
  'export-review:cancel-read': none,
  'export-review:close-file': none,
  'export-review:get-details': (args): args is [number, string] => args.length === 2 && isReadId(args[0]) && isObjectId(args[1]),
  'export-review:export-csv': (args): args is [CsvExportCommand] => args.length === 1 && isCsvExportCommand(args[0]),
  'export-review:listening': none,
};
