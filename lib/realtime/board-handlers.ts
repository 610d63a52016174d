import "server-only";
import { getDb } from "@/db/client";
import { setBoardEventPublisher, submitBoardOp, type BoardEventPublisher, type CommittedEvent } from "@/lib/boards/commands";
import { boardAccess, eventsSinceIn, snapshotIn } from "@/lib/boards/queries";
import { BOARD_OP_MAX_BYTES, BOARD_OPS_BURST, BOARD_OPS_PER_SECOND, CURSOR_MIN_INTERVAL_MS, TokenBucket, payloadBytes } from "@/lib/boards/rate-limit";
import { isAppError, type ErrorCode } from "@/lib/errors";
import { rooms } from "./emit";
import { ZBoardJoin, ZBoardLeave, ZBoardOpMessage, ZCursorMove, ZFollowView, type AckError, type JoinAck, type PresenceEntry } from "./events";
import type { RealtimeServer, RealtimeSocket } from "./server";

/*
 * The board protocol over socket.io (docs/realtime-protocol.md). Handlers are thin: they parse
 * with the zod schemas of events.ts, apply the per-socket limits and hand ops to the board
 * engine (lib/boards/commands.ts), which authorises, commits and publishes. Every reply goes
 * through the ack callback as `{ ok: true, … }` or `{ ok: false, error: { code, message } }`;
 * clients localise by `code` (the `errors` message namespace).
 */

/** The sockets of one person on one board: their private extras (`mine`, own dots) go here only. */
export const boardUserRoom = (boardId: string, userId: string) => `board:${boardId}:user:${userId}`;

type Ack = (reply: unknown) => void;
const noAck: Ack = () => {};
const ackOf = (value: unknown): Ack => (typeof value === "function" ? (value as Ack) : noAck);

function fail(code: ErrorCode | "internal", message: string): AckError {
  return { ok: false, error: { code, message } };
}

function failure(error: unknown): AckError {
  if (isAppError(error)) return fail(error.code, error.message);
  console.error("[realtime] board handler failed", error);
  return fail("internal", "Something went wrong");
}

/**
 * Boards whose anonymity changed since sockets joined them (moderators may switch it while a
 * board has no cards). Another instance's sockets learn it on their next join.
 */
const anonymousNow = new Map<string, boolean>();

/** Each io instance publishes the events of the ops it received (several instances may share one process in tests). */
const publishers = new WeakMap<RealtimeServer, BoardEventPublisher>();

function publisherFor(io: RealtimeServer): BoardEventPublisher {
  let publish = publishers.get(io);
  if (!publish) {
    publish = (committed: CommittedEvent[]) => {
      for (const { event, actorId, own } of committed) {
        const room = rooms.board(event.boardId);
        if (event.type === "board.update") {
          const anonymous = (event.payload as { board?: { anonymous?: boolean } }).board?.anonymous;
          if (anonymous !== undefined) anonymousNow.set(event.boardId, anonymous);
        }
        if (!own) {
          io.to(room).emit("board:event", event);
          continue;
        }
        const mine = boardUserRoom(event.boardId, actorId);
        io.to(room).except(mine).emit("board:event", event);
        io.to(mine).emit("board:event", { ...event, payload: { ...event.payload, ...own } });
      }
    };
    publishers.set(io, publish);
    // Ops submitted outside a socket (scripts) still reach the rooms of the last attached server.
    setBoardEventPublisher(publish);
  }
  return publish;
}

async function broadcastPresence(io: RealtimeServer, boardId: string, seq?: number): Promise<void> {
  try {
    const sockets = await io.in(rooms.board(boardId)).fetchSockets();
    const present = new Map<string, PresenceEntry>();
    for (const s of sockets) {
      const actor = s.data.actor;
      if (actor && !present.has(actor.id)) present.set(actor.id, { userId: actor.id, name: actor.name });
    }
    io.to(rooms.board(boardId)).emit("presence:update", { boardId, present: [...present.values()], ...(seq !== undefined ? { seq } : {}) });
  } catch (error) {
    // Volatile: a missed presence update is corrected by the next one.
    console.warn("[realtime] presence update failed", error);
  }
}

