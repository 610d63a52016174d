import { randomBytes } from "node:crypto";
import postgres from "postgres";
import fs from "node:fs";
import { afterAll, beforeAll, inject } from "vitest";
import { installDatabase, openDatabase, uninstallDatabase, type Database, type DatabaseConfig, type Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

export type TestDriver = "pglite" | "postgres";

/** The driver this project runs on (set per Vitest project in vitest.config.ts). */
export function testDriver(): TestDriver {
  const driver = process.env.TEST_DB ?? "pglite";
  if (driver !== "pglite" && driver !== "postgres") throw new Error(`TEST_DB must be pglite or postgres, not ${driver}`);
  return driver;
}

function postgresUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("TEST_DB=postgres needs DATABASE_URL (the server to create test databases on)");
  return url;
}

function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A fresh, migrated database of the project's driver: in-memory PGlite, or a new `nzw_test_*`
 * database on the PostgreSQL server of DATABASE_URL. `config` opens further connections to it;
 * `dispose` closes it and drops the database.
 */
export async function createTestDatabase(
  driver: TestDriver = testDriver(),
  options: { migrate?: boolean } = {},
): Promise<{ database: Database; config: DatabaseConfig; dispose(): Promise<void> }> {
  const migrate = options.migrate ?? true;
  if (driver === "pglite") {
    // A migrated snapshot (tests/support/pglite-snapshot.ts) starts in a fraction of the time a
    // fresh PGlite plus all migrations takes; migrateDatabase below then finds nothing to do.
    const snapshot = migrate ? inject("pgliteSnapshot") : undefined;
    const loadDataDir = snapshot ? new Blob([fs.readFileSync(snapshot)]) : undefined;
    const config: DatabaseConfig = { kind: "pglite", dataDir: null, loadDataDir };
    const database = await openDatabase(config);
    if (migrate) await migrateDatabase(database);
    return { database, config, dispose: () => database.close() };
  }
  const serverUrl = postgresUrl();
  const name = `nzw_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } catch (error) {
    await admin.end({ timeout: 5 });
    throw error;
  }
  let database: Database | undefined;
  const dispose = async () => {
    try {
      await database?.close();
    } finally {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    }
  };
  const config: DatabaseConfig = { kind: "postgres", url: withDatabaseName(serverUrl, name), max: 5 };
  try {
    database = await openDatabase(config);
    if (migrate) await migrateDatabase(database);
  } catch (error) {
    await dispose();
    throw error;
  }
  return { database, config, dispose };
}

export type TestDatabase = {
  /** The drizzle handle (available inside tests and hooks, after beforeAll). */
  readonly db: Db;
  readonly database: Database;
};

/**
 * Call once at the top of an integration test file: before all its tests a fresh database is
 * opened, migrated and installed as the process's database (so `getDb()` in commands and queries
 * uses it); after all it is closed and, on PostgreSQL, dropped.
 */
export function withTestDatabase(): TestDatabase {
  let current: Database | undefined;
  let dispose: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const created = await createTestDatabase();
    current = created.database;
    dispose = created.dispose;
    installDatabase(Promise.resolve(current));
  });
  afterAll(async () => {
    uninstallDatabase();
    await dispose?.();
  });
  const get = (): Database => {
    if (!current) throw new Error("test database not open yet: use it inside tests or hooks");
    return current;
  };
  return {
    get db() {
      return get().db;
    },
    get database() {
      return get();
    },
  };
}

/** @deprecated Same as withTestDatabase; the `use` prefix trips the React hooks lint rule. */
export const useTestDatabase = withTestDatabase;
