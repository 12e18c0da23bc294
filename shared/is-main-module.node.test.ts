import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTempDir } from './testing/samples.node.js';

const temp = makeTempDir();
afterAll(() => temp.remove());

describe('isMainModule', () => {
  it('is true for the started script, also through a symlink as npm installs bins', () => {
    const helper = fileURLToPath(new URL('./is-main-module.node.ts', import.meta.url));
    const script = join(temp.dir, 'tool.ts');
    writeFileSync(script, `import { isMainModule } from ${JSON.stringify(helper)};\nconsole.log(isMainModule(import.meta.url));\n`);
    const link = join(temp.dir, 'tool-link');
    symlinkSync(script, link);
    const run = (path: string) => execFileSync(process.execPath, ['--import', 'tsx', path], { encoding: 'utf8' }).trim();
    expect(run(script)).toBe('true');
    expect(run(link)).toBe('true');
  });
});
