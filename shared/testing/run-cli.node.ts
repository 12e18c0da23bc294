/** Test support: the CLI run in-process, its exit code and what it wrote to stdout and stderr. */
import { runCli } from '../cli/export-review.node.js';

export async function runCliForTest(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t), isTty: false });
  return { code, out, err };
}
