import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createClient } from "redis";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "@/db/schema";
import { registerBoardHandlers } from "@/lib/realtime/board-handlers";
import { BoardClient } from "@/lib/realtime/client";
import { attachRealtime, closeRealtime, type RealtimeServer } from "@/lib/realtime/server";
import { createBoardFixture } from "../support/boards";
import { testDriver, withTestDatabase } from "../support/database";
import { resetAuthSecretCache, setEnv } from "../support/env";
import { createUser } from "../support/factories";
import { connectAs, untilView } from "../support/realtime";

/*
 * Two app instances (two HTTP servers with their own socket.io, as two processes would have)
 * on the local Redis and the test database: an op received by one instance reaches a client of
 * the other only through the Redis Streams adapter.
 */

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

async function redisReachable(): Promise<boolean> {
  const client = createClient({ url: REDIS_URL, socket: { connectTimeout: 1_000, reconnectStrategy: false } });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch {
    return false;
  } finally {
    if (client.isOpen) client.destroy();
  }
}

const redisUp = await redisReachable();
if (!redisUp) console.warn(`[realtime-redis] skipped: no Redis at ${REDIS_URL} (start one or set TEST_REDIS_URL)`);

const t = withTestDatabase();
void t;

const SECRET = "realtime-redis-secret-0123456789abcdefghi";

type Instance = { server: http.Server; io: RealtimeServer; url: string };
const instances: Instance[] = [];
const sockets: Socket[] = [];
let restoreEnv: () => void;

async function startInstance(): Promise<Instance> {
  const server = http.createServer((_req, res) => res.writeHead(404).end());
  const io = attachRealtime(server, [registerBoardHandlers], { redisUrl: REDIS_URL });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const instance = { server, io, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
  instances.push(instance);
  return instance;
}

async function connect(instance: Instance, user: User): Promise<Socket> {
  const socket = await connectAs(instance.url, user);
  sockets.push(socket);
  return socket;
}


/** Both instances subscribed and reading the stream: a broadcast from A reaches a socket on B. */
async function clusterReady(from: Instance, to: Socket, room: string): Promise<void> {
  const probe = randomUUID();
  const arrived = new Promise<void>((resolve) => to.on("probe", (id: string) => id === probe && resolve()));
  let done = false;
  void arrived.then(() => (done = true));
  // Streams are read from "now": repeat the probe until the other instance's reader is running.
  for (let attempt = 0; attempt < 200 && !done; attempt++) {
    from.io.to(room).emit("probe", probe);
    await Promise.race([arrived, new Promise((resolve) => setTimeout(resolve, 100))]);
  }
  await arrived;
}

beforeAll(() => {
  restoreEnv = setEnv({ AUTH_SECRET: SECRET, APP_URL: "http://app.netzwerkstatt.test" });
  resetAuthSecretCache();
});

afterAll(async () => {
  for (const s of sockets) s.close();
  await Promise.all(instances.map((i) => closeRealtime(i.io)));
  restoreEnv();
  resetAuthSecretCache();
});

describe.skipIf(!redisUp)(`several instances over the Redis Streams adapter (${testDriver()})`, () => {
  it("delivers a card created through one instance to a client of the other, with presence across both", async () => {
    const [alice, bob] = [await createUser({ name: "Alice Eins" }), await createUser({ name: "Bob Zwei" })];
    const { board } = await createBoardFixture({
      participants: [
        { user: alice, role: "knowledge_giver" },
        { user: bob, role: "delegate" },
      ],
      kind: "canvas",
    });
    const one = await startInstance();
    const two = await startInstance();

    const bobClient = new BoardClient({ boardId: board.id, socket: await connect(two, bob) });
    bobClient.start();
    await untilView(bobClient, (v) => v.connection === "online", "Bob online on instance two");
    await clusterReady(one, sockets[0]!, `board:${board.id}`);

    const aliceClient = new BoardClient({ boardId: board.id, socket: await connect(one, alice) });
    aliceClient.start();
    await untilView(aliceClient, (v) => v.connection === "online", "Alice online on instance one");
    // Presence is computed across instances (fetchSockets through Redis).
    await untilView(bobClient, (v) => v.presence.length === 2, "both present at Bob");

    const cardId = randomUUID();
    aliceClient.submit({ type: "card.create", cardId, text: "Über Redis", x: 10, y: 10 });
    const view = await untilView(bobClient, (v) => v.snapshot?.cards.some((c) => c.id === cardId) ?? false, "card at Bob");
    expect(view.snapshot!.cards[0]).toMatchObject({ text: "Über Redis", author: { name: "Alice Eins" } });
    expect(view.seq).toBe(1);
    // Bob's instance never handled the op: only Redis could have brought it.
    expect(await one.io.in(`board:${board.id}`).fetchSockets()).toHaveLength(2);

    bobClient.submit({ type: "card.update", cardId, baseVersion: 1, changes: { x: 99 } });
    await untilView(aliceClient, (v) => v.snapshot?.cards[0]?.x === 99, "move at Alice");
    aliceClient.stop();
    bobClient.stop();
  });
});
