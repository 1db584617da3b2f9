import { defineConfig } from 'vitest/config';

// Two projects: `npm run test:unit` (no bot started, no child process) answers first; `npm run test:e2e`
// runs the rest; `npm test` runs both. A file belongs to exactly one: the unit project is every test
// that is not listed here.
const endToEnd = [
  // The bot started in-process or as a child process, against the fake Discord gateway and fake API.
  'test/e2e/**/*.e2e.test.ts',
  // Worker threads that each load TypeScript and race their own SQLite connections: seconds per test.
  'test/domain/quota/concurrency.test.ts',
  // Simulations of thousands of random operations or hours of polling: about ten seconds each.
  'test/domain/quota/ledgerProperty.test.ts',
  'test/domain/pollMultiShot.test.ts',
];

export default defineConfig({
  test: {
    // End-to-end tests start real loopback servers and child processes, bounded by their own time-outs;
    // unit tests keep the same ceiling, as on two busy cores a property run takes seconds.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: endToEnd } },
      { extends: true, test: { name: 'e2e', include: endToEnd } },
    ],
  },
});
