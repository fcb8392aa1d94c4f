import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // At least two files at a time, also on 2 cores (Vitest's default there is one): much of a
    // file's time is spent waiting on PostgreSQL, child servers and sockets. Each worker has a
    // PostgreSQL database of its own (test/harness.ts): one file's background jobs (the day end
    // sweeps every mall it sees) never touch the malls of a file running beside it.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    // A worker runs its files one after another in one process and imports the app's modules once,
    // instead of a fresh process importing them again for every file (a few CPU-seconds each).
    // Tests keep no state in modules between files (spies are restored, registered channels put
    // back); `npx vitest run --isolate` runs every file in a fresh process to check that.
    isolate: false,
  },
});
