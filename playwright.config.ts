import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive Debian's Chromium (never a downloaded browser) against a real web host started per
 * test by the fixture in tests/e2e/fixtures. `npm run test:e2e` builds the renderer first.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  // One at a time: a two-desk test runs a server, two hosts and two pages. Two such tests on 2 cores starved each
  // other (a page load of the refused-change test passed 90 s in CI); E2E_WORKERS overrides on bigger machines.
  workers: Number(process.env['E2E_WORKERS'] ?? 1),
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  forbidOnly: true,
  use: {
    browserName: 'chromium',
    viewport: { width: 1600, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
});
