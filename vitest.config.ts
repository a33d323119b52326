import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // Unit tests touch no network and no browser; CLI tests spawn node, so give them room.
    testTimeout: 30_000,
  },
});
