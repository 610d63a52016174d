import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

/**
 * The one database handle of the process. Both drivers speak the same drizzle API; we type the
 * handle as the postgres.js flavour and let PGlite stand in for it (same dialect, same results).
 */
export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export type Database = {
  db: Db;
  kind: "pglite" | "postgres";
  /** Where the data lives: the PGlite directory, ":memory:", or the PostgreSQL URL without password. */
  location: string;
  /** Checkpoints (PGlite) and closes the connection; idempotent. */
  close(): Promise<void>;
  ping(): Promise<void>;
};

export type DatabaseConfig =
  | { kind: "postgres"; url: string; max?: number }
  /** `loadDataDir`: start an in-memory database from a `dumpDataDir()` tarball (tests' pre-migrated snapshot). */
  | { kind: "pglite"; dataDir: string | null; loadDataDir?: Blob };

export class DatabaseLockedError extends Error {
  constructor(dir: string, pid: number, host: string) {
    super(
      `The embedded database in ${dir} is already in use by process ${pid} on ${host}. ` +
        `Stop that process first, or set DATA_DIR to another directory to run a second instance.`,
    );
    this.name = "DatabaseLockedError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite is single-process: a second process writing the same directory corrupts it. A lock file
 * with our pid makes the second one refuse; a lock left by a dead process (crash, SIGKILL) is taken over.
 */
function acquireDirectoryLock(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const lockPath = path.join(dir, "netzwerkstatt.lock");
  const mine = JSON.stringify({ pid: process.pid, host: os.hostname() });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, mine, { flag: "wx" });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(lockPath, "utf8") === mine) fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      let holder: { pid?: number; host?: string } = {};
      try {
        holder = JSON.parse(fs.readFileSync(lockPath, "utf8")) as typeof holder;
      } catch {
        // unreadable lock: treat as stale
      }
      const sameHost = holder.host === os.hostname();
      if (holder.pid && (!sameHost || (holder.pid !== process.pid && isAlive(holder.pid)))) {
        throw new DatabaseLockedError(dir, holder.pid, holder.host ?? "unknown host");
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock the embedded database directory ${dir}.`);
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === "postgres") {
    const sql = postgres(config.url, { max: config.max ?? 10, onnotice: () => {} });
    const db = drizzlePostgres({ client: sql, schema });
    let closed = false;
    return {
      db,
      kind: "postgres",
      location: config.url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@"),
      async close() {
        if (closed) return;
        closed = true;
        await sql.end({ timeout: 5 });
      },
      async ping() {
        await sql`select 1`;
      },
    };
  }

  const dir = config.dataDir ? path.resolve(config.dataDir, "pglite") : null;
  const release = dir ? acquireDirectoryLock(dir) : () => {};
  let client: PGlite;
  try {
    client = dir ? new PGlite(dir) : new PGlite(config.loadDataDir ? { loadDataDir: config.loadDataDir } : undefined);
    await client.waitReady;
  } catch (error) {
    release();
    throw error;
  }
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  let closed = false;
  return {
    db,
    kind: "pglite",
    location: dir ?? ":memory:",
    async close() {
      if (closed) return;
      closed = true;
      try {
        // Flush everything to the data files so an ordinary stop leaves a clean directory.
        if (dir) await client.exec("CHECKPOINT");
        await client.close();
      } finally {
        release();
      }
    },
    async ping() {
      await client.query("select 1");
    },
  };
}

const KEY = Symbol.for("netzwerkstatt.database");
type Holder = { [KEY]?: Promise<Database> };

/** Installs the process's database (server start-up, tests). Next's bundles and server.ts share it via globalThis. */
export function installDatabase(database: Promise<Database>): void {
  (globalThis as Holder)[KEY] = database;
}

export function uninstallDatabase(): void {
  delete (globalThis as Holder)[KEY];
}

/** The process's database; opened lazily from the environment the first time it is needed. */
export function database(): Promise<Database> {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    // Imported lazily so `next build` can import this module without reading the environment.
    holder[KEY] = import("@/lib/env").then(({ env }) => openDatabase(databaseConfigFromEnv(env())));
  }
  return holder[KEY];
}

export async function getDb(): Promise<Db> {
  return (await database()).db;
}

export function databaseConfigFromEnv(e: { DATABASE_URL?: string; DATA_DIR: string }): DatabaseConfig {
  return e.DATABASE_URL ? { kind: "postgres", url: e.DATABASE_URL } : { kind: "pglite", dataDir: e.DATA_DIR };
}
