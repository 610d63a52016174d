import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import type { Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { cards, type User } from "@/db/schema";
import { BOARD_OPS_BURST } from "@/lib/boards/rate-limit";
import { runPhase } from "@/lib/phases/commands";
import { registerBoardHandlers } from "@/lib/realtime/board-handlers";
import { BoardClient, memoryStore, type PendingStore } from "@/lib/realtime/client";
import type { BoardEvent, CursorMove, JoinAck, OpAck } from "@/lib/realtime/events";
import { attachRealtime, closeRealtime, type RealtimeServer } from "@/lib/realtime/server";
import { boardActor, createBoardFixture, op } from "../support/boards";
import { testDriver, withTestDatabase } from "../support/database";
import { resetAuthSecretCache, setEnv } from "../support/env";
import { createUser } from "../support/factories";
import { connectAs, untilView } from "../support/realtime";

const t = withTestDatabase();

const SECRET = "realtime-boards-secret-0123456789abcdefgh";

let restoreEnv: () => void;
let server: http.Server;
let io: RealtimeServer;
let url: string;
const sockets: Socket[] = [];
const clients: BoardClient[] = [];
let users: { mod: User; alice: User; bob: User; outsider: User };

beforeAll(async () => {
  restoreEnv = setEnv({ AUTH_SECRET: SECRET, APP_URL: "http://app.netzwerkstatt.test", REDIS_URL: "" });
  resetAuthSecretCache();
  server = http.createServer((_req, res) => res.writeHead(404).end());
  io = attachRealtime(server, [registerBoardHandlers], { redisUrl: null });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  users = {
    mod: await createUser({ name: "Mara Moderation" }),
    alice: await createUser({ name: "Alice Anonym" }),
    bob: await createUser({ name: "Bob Beispiel" }),
    outsider: await createUser({ name: "Xaver Außen" }),
  };
});

afterEach(() => {
  while (clients.length) clients.pop()?.stop();
  while (sockets.length) sockets.pop()?.close();
});

afterAll(async () => {
  await closeRealtime(io);
  restoreEnv();
  resetAuthSecretCache();
});

async function connect(user: User, options: { autoConnect?: boolean } = {}): Promise<Socket> {
  const socket = await connectAs(url, user, {
    reconnectionDelay: 50,
    reconnectionDelayMax: 200,
    autoConnect: options.autoConnect ?? true,
  });
  sockets.push(socket);
  return socket;
}

async function boardClient(user: User, boardId: string, store: PendingStore = memoryStore()): Promise<BoardClient> {
  const client = new BoardClient({ boardId, socket: await connect(user), store });
  clients.push(client);
  client.start();
  return client;
}


function emitAck<T>(socket: Socket, event: string, payload: unknown): Promise<T> {
  return socket.timeout(20_000).emitWithAck(event, payload) as Promise<T>;
}

function participants(...list: Array<[User, "moderator" | "knowledge_giver" | "delegate" | "observer"]>) {
  return list.map(([user, role]) => ({ user, role }));
}

describe(`board protocol over socket.io (${testDriver()})`, () => {
  it("refuses board:join to a non-participant with not_found and sends them nothing", async () => {
    const { board } = await createBoardFixture({ participants: participants([users.alice, "knowledge_giver"]) });
    const socket = await connect(users.outsider);
    const events: unknown[] = [];
    socket.on("board:event", (e) => events.push(e));
    const ack = await emitAck<JoinAck>(socket, "board:join", { boardId: board.id });
    expect(ack).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await io.in(`board:${board.id}`).fetchSockets()).toHaveLength(0);
    const opAck = await emitAck<OpAck>(socket, "board:op", { boardId: board.id, clientOpId: randomUUID(), op: { type: "card.create", cardId: randomUUID(), text: "x" } });
    expect(opAck).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await emitAck<JoinAck>(socket, "board:join", { boardId: "not-a-uuid" })).toMatchObject({ ok: false, error: { code: "invalid_input" } });

    const client = await boardClient(users.outsider, board.id);
    await untilView(client, (v) => v.connection === "refused", "refused");
    expect(client.getView().snapshot).toBeNull();
    expect(events).toEqual([]);
  });

  it("shows two participants each other's cards, moves, groups, votes and presence live", async () => {
    const { board, columnIds } = await createBoardFixture({
      participants: participants([users.alice, "knowledge_giver"], [users.bob, "delegate"]),
      votesPerPerson: 3,
    });
    const alice = await boardClient(users.alice, board.id);
    const bob = await boardClient(users.bob, board.id);
    await untilView(alice, (v) => v.connection === "online" && v.presence.length === 2, "both present");
    const remote: BoardEvent[] = [];
    bob.onRemoteEvent((event) => remote.push(event));

    const cardId = randomUUID();
    alice.submit({ type: "card.create", cardId, text: "Mehr Kaffee", columnId: columnIds[0]! });
    // Optimistic: Alice sees it at once, before the server answered.
    expect(alice.getView().snapshot?.cards.map((c) => c.text)).toEqual(["Mehr Kaffee"]);
    expect(alice.getView().pendingCount).toBe(1);
    await untilView(bob, (v) => v.snapshot?.cards.some((c) => c.id === cardId && c.author?.name === "Alice Anonym") ?? false, "card at Bob");
    bob.submit({ type: "card.update", cardId, baseVersion: 1, changes: { columnId: columnIds[1]! } });
    await untilView(alice, (v) => v.snapshot?.cards[0]?.columnId === columnIds[1], "move at Alice");
    const groupId = randomUUID();
    alice.submit({ type: "group.create", groupId, title: "Pausen", cardIds: [cardId] });
    bob.submit({ type: "vote.set", cardId, count: 2 });
    await untilView(alice, (v) => v.snapshot?.cards[0]?.votes === 2 && v.snapshot.groups.length === 1, "vote and group at Alice");
    await untilView(bob, (v) => v.snapshot?.groups[0]?.title === "Pausen" && v.snapshot.myVotes[cardId] === 2, "group at Bob");
    await Promise.all([alice.idle(), bob.idle()]);
    expect(alice.getView().pendingCount).toBe(0);
    expect(alice.getView().snapshot).toEqual({ ...bob.getView().snapshot, myVotes: {}, mine: [cardId], me: alice.getView().snapshot!.me });
    expect(remote.map((e) => e.type)).toEqual(["card.create", "group.create"]);

    alice.stop();
    await untilView(bob, (v) => v.presence.length === 1 && v.presence[0]!.userId === users.bob.id, "Alice left");
  });

  it("sends cursors to the others (volatile, with name) and lets only moderators lead the view", async () => {
    const { board } = await createBoardFixture({ participants: participants([users.mod, "moderator"], [users.alice, "knowledge_giver"]), kind: "canvas" });
    const mod = await boardClient(users.mod, board.id);
    const alice = await boardClient(users.alice, board.id);
    await untilView(mod, (v) => v.presence.length === 2, "both present");
    await untilView(alice, (v) => v.connection === "online", "alice online");
    // Volatile messages may be dropped while a transport is busy: repeat until one arrives (that is the contract).
    const repeat = (send: () => void) => {
      send();
      const timer = setInterval(send, 100);
      return () => clearInterval(timer);
    };
    const cursor = new Promise<CursorMove>((resolve) => sockets[1]!.once("cursor:move", resolve));
    let stop = repeat(() => mod.moveCursor(120, 80));
    expect(await cursor).toMatchObject({ boardId: board.id, userId: users.mod.id, name: "Mara Moderation", x: 120, y: 80 });
    await untilView(alice, (v) => v.cursors.some((c) => c.userId === users.mod.id), "cursor in view");
    stop();
    stop = repeat(() => mod.followView(400, 300));
    await untilView(alice, (v) => v.followTarget?.x === 400 && v.followTarget.y === 300, "follow target");
    stop();
    expect(await emitAck(sockets[1]!, "view:follow", { boardId: board.id, x: 1, y: 1 })).toMatchObject({ ok: false, error: { code: "forbidden" } });
  });

  it("relays no cursors on anonymous boards (a named cursor on a card would give its author away)", async () => {
    const { board } = await createBoardFixture({
      participants: participants([users.mod, "moderator"], [users.alice, "knowledge_giver"]),
      kind: "canvas",
      anonymous: true,
    });
    const mod = await boardClient(users.mod, board.id);
    const alice = await boardClient(users.alice, board.id);
    await untilView(mod, (v) => v.presence.length === 2, "both present");
    let cursors = 0;
    sockets[1]!.on("cursor:move", () => cursors++);
    sockets[0]!.emit("cursor:move", { boardId: board.id, x: 10, y: 20 });
    // The same socket's op is handled after the cursor; a relayed cursor would reach Alice first.
    mod.submit({ type: "card.create", cardId: randomUUID(), text: "danach", x: 0, y: 0 });
    await untilView(alice, (v) => v.snapshot?.cards.length === 1, "card after the cursor");
    expect(cursors).toBe(0);
  });

  it("closes and reopens the board in every client when its phase is completed and reopened", async () => {
    const { board, thinkTankId, phaseId } = await createBoardFixture({
      participants: participants([users.mod, "moderator"], [users.alice, "knowledge_giver"]),
      kind: "canvas",
    });
    const alice = await boardClient(users.alice, board.id);
    await untilView(alice, (v) => v.connection === "online" && v.snapshot?.me.canWrite === true, "alice can write");
    const moderator = boardActor(users.mod);
    await runPhase({ actor: moderator, input: { thinkTankId, phaseId, action: "complete" } });
    const closed = await untilView(alice, (v) => v.snapshot?.board.closedReason === "phase_completed", "board closed");
    expect(closed.snapshot?.me.canWrite).toBe(false);
    await runPhase({ actor: moderator, input: { thinkTankId, phaseId, action: "reopen" } });
    await untilView(alice, (v) => v.snapshot?.board.closedReason === null && v.snapshot.me.canWrite, "board open again");
  });

  it("replays missed events to a client that rejoins with its last seq", async () => {
    const { board } = await createBoardFixture({ participants: participants([users.alice, "knowledge_giver"], [users.bob, "delegate"]), kind: "canvas" });
    const alice = await boardClient(users.alice, board.id);
    const bobSocket = await connect(users.bob);
    const first = await emitAck<JoinAck>(bobSocket, "board:join", { boardId: board.id });
    expect(first).toMatchObject({ ok: true, seq: 0, snapshot: { seq: 0, cards: [] } });
    bobSocket.disconnect();
    await untilView(alice, (v) => v.connection === "online", "online");
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    for (const cardId of ids) alice.submit({ type: "card.create", cardId, text: cardId, x: 1, y: 2 });
    await alice.idle();

    bobSocket.connect();
    await new Promise<void>((resolve) => bobSocket.once("connect", () => resolve()));
    const replay = await emitAck<JoinAck>(bobSocket, "board:join", { boardId: board.id, sinceSeq: 0 });
    if (!replay.ok || !("events" in replay)) throw new Error(`expected events, got ${JSON.stringify(replay)}`);
    expect(replay.events.map((e) => [e.seq, e.type, (e.payload as { card: { id: string } }).card.id])).toEqual(ids.map((id, i) => [i + 1, "card.create", id]));

    // The client does the same by itself after a reconnect.
    const bob = await boardClient(users.bob, board.id);
    await untilView(bob, (v) => v.snapshot?.cards.length === 3, "three cards");
    sockets.at(-1)!.disconnect();
    const more = randomUUID();
    alice.submit({ type: "card.create", cardId: more, text: "während Bob weg war", x: 0, y: 0 });
    await alice.idle();
    sockets.at(-1)!.connect();
    await untilView(bob, (v) => v.connection === "online" && v.snapshot?.cards.some((c) => c.id === more) === true, "missed card");
    expect(bob.getView().seq).toBe(4);
  });

  it("keeps ops made offline and applies each exactly once after reconnecting, also when an ack was lost", async () => {
    const { board } = await createBoardFixture({ participants: participants([users.alice, "knowledge_giver"], [users.bob, "delegate"]), kind: "canvas" });
    const store = memoryStore();
    const alice = await boardClient(users.alice, board.id, store);
    await untilView(alice, (v) => v.connection === "online", "online");
    const socket = sockets.at(-1)!;
    socket.disconnect();
    await untilView(alice, (v) => v.connection === "offline", "offline");
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    for (const cardId of ids) alice.submit({ type: "card.create", cardId, text: `offline ${cardId}`, x: 0, y: 0 });
    alice.submit({ type: "card.update", cardId: ids[0]!, baseVersion: 1, changes: { text: "offline weiter getippt" } });
    expect(alice.getView().pendingCount).toBe(4);
    expect(store.list(board.id)).toHaveLength(4); // survives a reload (localStorageStore in browsers)
    socket.connect();
    await untilView(alice, (v) => v.connection === "online" && v.pendingCount === 0, "synced");
    await alice.idle();
    expect(store.list(board.id)).toHaveLength(0);

    // An op whose ack got lost: the server committed it, the store still holds it.
    const raw = await connect(users.alice);
    const lostOpId = randomUUID();
    const lostCard = randomUUID();
    const lostOp = { type: "card.create" as const, cardId: lostCard, text: "Ack verloren", colour: "yellow" as const, columnId: null, groupId: null, x: 5, y: 5, position: 0 };
    expect(await emitAck<OpAck>(raw, "board:op", { boardId: board.id, clientOpId: lostOpId, op: lostOp })).toMatchObject({ ok: true, seq: 5 });
    const reloaded = memoryStore();
    reloaded.put(board.id, { clientOpId: lostOpId, op: lostOp, order: 1 });
    const again = await boardClient(users.alice, board.id, reloaded);
    await untilView(again, (v) => v.connection === "online" && v.pendingCount === 0, "resent");
    await again.idle();

    const rows = await t.db.select().from(cards).where(eq(cards.boardId, board.id));
    expect(rows.map((r) => r.text).sort()).toEqual(["Ack verloren", "offline weiter getippt", `offline ${ids[1]}`, `offline ${ids[2]}`].sort());
    expect(again.getView().snapshot?.cards.filter((c) => c.id === lostCard)).toHaveLength(1);
    expect(again.getView().seq).toBe(5);
  });

  it("catches up on an event whose broadcast was lost (its instance died after the commit) when the next person joins", async () => {
    const { board } = await createBoardFixture({ participants: participants([users.alice, "knowledge_giver"], [users.bob, "delegate"]), kind: "canvas" });
    const alice = await boardClient(users.alice, board.id);
    await untilView(alice, (v) => v.connection === "online", "online");
    const cardId = randomUUID();
    // Committed straight through the engine: nobody broadcasts it.
    expect(await op(boardActor(users.bob), board.id, { type: "card.create", cardId, text: "still committed", x: 0, y: 0 })).toMatchObject({ ok: true, seq: 1 });
    expect(alice.getView().snapshot?.cards).toEqual([]);
    // Bob's join announces the board's seq with the presence update; Alice notices and replays.
    await boardClient(users.bob, board.id);
    const view = await untilView(alice, (v) => v.seq === 1, "caught up");
    expect(view.snapshot?.cards.map((c) => c.id)).toEqual([cardId]);
  });

  it("surfaces a text conflict with both texts instead of dropping one", async () => {
    const { board } = await createBoardFixture({ participants: participants([users.mod, "moderator"], [users.alice, "knowledge_giver"]), kind: "canvas" });
    const alice = await boardClient(users.alice, board.id);
    const mod = await boardClient(users.mod, board.id);
    const cardId = randomUUID();
    alice.submit({ type: "card.create", cardId, text: "Anfang", x: 0, y: 0 });
    await untilView(mod, (v) => v.snapshot?.cards.length === 1, "card at moderator");
    // Both edit version 1; the moderator's reaches the server first.
    mod.submit({ type: "card.update", cardId, baseVersion: 1, changes: { text: "Moderation schreibt" } });
    await mod.idle();
    alice.submit({ type: "card.update", cardId, baseVersion: 1, changes: { text: "Alice schreibt", x: 50 } });
    const view = await untilView(alice, (v) => v.conflicts.length === 1, "conflict");
    expect(view.conflicts[0]).toMatchObject({ cardId, mine: "Alice schreibt", current: { text: "Moderation schreibt", version: 2 } });
    await untilView(alice, (v) => v.pendingCount === 0 && v.snapshot?.cards[0]?.x === 50, "the move went through on its own");
    alice.resolveConflict(view.conflicts[0]!.clientOpId, "Alice schreibt + Moderation schreibt");
    await untilView(mod, (v) => v.snapshot?.cards[0]?.text === "Alice schreibt + Moderation schreibt", "merged text");
    expect(alice.getView().conflicts).toEqual([]);
  });

  it("never sends an author on anonymous boards and keeps hidden votes out of the room", async () => {
    const { board } = await createBoardFixture({
      participants: participants([users.alice, "knowledge_giver"], [users.bob, "delegate"]),
      anonymous: true,
      votesPerPerson: 3,
      votesHidden: true,
      kind: "canvas",
    });
    const bobSocket = await connect(users.bob);
    const seen: unknown[] = [];
    bobSocket.onAny((event, payload) => seen.push([event, payload]));
    const joined = await emitAck<JoinAck>(bobSocket, "board:join", { boardId: board.id });
    seen.push(joined);
    const voteArrived = new Promise<void>((resolve) => bobSocket.on("board:event", (e: BoardEvent) => e.type === "vote.set" && resolve()));
    const alice = await boardClient(users.alice, board.id);
    const cardId = randomUUID();
    alice.submit({ type: "card.create", cardId, text: "Niemand weiß, von wem", x: 0, y: 0 });
    alice.submit({ type: "vote.set", cardId, count: 2 });
    await alice.idle();
    expect(alice.getView().snapshot?.mine).toEqual([cardId]); // her own sockets know it is hers
    expect(alice.getView().snapshot?.myVotes).toEqual({ [cardId]: 2 });
    await voteArrived;
    const rejoin = await emitAck<JoinAck>(bobSocket, "board:join", { boardId: board.id, sinceSeq: 0 });
    seen.push(rejoin);
    // Presence says who is on the board (never tied to a card); everything else must not name Alice.
    const text = JSON.stringify(seen.filter((s) => !(Array.isArray(s) && s[0] === "presence:update")));
    expect(text).toContain("Niemand weiß, von wem");
    for (const secret of [users.alice.id, users.alice.name, users.alice.email]) expect(text).not.toContain(secret);
    const voteEvent = seen.find((s) => Array.isArray(s) && (s[1] as BoardEvent)?.type === "vote.set") as [string, BoardEvent];
    expect(voteEvent[1].payload).toEqual({});
    expect(text).not.toContain('"mine":true');
    expect(text).toContain('"mine":[]');
  });

  it("limits ops per socket (rate_limited) and their size (payload_too_large)", async () => {
    const { board } = await createBoardFixture({ participants: participants([users.alice, "knowledge_giver"]), kind: "canvas" });
    const socket = await connect(users.alice);
    await emitAck(socket, "board:join", { boardId: board.id });
    const big = await emitAck<OpAck>(socket, "board:op", {
      boardId: board.id,
      clientOpId: randomUUID(),
      op: { type: "card.create", cardId: randomUUID(), text: "x", padding: "y".repeat(20_000) },
    });
    expect(big).toMatchObject({ ok: false, error: { code: "payload_too_large" } });
    // Malformed ops still cost a token (the limit comes before parsing) and touch no database,
    // so the burst arrives faster than the bucket refills.
    const burst = await Promise.all(
      Array.from({ length: BOARD_OPS_BURST * 3 }, () => emitAck<OpAck>(socket, "board:op", { boardId: board.id, clientOpId: randomUUID(), op: { type: "nonsense" } })),
    );
    const codes = burst.map((a) => (a.ok ? "ok" : a.error.code));
    expect(codes.filter((c) => c === "rate_limited").length).toBeGreaterThan(0);
    expect(codes.filter((c) => c === "invalid_input").length).toBeGreaterThanOrEqual(BOARD_OPS_BURST);
    expect(codes.slice(0, BOARD_OPS_BURST).every((c) => c === "invalid_input")).toBe(true);
    // Refused ops leave nothing behind; the socket recovers as the bucket refills (time-based: no event to await).
    const refill = new Promise<void>((resolve) => setTimeout(resolve, 1_100));
    await refill;
    const acks = await Promise.all(
      Array.from({ length: 10 }, () =>
        emitAck<OpAck>(socket, "board:op", { boardId: board.id, clientOpId: randomUUID(), op: { type: "card.create", cardId: randomUUID(), text: "nach der Pause" } }),
      ),
    );
    expect(acks.every((a) => a.ok)).toBe(true);
    const stored = await t.db.select().from(cards).where(eq(cards.boardId, board.id));
    expect(stored).toHaveLength(acks.filter((a) => a.ok).length);
  });
});
