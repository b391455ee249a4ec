import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    environment: 'node',
    // One test runs the corpus scorer over every corpus log (when ../shared/corpus is there).
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
