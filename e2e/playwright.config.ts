import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the real renderer build in Debian's Chromium (no Electron binary can be
 * downloaded here); electron.spec.ts drives the real app wherever an Electron binary exists.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../test-results',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [['list']],
  use: {
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      // PLAYWRIGHT_BUNDLED_CHROMIUM=1 (GitHub Actions on Windows and macOS): Playwright's own browser.
      executablePath: process.env['PLAYWRIGHT_BUNDLED_CHROMIUM'] ? undefined : (process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'),
      // As root in CI, without a sandbox; no background traffic on a machine with no network.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
