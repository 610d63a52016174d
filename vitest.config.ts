import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

/*
 * Every test lives under tests/ and belongs to exactly one kind:
 *   tests/integration/  the integration suite, run on a fresh in-memory PGlite per file (always)
 *                       and again on a fresh PostgreSQL database per file when DATABASE_URL is set;
 *   tests/pglite/       PGlite-only integration tests (the data directory lock);
 *   tests/chaos/        the realtime chaos test (server child killed with SIGKILL), on PGlite always
 *                       and on PostgreSQL when DATABASE_URL is set;
 *   anything else       unit tests (pure functions, no database).
 * Tests learn their driver from TEST_DB (see tests/support/database.ts). Every file runs in its
 * own forked process (pool "forks", isolate), so each has its own globalThis: the installed
 * database, the env cache and the auth secret never leak from one file into another.
 */
const ALL = "tests/**/*.test.ts";
const INTEGRATION = "tests/integration/**/*.test.ts";
const PGLITE_ONLY = "tests/pglite/**/*.test.ts";
const CHAOS = "tests/chaos/**/*.test.ts";

const base = {
  resolve: {
    alias: [
      // Outside Next's bundler `server-only` throws on import; tests are server code.
      { find: /^server-only$/, replacement: path.join(root, "tests/support/empty.ts") },
      { find: /^@\//, replacement: `${root}/` },
    ],
  },
} satisfies TestProjectInlineConfiguration;

const shared = {
  environment: "node" as const,
  pool: "forks" as const,
  isolate: true,
  // next-auth imports "next/server" without an extension, which only a bundler resolves: let Vite
  // transform it (route handlers under test import lib/auth through lib/api).
  server: { deps: { inline: ["next-auth", "@auth/core"] as string[] } },
};

const integration = (driver: "pglite" | "postgres"): TestProjectInlineConfiguration => ({
  ...base,
  test: {
    ...shared,
    name: `integration-${driver}`,
    include: driver === "pglite" ? [INTEGRATION, PGLITE_ONLY] : [INTEGRATION],
    env: { TEST_DB: driver },
    ...(driver === "pglite" ? { globalSetup: ["tests/support/pglite-snapshot.ts"] } : {}),
    // Production-cost scrypt hashes, PGlite start-up (seconds of WASM) and PostgreSQL round trips
    // take far longer than pure functions, more so on a busy two-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

/** Each seed restarts a server process several times; a file takes one to two minutes per driver. */
const chaos = (driver: "pglite" | "postgres"): TestProjectInlineConfiguration => ({
  ...base,
  test: { ...shared, name: `chaos-${driver}`, include: [CHAOS], env: { TEST_DB: driver }, testTimeout: 150_000, hookTimeout: 120_000 },
});

export default defineConfig({
  ...base,
  test: {
    ...shared,
    include: [ALL],
    // Vitest's default is one worker per core minus one, i.e. a single worker on two cores; the
    // integration files wait on PostgreSQL, sockets and child processes much of the time.
    maxWorkers: Math.max(2, os.availableParallelism()),
    projects: [
      {
        ...base,
        // A production scrypt hash takes ~0.3 s alone and several seconds on a loaded machine.
        test: { ...shared, name: "unit", include: [ALL], exclude: [INTEGRATION, PGLITE_ONLY, CHAOS, "**/node_modules/**"], testTimeout: 30_000 },
      },
      integration("pglite"),
      ...(process.env.DATABASE_URL ? [integration("postgres")] : []),
      chaos("pglite"),
      ...(process.env.DATABASE_URL ? [chaos("postgres")] : []),
    ],
  },
});
