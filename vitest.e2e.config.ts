import { defineConfig } from 'vitest/config';

/** Browser flows: Playwright (playwright-core) driving Debian's chromium against a real server. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    // The web app and the compiled server (dist/server/cli.mjs) built once, if stale.
    globalSetup: ['e2e/support/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two files at a time: a file mostly waits (on its server, the browser, timers), about half a core
    // busy; each has its own server on a free port and its own data directory.
    maxWorkers: 2,
    passWithNoTests: true,
    // expect.poll without a timeout of its own waits up to 5 s (Vitest's default, 1 s, is shorter
    // than a service worker or a live stream can take on a busy 2-core machine); it passes as soon as
    // the condition holds, and explicit timeouts stay as written.
    expect: { poll: { timeout: 5000 } },
  },
});