export function registerBoardHandlers(io: RealtimeServer, socket: RealtimeSocket): void {
  const publish = publisherFor(io);
  const bucket = new TokenBucket(BOARD_OPS_BURST, BOARD_OPS_PER_SECOND);
  // Cursors and "follow me" have their own throttles: moving the mouse must not drop the view.
  let lastCursorAt = 0;
  let lastFollowAt = 0;
  socket.data.boards ??= {};
  const joined = () => socket.data.boards!;

  socket.on("board:join", async (payload: unknown, callback: unknown) => {
    const ack = ackOf(callback);
    const parsed = ZBoardJoin.safeParse(payload);
    if (!parsed.success) return ack(fail("invalid_input", "Invalid board:join"));
    const { boardId, sinceSeq } = parsed.data;
    const actor = socket.data.actor;
    try {
      const db = await getDb();
      const seen = await boardAccess(db, actor, boardId); // not_found for whoever may not see it: no room, nothing sent
      // Join before reading: every event committed after the read below reaches this socket.
      const thinkTankRoom = seen.board.thinkTankId ? [rooms.thinkTankBoards(seen.board.thinkTankId)] : [];
      await socket.join([rooms.board(boardId), boardUserRoom(boardId, actor.id), ...thinkTankRoom]);
      const reply = await db.transaction(
        async (tx): Promise<JoinAck> => {
          const access = await boardAccess(tx, actor, boardId);
          joined()[boardId] = { canModerate: access.canModerate, anonymous: access.board.anonymous };
          if (sinceSeq !== undefined) {
            const events = await eventsSinceIn(tx, actor, access.board, sinceSeq);
            if (events) return { ok: true, seq: access.board.seq, events };
          }
          const snapshot = await snapshotIn(tx, actor, access);
          return { ok: true, seq: snapshot.seq, snapshot };
        },
        { isolationLevel: "repeatable read", accessMode: "read only" },
      );
      ack(reply);
      void broadcastPresence(io, boardId, reply.ok ? reply.seq : undefined);
    } catch (error) {
      delete joined()[boardId];
      await socket.leave(rooms.board(boardId));
      await socket.leave(boardUserRoom(boardId, actor.id));
      ack(failure(error));
    }
  });

  socket.on("board:leave", async (payload: unknown, callback: unknown) => {
    const ack = ackOf(callback);
    const parsed = ZBoardLeave.safeParse(payload);
    if (!parsed.success) return ack(fail("invalid_input", "Invalid board:leave"));
    const { boardId } = parsed.data;
    delete joined()[boardId];
    await socket.leave(rooms.board(boardId));
    await socket.leave(boardUserRoom(boardId, socket.data.actor.id));
    ack({ ok: true });
    void broadcastPresence(io, boardId);
  });

  socket.on("board:op", (payload: unknown, callback: unknown) => {
    const ack = ackOf(callback);
    if (payloadBytes(payload) > BOARD_OP_MAX_BYTES) return ack(fail("payload_too_large", `At most ${BOARD_OP_MAX_BYTES} bytes per op`));
    if (!bucket.take()) return ack(fail("rate_limited", `At most ${BOARD_OPS_PER_SECOND} changes per second`));
    const parsed = ZBoardOpMessage.safeParse(payload);
    if (!parsed.success) return ack(fail("invalid_input", "Invalid board:op"));
    const { boardId, clientOpId, op } = parsed.data;
    // Queued synchronously: the ops of one socket keep their order.
    submitBoardOp({ actor: socket.data.actor, boardId, clientOpId, op, publish }).then(ack, (error: unknown) => ack(failure(error)));
  });

  socket.on("cursor:move", (payload: unknown) => {
    const parsed = ZCursorMove.safeParse(payload);
    const board = parsed.success ? joined()[parsed.data.boardId] : undefined;
    if (!parsed.success || !board) return;
    // On anonymous boards a named cursor resting on a card would give its author away.
    if (anonymousNow.get(parsed.data.boardId) ?? board.anonymous) return;
    const now = Date.now();
    if (now - lastCursorAt < CURSOR_MIN_INTERVAL_MS) return;
    lastCursorAt = now;
    const { boardId, x, y } = parsed.data;
    const { id: userId, name } = socket.data.actor;
    socket.volatile.to(rooms.board(boardId)).emit("cursor:move", { boardId, userId, name, x, y });
  });

  socket.on("view:follow", (payload: unknown, callback: unknown) => {
    const ack = ackOf(callback);
    const parsed = ZFollowView.safeParse(payload);
    if (!parsed.success) return ack(fail("invalid_input", "Invalid view:follow"));
    const { boardId, x, y } = parsed.data;
    if (!joined()[boardId]?.canModerate) return ack(fail("forbidden", "Only moderators lead the view"));
    const now = Date.now();
    if (now - lastFollowAt < CURSOR_MIN_INTERVAL_MS) return ack({ ok: true });
    lastFollowAt = now;
    const { id: userId, name } = socket.data.actor;
    socket.volatile.to(rooms.board(boardId)).emit("view:follow", { boardId, userId, name, x, y });
    ack({ ok: true });
  });

  socket.on("disconnect", () => {
    for (const boardId of Object.keys(joined())) void broadcastPresence(io, boardId);
  });
}
