import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";

/*
 * Starts the production server once for the whole run, exactly as `npm start` does
 * (scripts/start.mjs: build when the sources changed, then server.ts), on a fresh database:
 * a new PostgreSQL database next to DATABASE_URL when that is set, else a temporary PGlite
 * directory. The returned function is the global teardown: SIGTERM, check for a clean exit
 * (graceful shutdown), then drop the database.
 */

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const LOG_FILE = path.join(ROOT, "test-results", "e2e-server.log");
const STARTUP_TIMEOUT_MS = 15 * 60_000; // a first build on two cores takes a few minutes
const SHUTDOWN_TIMEOUT_MS = 30_000;

type Database = { kind: "postgres"; url: string; name: string; adminUrl: string } | { kind: "pglite"; dataDir: string };

function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function createDatabase(): Promise<Database> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "nzw-e2e-"));
    return { kind: "pglite", dataDir };
  }
  const name = `nzw_e2e_${randomBytes(6).toString("hex")}`;
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`CREATE DATABASE "${name}"`);
  } finally {
    await sql.end({ timeout: 5 });
  }
  return { kind: "postgres", url: withDatabaseName(adminUrl, name), name, adminUrl };
}

async function dropDatabase(database: Database): Promise<void> {
  if (database.kind === "pglite") {
    fs.rmSync(database.dataDir, { recursive: true, force: true });
    return;
  }
  const sql = postgres(database.adminUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`DROP DATABASE IF EXISTS "${database.name}" WITH (FORCE)`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

function tail(file: string, lines = 60): string {
  try {
    return fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no server log)";
  }
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
}

/** Polls /api/health until it answers 200; fails early when the server process dies. */
async function waitForHealthy(baseURL: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  let died = false;
  void exited(child).then(() => (died = true));
  while (Date.now() < deadline) {
    if (died) throw new Error(`The e2e server exited (code ${child.exitCode}) before it was healthy:\n${tail(LOG_FILE)}`);
    try {
      const response = await fetch(`${baseURL}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The e2e server was not healthy within ${STARTUP_TIMEOUT_MS / 60_000} minutes:\n${tail(LOG_FILE)}`);
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const port = process.env.E2E_PORT;
  if (!port) throw new Error("E2E_PORT is not set (playwright.config.ts picks it)");
  const baseURL = `http://localhost:${port}`; // the same URL as playwright.config.ts

  const database = await createDatabase();
  fs.mkdirSync(path.dirname(LOG_FILE), { recursive: true });
  const log = fs.createWriteStream(LOG_FILE);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production", // what start.mjs sets for `npm start` anyway
    PORT: port,
    HOST: "127.0.0.1", // loopback only; browsers and Node fall back from ::1 to it for localhost
    APP_URL: baseURL,
    // Each test sends its own X-Forwarded-For, so the per-IP sign-in throttle of one test
    // never locks out another (they all come from 127.0.0.1).
    TRUST_PROXY: "true",
    SEED_DEMO_DATA: "true",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  // Mails must land in the outbox the tests read; realtime fan-out is not under test here.
  delete env.SMTP_URL;
  delete env.REDIS_URL;
  if (database.kind === "postgres") {
    env.DATABASE_URL = database.url;
    delete env.DATA_DIR;
  } else {
    delete env.DATABASE_URL;
    env.DATA_DIR = database.dataDir;
  }

  console.info(`› e2e: starting the production server on ${baseURL} (${database.kind}); log: ${path.relative(process.cwd(), LOG_FILE)}`);
  const child = spawn(process.execPath, [path.join(ROOT, "scripts", "start.mjs")], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let ready = false;
  // Build progress is worth seeing; after start-up the server's output goes to the log file only.
  child.stdout?.on("data", (chunk: Buffer) => {
    log.write(chunk);
    if (!ready) process.stdout.write(chunk);
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    log.write(chunk);
    if (!ready) process.stderr.write(chunk);
  });

  try {
    await waitForHealthy(baseURL, child);
  } catch (error) {
    child.kill("SIGKILL");
    await exited(child);
    log.end();
    await dropDatabase(database);
    throw error;
  }
  ready = true;
  process.env.E2E_BASE_URL = baseURL;
  process.env.E2E_DATABASE_KIND = database.kind;
  console.info("› e2e: server healthy");

  return async () => {
    try {
      const stopped = exited(child);
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`The e2e server died during the tests (code ${child.exitCode}, signal ${child.signalCode}):\n${tail(LOG_FILE)}`);
      }
      child.kill("SIGTERM");
      const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), SHUTDOWN_TIMEOUT_MS).unref());
      const result = await Promise.race([stopped, timeout]);
      if (result === "timeout") {
        child.kill("SIGKILL");
        await stopped;
        throw new Error(`The e2e server did not stop within ${SHUTDOWN_TIMEOUT_MS / 1000} s of SIGTERM:\n${tail(LOG_FILE)}`);
      }
      if (result.code !== 0) {
        throw new Error(`The e2e server did not shut down cleanly (code ${result.code}, signal ${result.signal}):\n${tail(LOG_FILE)}`);
      }
      console.info("› e2e: server stopped cleanly (exit 0)");
    } finally {
      await new Promise<void>((resolve) => log.end(resolve));
      await dropDatabase(database);
    }
  };
}
