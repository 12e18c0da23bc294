/** Numbers, sizes and durations as the header and messages show them. */
export { formatCount } from '../shared/format-count.js';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export function formatSeconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Operation names as the chips and grid show them. */
export function operationLabel(operation: string): string {
  if (operation === 'delete-add') return 'Delete-add';
  return operation.charAt(0).toUpperCase() + operation.slice(1);
}
