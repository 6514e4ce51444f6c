import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // CLI tests spawn the built bundle; one fork per core keeps the 2-core machine responsive.
    pool: 'forks',
    testTimeout: 30_000,
  },
});
