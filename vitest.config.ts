import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests start real loopback servers; they are bounded by their own time-outs.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
