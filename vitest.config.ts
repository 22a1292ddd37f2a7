import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/unit/**/*.test.ts", "test/fault/**/*.test.ts"],
    // One throw-away PostgreSQL per run, for the server tests that run on both databases.
    globalSetup: ["test/support/postgres-global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
