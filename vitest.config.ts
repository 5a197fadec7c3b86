import { defineConfig } from 'vitest/config';

// The "source" export condition points workspace packages at their TypeScript sources, so
// tests run without a prior build and always see the current code.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['{libs,services,packages}/*/src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', './tools/summary-reporter.ts'],
  },
});
