import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    globalSetup: ['electron/testing/build-for-tests.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    // The glue tests start the built main process from a packaged layout in such a folder: Node loads
    // it natively, as Electron would, so its `electron` import reaches the fake, not the runner's resolver.
    server: { deps: { external: [/[\\/]export-review-glue-[^\\/]+[\\/]/] } },
  },
});
