import path from "node:path";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { PgDialect, type PgSession } from "drizzle-orm/pg-core";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { Database } from "./client";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/** Arbitrary but fixed: several app instances starting at once migrate one after the other. */
const MIGRATION_LOCK = 7_341_002;

export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === "pglite") {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    // drizzle's migrator opens a transaction of its own, which postgres.js cannot open inside
    // ours (a transaction has no `begin`); here it becomes a savepoint under the lock instead.
    const session: PgSession = Object.assign(Object.create(tx._.session) as PgSession, {
      transaction: (run: Parameters<typeof tx.transaction>[0]) => tx.transaction(run),
    });
    await new PgDialect().migrate(readMigrationFiles({ migrationsFolder }), session, { migrationsFolder });
  });
}
