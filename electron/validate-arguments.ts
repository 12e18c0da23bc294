/** Arguments from the renderer are untrusted: each handler checks them before use. */
import type { CsvExportCommand } from '../shared/ipc-contract.js';

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
