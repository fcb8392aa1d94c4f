import { defineConfig } from 'vitest/config';

/**
 * Fault tests (`npm run test:faults`, issue 16): real server processes (the compiled server, built
 * by the script first) killed with -9, PostgreSQL restarted under load, streams resumed after a
 * restart, a full disk. One file at a time: each loads the machine and times its faults.
 */
export default defineConfig({
  test: {
    include: ['test/faults/**/*.faults.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
