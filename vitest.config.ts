import { defineConfig } from 'vitest/config';

// The "source" export condition points workspace packages at their TypeScript sources, so
// tests run without a prior build and always see the current code.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', './tools/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['{libs,services,packages}/*/src/**/*.test.ts'], exclude: ['packages/e2e/**', '**/node_modules/**'] },
      },
      {
        // Each e2e file starts the whole system (about eight processes): one file at a time keeps
        // a small machine responsive enough for the timings the tests rely on.
        extends: true,
        test: { name: 'e2e', include: ['packages/e2e/src/**/*.test.ts'], fileParallelism: false },
      },
    ],
  },
});
