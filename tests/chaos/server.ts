import http from "node:http";
import type { AddressInfo } from "node:net";
import { databaseConfigFromEnv, installDatabase, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { authSecret } from "@/lib/auth/secret";
import { env } from "@/lib/env";
import { registerBoardHandlers } from "@/lib/realtime/board-handlers";
import { attachRealtime } from "@/lib/realtime/server";

/*
 * Test-only server for the chaos test (tests/chaos/realtime-chaos.test.ts): the app's database
 * layer and realtime layer exactly as server.ts wires them, without Next.js (no build needed).
 * Opens the database of DATABASE_URL / DATA_DIR, migrates, attaches socket.io with the board
 * handlers to a plain HTTP server on HOST:PORT and prints `ready <port>`. The test kills it with
 * SIGKILL at random moments and starts it again on the same database.
 *   node --import tsx --import ./scripts/server-only-hook.mjs tests/chaos/server.ts
 */

const config = env();
const opening = openDatabase(databaseConfigFromEnv(config));
installDatabase(opening);
const database = await opening;
await migrateDatabase(database);
await authSecret();

const server = http.createServer((_req, res) => res.writeHead(404).end());
attachRealtime(server, [registerBoardHandlers], { redisUrl: null });
server.listen(config.PORT, config.HOST, () => {
  console.info(`ready ${(server.address() as AddressInfo).port} ${database.kind}`);
});
