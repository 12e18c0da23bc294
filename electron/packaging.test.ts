/** The packaging settings a real user's install depends on (package.json `build`, read by electron-builder). */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
  main: string;
  engines: { node: string };
  build: { electronFuses: Record<string, boolean>; asarUnpack: string[]; files: string[] };
};

describe('packaging', () => {
  it("flips Electron's fuses as the security checklist asks", () => {
    expect(manifest.build.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('unpacks exactly the built worker entries, each named .mjs so its module type is never guessed', () => {
    expect(manifest.build.asarUnpack).toEqual(['dist/electron/read-worker.mjs', 'dist/electron/parse-worker.mjs']);
    for (const worker of manifest.build.asarUnpack) expect(existsSync(worker), worker).toBe(true);
    expect(existsSync(manifest.main)).toBe(true);
  });

  it("asks for the Node that Electron's own tooling needs", () => {
    expect(manifest.engines.node).toBe('>=22.12.0');
  });
});
