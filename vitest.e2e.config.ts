import { defineConfig } from 'vitest/config';

/** Browser flows: Playwright (playwright-core) driving Debian's chromium against a real server. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    // The web app and the compiled server (dist/server/cli.mjs) built once, if stale.
    globalSetup: ['e2e/support/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    passWithNoTests: true,
  },
});
