/*
 * Fixture for tests/pglite/lock.test.ts, run as its own process:
 *   node --import tsx --import ./scripts/server-only-hook.mjs tests/support/pglite-holder.ts <DATA_DIR> <email>
 * Opens the embedded database in DATA_DIR, migrates it, writes one user, prints "ready" and then
 * holds the database open until it is killed.
 */
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { users } from "@/db/schema";

const [dataDir, email] = process.argv.slice(2);
if (!dataDir || !email) throw new Error("usage: pglite-holder.ts <DATA_DIR> <email>");

const database = await openDatabase({ kind: "pglite", dataDir });
await migrateDatabase(database);
await database.db.insert(users).values({ name: "Written by the holder", email });
process.stdout.write(`ready ${process.pid}\n`);
// Stay alive (and keep the lock) until the test kills this process.
setInterval(() => {}, 60_000);
