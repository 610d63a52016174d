import http from "node:http";
import type { Socket } from "node:net";
import next from "next";
import { databaseConfigFromEnv, installDatabase, openDatabase, type Database } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDemoDataIfEmpty } from "@/db/seed";
import { CLIENT_IP_HEADER } from "@/lib/auth/client-ip";
import { authSecret } from "@/lib/auth/secret";
import { env, EnvError, type Env } from "@/lib/env";
import { boardQueuesIdle } from "@/lib/boards/commands";
import { registerBoardHandlers } from "@/lib/realtime/board-handlers";
import { attachRealtime, closeRealtime } from "@/lib/realtime/server";
import { registerThinkTankHandlers } from "@/lib/think-tanks/realtime";

/** How long in-flight requests may take to finish after SIGTERM before connections are cut. */
const SHUTDOWN_GRACE_MS = 10_000;

function fail(message: string): never {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

function loadEnv(): Env {
  try {
    return env();
  } catch (error) {
    if (error instanceof EnvError) fail(error.message);
    throw error;
  }
}

/** The peer address, or with TRUST_PROXY the first X-Forwarded-For hop; a client-sent copy is dropped. */
function stampClientIp(req: http.IncomingMessage, trustProxy: boolean): void {
  delete req.headers[CLIENT_IP_HEADER];
  const forwarded = trustProxy ? String(req.headers["x-forwarded-for"] ?? "").split(",")[0]?.trim() : "";
  req.headers[CLIENT_IP_HEADER] = forwarded || req.socket.remoteAddress || "unknown";
  if (!trustProxy) {
    delete req.headers["x-forwarded-for"];
    delete req.headers["x-forwarded-host"];
    delete req.headers["x-forwarded-proto"];
  }
}

async function main(): Promise<void> {
  const config = loadEnv();
  const dev = config.NODE_ENV !== "production";
  // Auth.js's route handlers build redirects (and decide on Secure cookies) from the request URL,
  // which in a custom server is Next's internal http://localhost:PORT. With APP_URL set, they must
  // use the public URL instead, or sign-in redirects would leave the site for localhost.
  if (config.APP_URL && !process.env.AUTH_URL) process.env.AUTH_URL = `${new URL(config.APP_URL).origin}/api/auth`;

  let database: Database;
  try {
    const opening = openDatabase(databaseConfigFromEnv(config));
    installDatabase(opening);
    database = await opening;
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  console.info(`› database: ${database.kind} (${database.location})`);
  await migrateDatabase(database);
  const seed = config.SEED_DEMO_DATA ?? database.kind === "pglite";
  if (seed && (await seedDemoDataIfEmpty(database.db))) console.info("› demo data seeded (password: netzwerkstatt-demo)");
  await authSecret();

  const app = next({ dev, dir: process.cwd(), port: config.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const upgrade = app.getUpgradeHandler();

  const server = http.createServer((req, res) => {
    stampClientIp(req, config.TRUST_PROXY);
    void handle(req, res);
  });
  const io = attachRealtime(server, [registerBoardHandlers, registerThinkTankHandlers]);
  server.on("upgrade", (req, socket, head) => {
    if (req.url?.startsWith("/socket.io")) return; // socket.io's own listener takes these
    stampClientIp(req, config.TRUST_PROXY);
    void upgrade(req, socket as Socket, head);
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.PORT, config.HOST, resolve);
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  console.info(`› Netzwerkstatt ready on http://localhost:${port} (${dev ? "development" : "production"})`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.info(`› ${signal}: shutting down`);
    const forced = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    forced.unref();
    // Last resort if something hangs (a stuck request, a driver that never answers).
    setTimeout(() => {
      console.error("› shutdown did not finish in time; exiting");
      process.exit(1);
    }, SHUTDOWN_GRACE_MS * 3).unref();
    // Stop accepting, disconnect realtime clients (they reconnect to another instance or later),
    // let in-flight HTTP requests finish, then flush and close the database.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    const realtimeClosed = closeRealtime(io);
    server.closeIdleConnections();
    await closed;
    await realtimeClosed.catch(() => {});
    await boardQueuesIdle(); // ops already received are committed before the database closes
    clearTimeout(forced);
    await database.close();
    console.info("› stopped cleanly");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
