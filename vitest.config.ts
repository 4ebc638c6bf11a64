import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (test/unit/**) needs neither Java nor MongoDB and runs
 * alone with `npm run test:unit`; `db` (everything else) gets one
 * MongoDB-compatible engine per run from test/global-setup.ts. `npm test`
 * runs both.
 */
export default defineConfig({
  test: {
    testTimeout: 30000,
    hookTimeout: 60000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'db', include: ['test/**/*.test.ts'], exclude: ['test/unit/**'], globalSetup: ['test/global-setup.ts'] },
      },
    ],
  },
});
