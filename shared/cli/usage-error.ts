/** Wrong usage of the command line: printed with the usage text, exit code 2. */
export class UsageError extends Error {}

/** A whole number option (`--max-deletes 500`), or why not. */
export function wholeNumber(option: string, value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d+$/.test(value)) throw new UsageError(`${option} takes a whole number, e.g. ${option} 500`);
  return Number(value);
}
