import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import type { Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { phases, thinkTankParticipants, type User } from "@/db/schema";
import { runPhase } from "@/lib/phases/commands";
import { attachRealtime, closeRealtime, type RealtimeServer } from "@/lib/realtime/server";
import { changeThinkTankStatus, createThinkTank } from "@/lib/think-tanks/commands";
import { PHASE_UPDATE, THINK_TANK_WATCH, registerThinkTankHandlers } from "@/lib/think-tanks/realtime";
import { testDriver, withTestDatabase } from "../support/database";
import { resetAuthSecretCache, setEnv } from "../support/env";
import { actorOf, createUser } from "../support/factories";
import { connectAs, connected } from "../support/realtime";

const t = withTestDatabase();

const SECRET = "think-tank-realtime-secret-0123456789abc";

let restoreEnv: () => void;
let server: http.Server;
let io: RealtimeServer;
let url: string;
const sockets: Socket[] = [];
let mod: User, participant: User, outsider: User;

beforeAll(async () => {
  restoreEnv = setEnv({ AUTH_SECRET: SECRET, APP_URL: "http://app.netzwerkstatt.test", REDIS_URL: "" });
  resetAuthSecretCache();
  server = http.createServer((_req, res) => res.writeHead(404).end());
  io = attachRealtime(server, [registerThinkTankHandlers], { redisUrl: null });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  [mod, participant, outsider] = await Promise.all([
    createUser({ role: "moderator", name: "Moderation" }),
    createUser({ name: "Wissensgeberin" }),
    createUser({ name: "Außen" }),
  ]);
});

beforeEach(() => {
  vi.spyOn(console, "info").mockImplementation(() => {});
});

afterEach(() => {
  while (sockets.length) sockets.pop()?.close();
});

afterAll(async () => {
  await closeRealtime(io);
  restoreEnv();
  resetAuthSecretCache();
});

async function connect(user: User): Promise<Socket> {
  const socket = await connectAs(url, user);
  sockets.push(socket);
  return connected(socket);
}

function watch(socket: Socket, thinkTankId: string): Promise<{ ok: boolean; error?: { code: string } }> {
  return socket.timeout(5000).emitWithAck(THINK_TANK_WATCH, { thinkTankId });
}

describe(`thinkTank:watch and phase:update (${testDriver()})`, () => {
  it("lets participants watch and tells them about every phase and status change; outsiders get not_found and hear nothing", async () => {
    const tt = await createThinkTank({ actor: actorOf(mod), input: { title: "Live", question: "Wie?", template: "dschool" } });
    await t.db.insert(thinkTankParticipants).values({ thinkTankId: tt.id, userId: participant.id, role: "knowledge_giver" });
    const [first] = await t.db.select().from(phases).where(eq(phases.thinkTankId, tt.id)).orderBy(phases.position);

    const mine = await connect(participant);
    const theirs = await connect(outsider);
    expect(await watch(mine, tt.id)).toEqual({ ok: true });
    expect(await watch(theirs, tt.id)).toEqual({ ok: false, error: { code: "not_found" } });
    expect(await mine.timeout(5000).emitWithAck(THINK_TANK_WATCH, { thinkTankId: "" })).toEqual({ ok: false, error: { code: "invalid_input" } });

    const leaked: unknown[] = [];
    theirs.on(PHASE_UPDATE, (payload: unknown) => leaked.push(payload));

    const started = new Promise((resolve) => mine.once(PHASE_UPDATE, resolve));
    await runPhase({ actor: actorOf(mod), input: { thinkTankId: tt.id, phaseId: first!.id, action: "start" } });
    expect(await started).toEqual({ thinkTankId: tt.id });

    const paused = new Promise((resolve) => mine.once(PHASE_UPDATE, resolve));
    await changeThinkTankStatus({ actor: actorOf(mod), input: { thinkTankId: tt.id, to: "paused", reason: "Pause" } });
    expect(await paused).toEqual({ thinkTankId: tt.id });

    // The outsider's socket is in no room of this think-tank: a round trip later still nothing arrived.
    await watch(theirs, tt.id);
    expect(leaked).toEqual([]);
  });
});
