import "server-only";
import { and, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { boardColumns, boardEvents, boards, cardGroups, cards, phases, thinkTanks, votes, type Board, type PhaseStatus, type ThinkTankStatus } from "@/db/schema";
import { AppError, isAppError, type ErrorCode } from "@/lib/errors";
import { canInThinkTank, type Actor, type ThinkTankContext } from "@/lib/policy";
import { ZBoardOp, type BoardCardState, type BoardEvent, type BoardOp, type OpAck } from "@/lib/realtime/events";
import { accessFrom, boardSettings, eventCard, groupState, runPrepared, selectCards, thinkTankContextsOnBoard, voteTotals, votesAreVisible, type BoardAccess, type CardRow } from "./queries";
import type { BoardEventPayloads } from "./reducer";
import { cardOpKind, closedReason, isStaleTextEdit, mayChangeContent, removedColumns, withinBudget } from "./rules";

/*
 * The board engine: every op is validated (zod, lib/realtime/events.ts), authorised (policy +
 * rules.ts) and written in one transaction together with a board_events row carrying the board's
 * next seq and the op's clientOpId.
 *
 * Throughput: ops for one board wait in an in-process queue; whatever arrives while a commit is
 * in flight goes into the next transaction together (group commit). The board row is locked
 * (SELECT … FOR UPDATE) first, which serialises writers per board across instances too; seq is
 * then advanced once per batch. Acks are sent only after the commit, room events in seq order.
 *
 * Idempotency: a clientOpId already stored for the board returns the stored seq and result
 * without changing anything (only to the same person: clientOpIds are visible in room events).
 *
 * Round trips: the ack waits for the commit, so what an op costs is mostly round trips to the
 * database. A batch of plain card ops takes four, however many ops and writers it holds: BEGIN;
 * the reads (board lock, every writer's think-tank context, the cards and clientOpIds it refers
 * to) sent together; the writes (cards, board_events, boards.seq) sent together; COMMIT. The hot
 * statements are prepared (runPrepared in queries.ts): postgres.js sends an unprepared statement
 * with parameters as describe-then-execute, two round trips that also stop the pipeline.
 */

export type BoardActor = Actor & { name: string };
export type BoardOpRequest = {
  actor: BoardActor;
  boardId: string;
  clientOpId: string;
  op: unknown;
  /** Where this op's event is broadcast (the socket.io server that received it); default: the installed publisher. */
  publish?: BoardEventPublisher;
};

/** A committed event with the extras only its author's own sockets may see (`own`). */
export type CommittedEvent = { event: BoardEvent; actorId: string; own: Record<string, unknown> | null; requestIndex: number };

export class BoardOpError extends AppError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly current?: BoardCardState,
  ) {
    super(code, message);
  }
}

type Outcome = OpAck;

function refusal(error: unknown): Outcome {
  if (isAppError(error)) {
    const current = error instanceof BoardOpError ? error.current : undefined;
    return { ok: false, error: { code: error.code, message: error.message, ...(current ? { current } : {}) } };
  }
  console.error("[boards] op failed", error);
  return { ok: false, error: { code: "internal", message: "The change could not be saved" } };
}

// One batch ------------------------------------------------------------------------------------

type Applied = { type: BoardOp["type"]; payload: Record<string, unknown>; own: Record<string, unknown> | null; result: Record<string, unknown> };

type Batch = {
  tx: Tx;
  board: Board;
  phaseStatus: PhaseStatus | null;
  thinkTankStatus: ThinkTankStatus;
  contexts: Map<string, ThinkTankContext>;
  cards: Map<string, CardRow>;
  /** Card ids known not to exist on this board (prefetched), and ids taken on other boards. */
  missing: Set<string>;
  foreign: Set<string>;
  columns: Set<string> | null;
  /**
   * Writes whose outcome is already decided (validated against the prefetched rows): sent
   * without waiting, so the driver pipelines them; awaited before the commit.
   */
  writes: Array<Promise<unknown>>;
  /** Card rows created and card changes made by this batch, written together (one multi-row insert). */
  inserts: Map<string, typeof cards.$inferInsert>;
  updates: Set<string>;
};

const CARD_OPS = new Set<BoardOp["type"]>(["card.create", "card.update", "card.delete", "card.restore"]);

/** Sends the batch's collected card writes; needed before anything that reads or references cards. */
function flushCards(batch: Batch): void {
  const rows = [...batch.inserts.values()];
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    pipelined(batch, runPrepared(batch.tx.insert(cards).values(chunk), "board_insert_cards", chunk.length));
  }
  // Changed cards are written as their complete current state, all in one statement: the board row
  // lock keeps every other writer of these cards waiting, so the cached rows are the truth.
  const changed = [...batch.updates].map((id) => batch.cards.get(id)!);
  for (let i = 0; i < changed.length; i += 500) {
    const values = sql.join(
      changed.slice(i, i + 500).map(
        (c) =>
          sql`(${c.id}::text, ${c.text}::text, ${c.colour}::text, ${c.columnId}::text, ${c.groupId}::text, ${c.x}::double precision, ${c.y}::double precision, ${c.position}::double precision, ${c.version}::integer, ${c.deletedAt?.toISOString() ?? null}::timestamptz, ${c.updatedAt.toISOString()}::timestamptz)`,
      ),
      sql`, `,
    );
    pipelined(
      batch,
      batch.tx
        .execute(
          sql`
        update cards as c set text = v.text, colour = v.colour, column_id = v.column_id, group_id = v.group_id, x = v.x, y = v.y,
          position = v.position, version = v.version, deleted_at = v.deleted_at, updated_at = v.updated_at
        from (values ${values}) as v(id, text, colour, column_id, group_id, x, y, position, version, deleted_at, updated_at)
        where c.id = v.id`,
        )
        .execute(),
    );
  }
  batch.inserts.clear();
  batch.updates.clear();
}

/** Collects a write already started; a failure fails the batch (which is then retried op by op). */
function pipelined(batch: Batch, running: Promise<unknown>): void {
  running.catch(() => {}); // observed in settleWrites
  batch.writes.push(running);
}

async function settleWrites(batch: Batch): Promise<void> {
  flushCards(batch);
  const results = await Promise.allSettled(batch.writes);
  batch.writes = [];
  const failed = results.find((r) => r.status === "rejected");
  if (failed) throw failed.reason;
}

/** Every card id the batch refers to: they are read in one query, instead of one per op. */
function referencedCards(ops: BoardOp[]): string[] {
  const ids = new Set<string>();
  for (const op of ops) {
    if ("cardId" in op) ids.add(op.cardId);
    if (op.type === "group.create") for (const id of op.cardIds) ids.add(id);
  }
  return [...ids];
}

function sortPrefetched(batch: Batch, ids: string[], rows: CardRow[]): void {
  const absent = new Set(ids);
  for (const row of rows) {
    if (row.boardId === batch.board.id) batch.cards.set(row.id, row);
    else batch.foreign.add(row.id);
    absent.delete(row.id);
  }
  for (const id of absent) batch.missing.add(id);
}

/**
 * The actor's access, decided by the policy on the context read for the whole batch: whoever may
 * not see the think-tank (thinkTankAccess's rule) or the board gets `not_found`.
 */
function accessIn(batch: Batch, actor: BoardActor): BoardAccess {
  const context = batch.contexts.get(actor.id);
  if (!context || !canInThinkTank(actor, context, "thinkTank.view")) throw new AppError("not_found", "Board not found");
  return accessFrom(actor, batch.board, batch.phaseStatus, context);
}

function assertMayApply(access: BoardAccess, actor: BoardActor, op: BoardOp): void {
  const { context, closed, canModerate } = access;
  if (!canInThinkTank(actor, context, "board.write")) {
    // Readers (observers, origin networks) may never write; the think-tank's status stops everyone else.
    const couldWhenOpen = canInThinkTank(actor, { ...context, status: "active" }, "board.write");
    if (couldWhenOpen) throw new AppError("board_closed", "The think-tank is not open for board changes");
    throw new AppError("forbidden", "Only participants who contribute may change the board");
  }
  if (closed === "think_tank_closed" || closed === "phase_completed") throw new AppError("board_closed", `The board is closed (${closed})`);
  if (op.type === "board.update") {
    if (!canInThinkTank(actor, context, "board.moderate")) throw new AppError("forbidden", "Only moderators change board settings");
    return;
  }
  if (closed === "locked" && !canModerate) throw new AppError("board_closed", "The board is locked");
}

async function loadCard(batch: Batch, cardId: string): Promise<CardRow> {
  const cached = batch.cards.get(cardId);
  if (cached) return cached;
  if (batch.missing.has(cardId) || batch.foreign.has(cardId)) throw new AppError("not_found", "Card not found");
  flushCards(batch);
  const [row] = await selectCards(batch.tx)
    .where(and(eq(cards.id, cardId), eq(cards.boardId, batch.board.id)))
    .limit(1);
  if (!row) throw new AppError("not_found", "Card not found");
  batch.cards.set(cardId, row);
  return row;
}

async function liveCard(batch: Batch, cardId: string): Promise<CardRow> {
  const card = await loadCard(batch, cardId);
  if (card.deletedAt) throw new AppError("not_found", "Card not found");
  return card;
}

async function assertColumn(batch: Batch, columnId: string | null | undefined): Promise<void> {
  if (!columnId) return;
  if (!batch.columns) {
    const rows = await batch.tx.select({ id: boardColumns.id }).from(boardColumns).where(eq(boardColumns.boardId, batch.board.id));
    batch.columns = new Set(rows.map((r) => r.id));
  }
  if (!batch.columns.has(columnId)) throw new AppError("invalid_input", "Unknown column", { fields: { columnId: ["invalidChoice"] } });
}

async function liveGroup(batch: Batch, groupId: string) {
  const [group] = await batch.tx
    .select()
    .from(cardGroups)
    .where(and(eq(cardGroups.id, groupId), eq(cardGroups.boardId, batch.board.id), isNull(cardGroups.deletedAt)))
    .limit(1);
  if (!group) throw new AppError("not_found", "Group not found");
  return group;
}

function writeCard(batch: Batch, card: CardRow, values: Partial<Pick<CardRow, "text" | "colour" | "columnId" | "groupId" | "x" | "y" | "position" | "version" | "deletedAt">>): CardRow {
  if (Object.keys(values).length === 0) return card; // nothing changes (e.g. the same text again)
  const now = new Date();
  const created = batch.inserts.get(card.id);
  if (created) Object.assign(created, values, { updatedAt: now });
  else batch.updates.add(card.id);
  const next: CardRow = { ...card, ...values, updatedAt: now };
  batch.cards.set(card.id, next);
  return next;
}

async function applyOne(batch: Batch, actor: BoardActor, access: BoardAccess, op: BoardOp): Promise<Applied> {
  const anonymous = batch.board.anonymous;
  const who = { actorId: actor.id, canModerate: access.canModerate };
  const card = (row: CardRow) => eventCard(row, anonymous);

  if ((op.type === "card.delete" || op.type === "card.restore") && cardOpKind(op) === "content") {
    const row = await loadCard(batch, op.cardId);
    if (!mayChangeContent(who, row)) throw new AppError("forbidden", "Only the author or a moderator may do this");
  }

  switch (op.type) {
    case "card.create": {
      await assertColumn(batch, op.columnId);
      if (op.groupId) await liveGroup(batch, op.groupId);
      // Ids are chosen by clients: one taken anywhere (another board too) is refused.
      if (batch.cards.has(op.cardId) || batch.foreign.has(op.cardId)) throw new AppError("conflict", "A card with this id exists already");
      const now = new Date();
      const created: CardRow = {
        id: op.cardId,
        boardId: batch.board.id,
        text: op.text,
        colour: op.colour,
        columnId: op.columnId,
        groupId: op.groupId,
        x: op.x,
        y: op.y,
        position: op.position,
        authorId: actor.id,
        version: 1,
        carriedFromCardId: null,
        deletedAt: null,
        createdAt: now,
        updatedAt: now,
        authorName: actor.name,
      };
      const { authorName: _name, ...values } = created;
      batch.inserts.set(created.id, values);
      batch.cards.set(created.id, created);
      batch.missing.delete(created.id);
      const payload: BoardEventPayloads["card.create"] = { card: card(created) };
      return { type: op.type, payload, own: { mine: true }, result: { ...payload, mine: true } };
    }
    case "card.update": {
      const row = await liveCard(batch, op.cardId);
      const { text, ...layout } = op.changes;
      const textChanges = text !== undefined && text !== row.text;
      if (textChanges && !mayChangeContent(who, row)) throw new AppError("forbidden", "Only the author or a moderator may edit this text");
      if (isStaleTextEdit(op.baseVersion, row, text)) {
        const current: BoardCardState = card(row);
        throw new BoardOpError("version_conflict", "The card was edited meanwhile", current);
      }
      await assertColumn(batch, layout.columnId);
      if (layout.groupId) await liveGroup(batch, layout.groupId);
      const updated = writeCard(batch, row, {
        ...layout,
        ...(textChanges ? { text, version: row.version + 1 } : {}),
      });
      const payload: BoardEventPayloads["card.update"] = { card: card(updated) };
      return { type: op.type, payload, own: null, result: payload };
    }
    case "card.delete":
    case "card.restore": {
      const row = await loadCard(batch, op.cardId);
      const updated = writeCard(batch, row, { deletedAt: op.type === "card.delete" ? new Date() : null });
      const payload = op.type === "card.delete" ? { cardId: updated.id } : { card: card(updated) };
      return { type: op.type, payload, own: null, result: payload };
    }
    case "group.create": {
      await assertColumn(batch, op.columnId);
      const [clash] = await batch.tx.select({ id: cardGroups.id }).from(cardGroups).where(eq(cardGroups.id, op.groupId)).limit(1);
      if (clash) throw new AppError("conflict", "A group with this id exists already");
      const members = [...new Set(op.cardIds)];
      for (const id of members) await liveCard(batch, id);
      const [group] = await batch.tx
        .insert(cardGroups)
        .values({ id: op.groupId, boardId: batch.board.id, title: op.title, columnId: op.columnId, x: op.x, y: op.y })
        .returning();
      if (!group) throw new Error("group insert returned nothing");
      const moved: CardRow[] = [];
      for (const id of members) {
        const row = batch.cards.get(id)!;
        moved.push(writeCard(batch, row, { groupId: group.id, ...(op.columnId ? { columnId: op.columnId } : {}) }));
      }
      const payload: BoardEventPayloads["group.create"] = { group: groupState(group), cards: moved.map(card) };
      return { type: op.type, payload, own: null, result: payload };
    }
    case "group.update": {
      const group = await liveGroup(batch, op.groupId);
      await assertColumn(batch, op.changes.columnId);
      const [updated] = await batch.tx
        .update(cardGroups)
        .set({ ...op.changes, version: group.version + 1 })
        .where(eq(cardGroups.id, group.id))
        .returning();
      if (!updated) throw new Error("group update returned nothing");
      let moved: CardRow[] = [];
      if (op.changes.columnId) {
        const rows = await batch.tx
          .update(cards)
          .set({ columnId: op.changes.columnId })
          .where(and(eq(cards.boardId, batch.board.id), eq(cards.groupId, group.id)))
          .returning({ id: cards.id });
        moved = await reloadCards(batch, rows.map((r) => r.id));
      }
      const payload: BoardEventPayloads["group.update"] = { group: groupState(updated), cards: moved.map(card) };
      return { type: op.type, payload, own: null, result: payload };
    }
    case "group.delete": {
      const group = await liveGroup(batch, op.groupId);
      await batch.tx.update(cardGroups).set({ deletedAt: new Date() }).where(eq(cardGroups.id, group.id));
      const rows = await batch.tx
        .update(cards)
        .set({ groupId: null })
        .where(and(eq(cards.boardId, batch.board.id), eq(cards.groupId, group.id)))
        .returning({ id: cards.id });
      const moved = await reloadCards(batch, rows.map((r) => r.id));
      const payload: BoardEventPayloads["group.delete"] = { groupId: group.id, cards: moved.map(card) };
      return { type: op.type, payload, own: null, result: payload };
    }
    case "vote.set": {
      await liveCard(batch, op.cardId);
      const budget = batch.board.votesPerPerson;
      if (op.count > 0 && budget === 0) throw new AppError("vote_budget_exceeded", "Voting is off on this board");
      // The board row is locked: two tabs of one person are counted one after the other.
      const [used] = await batch.tx
        .select({ n: sql<number>`cast(coalesce(sum(${votes.count}), 0) as integer)` })
        .from(votes)
        .innerJoin(cards, eq(cards.id, votes.cardId))
        .where(and(eq(votes.boardId, batch.board.id), eq(votes.userId, actor.id), ne(votes.cardId, op.cardId), isNull(cards.deletedAt)));
      const usedElsewhere = Number(used?.n ?? 0);
      if (!withinBudget(budget, usedElsewhere, op.count)) throw new AppError("vote_budget_exceeded", `At most ${budget} dots per person`);
      if (op.count === 0) {
        await batch.tx.delete(votes).where(and(eq(votes.cardId, op.cardId), eq(votes.userId, actor.id)));
      } else {
        await batch.tx
          .insert(votes)
          .values({ boardId: batch.board.id, cardId: op.cardId, userId: actor.id, count: op.count })
          .onConflictDoUpdate({ target: [votes.cardId, votes.userId], set: { count: op.count } });
      }
      const [total] = await batch.tx
        .select({ n: sql<number>`cast(coalesce(sum(${votes.count}), 0) as integer)` })
        .from(votes)
        .where(eq(votes.cardId, op.cardId));
      const visible = votesAreVisible(batch.board);
      // Hidden votes: the room learns nothing, not even which card got dots.
      const payload: BoardEventPayloads["vote.set"] = visible ? { cardId: op.cardId, votes: Number(total?.n ?? 0) } : {};
      const own = { cardId: op.cardId, myCount: op.count };
      return { type: op.type, payload, own, result: { ...payload, ...own, remaining: Math.max(0, budget - usedElsewhere - op.count) } };
    }
    case "board.update":
      return updateBoard(batch, op);
  }
}

async function reloadCards(batch: Batch, ids: string[]): Promise<CardRow[]> {
  if (ids.length === 0) return [];
  const rows = await selectCards(batch.tx).where(inArray(cards.id, ids));
  for (const row of rows) batch.cards.set(row.id, row);
  return rows;
}

async function updateBoard(batch: Batch, op: Extract<BoardOp, { type: "board.update" }>): Promise<Applied> {
  const before = batch.board;
  const { columns: columnList, timerEndsAt, ...settings } = op.changes;
  if (settings.anonymous === false && before.anonymous) {
    // Turning anonymity off would put names on cards written under the promise of anonymity.
    const [any] = await batch.tx.select({ id: cards.id }).from(cards).where(eq(cards.boardId, before.id)).limit(1);
    if (any) throw new AppError("conflict", "A board with anonymous cards stays anonymous");
  }
  if (settings.spotlightCardId) await liveCard(batch, settings.spotlightCardId);
  let columnsPayload: BoardEventPayloads["board.update"]["columns"];
  if (columnList) {
    if (before.kind !== "columns") throw new AppError("invalid_input", "Only column boards have columns", { fields: { columns: ["invalidChoice"] } });
    const ids = columnList.map((c) => c.id);
    if (new Set(ids).size !== ids.length) throw new AppError("invalid_input", "Duplicate column", { fields: { columns: ["invalidChoice"] } });
    const existing = await batch.tx.select().from(boardColumns).where(eq(boardColumns.boardId, before.id));
    const mine = new Set(existing.map((c) => c.id));
    const removed = removedColumns([...mine], ids);
    if (removed.length) {
      const [usedCard] = await batch.tx
        .select({ id: cards.id })
        .from(cards)
        .where(and(inArray(cards.columnId, removed), isNull(cards.deletedAt)))
        .limit(1);
      const [usedGroup] = await batch.tx
        .select({ id: cardGroups.id })
        .from(cardGroups)
        .where(and(inArray(cardGroups.columnId, removed), isNull(cardGroups.deletedAt)))
        .limit(1);
      if (usedCard || usedGroup) throw new AppError("conflict", "Only empty columns can be removed");
    }
    // A new column id must not belong to another board.
    const fresh = ids.filter((id) => !mine.has(id));
    if (fresh.length) {
      const [taken] = await batch.tx.select({ id: boardColumns.id }).from(boardColumns).where(inArray(boardColumns.id, fresh)).limit(1);
      if (taken) throw new AppError("conflict", "A column with this id exists already");
    }
    if (removed.length) await batch.tx.delete(boardColumns).where(inArray(boardColumns.id, removed));
    for (const [position, column] of columnList.entries()) {
      if (mine.has(column.id)) {
        await batch.tx.update(boardColumns).set({ title: column.title, position }).where(eq(boardColumns.id, column.id));
      } else {
        await batch.tx.insert(boardColumns).values({ id: column.id, boardId: before.id, title: column.title, position });
      }
    }
    batch.columns = new Set(ids);
    columnsPayload = columnList.map((c, position) => ({ id: c.id, title: c.title, position }));
  }
  const values = { ...settings, ...(timerEndsAt !== undefined ? { timerEndsAt: timerEndsAt ? new Date(timerEndsAt) : null } : {}) };
  let after = before;
  if (Object.keys(values).length) {
    const [row] = await batch.tx.update(boards).set(values).where(eq(boards.id, before.id)).returning();
    if (!row) throw new Error("board update returned nothing");
    after = { ...row, seq: before.seq };
    batch.board = after;
  }
  let cardVotes: Record<string, number> | null | undefined;
  if (!votesAreVisible(before) && votesAreVisible(after)) cardVotes = Object.fromEntries(await voteTotals(batch.tx, before.id));
  else if (votesAreVisible(before) && !votesAreVisible(after)) cardVotes = null;
  const payload: BoardEventPayloads["board.update"] = {
    board: boardSettings(after, closedReason(after, batch.phaseStatus, batch.thinkTankStatus)),
    ...(columnsPayload ? { columns: columnsPayload } : {}),
    ...(cardVotes !== undefined ? { cardVotes } : {}),
  };
  return { type: op.type, payload, own: null, result: payload };
}

/**
 * Applies a batch of ops to one board in ONE transaction. Refused ops (AppError) change nothing
 * and do not take a seq; every refusal is checked before the op writes. Returns one outcome per
 * request (same order) and the committed events in seq order.
 */
export async function applyBoardOps(boardId: string, requests: BoardOpRequest[]): Promise<{ outcomes: Outcome[]; committed: CommittedEvent[] }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const parsedOps = requests.map((r) => ZBoardOp.safeParse(r.op));
    const cardIds = referencedCards(parsedOps.flatMap((p) => (p.success ? [p.data] : [])));
    const writers = [...new Set(requests.map((r) => r.actor.id))];
    const clientOpIds = [...new Set(requests.map((r) => r.clientOpId))];
    // All reads in one round trip: the statements go out together and PostgreSQL runs them in
    // this order on the transaction's connection, so the ones after the lock read the board as
    // its lock holder (each statement takes a fresh snapshot in READ COMMITTED).
    const [[locked], contexts, prefetched, stored] = await Promise.all([
      runPrepared(
        tx
          .select({ board: boards, phaseStatus: phases.status, thinkTankStatus: thinkTanks.status })
          .from(boards)
          .leftJoin(phases, eq(phases.id, boards.phaseId))
          .leftJoin(thinkTanks, eq(thinkTanks.id, boards.thinkTankId))
          .where(eq(boards.id, boardId))
          .for("update", { of: boards }),
        "board_lock",
      ),
      thinkTankContextsOnBoard(tx, boardId, writers),
      cardIds.length ? runPrepared(selectCards(tx).where(inArray(cards.id, cardIds)), "board_prefetch_cards", cardIds.length) : [],
      runPrepared(
        tx
          .select({ seq: boardEvents.seq, clientOpId: boardEvents.clientOpId, actorId: boardEvents.actorId, result: boardEvents.result })
          .from(boardEvents)
          .where(and(eq(boardEvents.boardId, boardId), inArray(boardEvents.clientOpId, clientOpIds))),
        "board_stored_ops",
        clientOpIds.length,
      ),
    ]);
    if (!locked?.board.thinkTankId || !locked.thinkTankStatus) {
      return { outcomes: requests.map(() => refusal(new AppError("not_found", "Board not found"))), committed: [] };
    }
    const batch: Batch = {
      tx,
      board: locked.board,
      phaseStatus: locked.phaseStatus ?? null,
      thinkTankStatus: locked.thinkTankStatus,
      contexts,
      cards: new Map(),
      missing: new Set(),
      foreign: new Set(),
      columns: null,
      writes: [],
      inserts: new Map(),
      updates: new Set(),
    };
    sortPrefetched(batch, cardIds, prefetched);
    const earlier = new Map(stored.map((s) => [s.clientOpId, s]));
    const inBatch = new Map<string, { actorId: string; outcome: Outcome }>();

    let seq = locked.board.seq;
    const rows: Array<typeof boardEvents.$inferInsert> = [];
    const committed: CommittedEvent[] = [];
    const outcomes: Outcome[] = [];
    for (const [requestIndex, request] of requests.entries()) {
      const { actor, clientOpId } = request;
      const previous = earlier.get(clientOpId);
      if (previous) {
        outcomes.push(
          previous.actorId === actor.id
            ? { ok: true, seq: previous.seq, result: previous.result }
            : refusal(new AppError("conflict", "This clientOpId was used by somebody else")),
        );
        continue;
      }
      const twin = inBatch.get(clientOpId);
      if (twin) {
        outcomes.push(twin.actorId === actor.id ? twin.outcome : refusal(new AppError("conflict", "This clientOpId was used by somebody else")));
        continue;
      }
      let outcome: Outcome;
      try {
        const parsed = parsedOps[requestIndex]!;
        if (!parsed.success) throw new AppError("invalid_input", "Invalid board op");
        const access = accessIn(batch, actor);
        assertMayApply(access, actor, parsed.data);
        if (!CARD_OPS.has(parsed.data.type)) flushCards(batch); // groups, votes and settings read or reference cards
        const applied = await applyOne(batch, actor, access, parsed.data);
        seq += 1;
        rows.push({ boardId, seq, type: applied.type, payload: applied.payload, result: applied.result, actorId: actor.id, clientOpId });
        committed.push({ event: { boardId, seq, type: applied.type, payload: applied.payload, clientOpId }, actorId: actor.id, own: applied.own, requestIndex });
        outcome = { ok: true, seq, result: applied.result };
      } catch (error) {
        if (!isAppError(error)) throw error; // the whole batch is retried op by op
        outcome = refusal(error);
      }
      inBatch.set(clientOpId, { actorId: actor.id, outcome });
      outcomes.push(outcome);
    }
    // All writes in one round trip: cards, events and the board's seq go out together.
    flushCards(batch);
    if (rows.length) {
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = rows.slice(i, i + 500);
        pipelined(batch, runPrepared(tx.insert(boardEvents).values(chunk), "board_insert_events", chunk.length));
      }
      pipelined(batch, runPrepared(tx.update(boards).set({ seq }).where(eq(boards.id, boardId)), "board_advance_seq"));
    }
    await settleWrites(batch);
    return { outcomes, committed };
  });
}

// The per-board queue (group commit) ---------------------------------------------------------------

type Job = { request: BoardOpRequest; resolve: (outcome: Outcome) => void };
type Queue = { jobs: Job[]; running: boolean };
export type BoardEventPublisher = (committed: CommittedEvent[]) => void;

const MAX_BATCH = 500;
const STATE = Symbol.for("netzwerkstatt.boards.engine");
type EngineState = { queues: Map<string, Queue>; publisher: BoardEventPublisher | null };

function engine(): EngineState {
  const holder = globalThis as { [STATE]?: EngineState };
  return (holder[STATE] ??= { queues: new Map(), publisher: null });
}

/** The realtime layer installs the broadcaster; committed events are handed over in seq order, after the commit. */
export function setBoardEventPublisher(publisher: BoardEventPublisher | null): void {
  engine().publisher = publisher;
}

/**
 * Queues one op for its board and resolves with its ack once the transaction that carries it has
 * committed (or with the refusal). Ops of one caller keep their order.
 */
export function submitBoardOp(request: BoardOpRequest): Promise<Outcome> {
  const { queues } = engine();
  let queue = queues.get(request.boardId);
  if (!queue) queues.set(request.boardId, (queue = { jobs: [], running: false }));
  const done = new Promise<Outcome>((resolve) => queue.jobs.push({ request, resolve }));
  if (!queue.running) void drain(request.boardId, queue);
  return done;
}

async function drain(boardId: string, queue: Queue): Promise<void> {
  queue.running = true;
  try {
    while (queue.jobs.length) {
      const jobs = queue.jobs.splice(0, MAX_BATCH);
      let outcomes: Outcome[];
      let committed: Array<CommittedEvent & { publish?: BoardEventPublisher }> = [];
      try {
        let batch: CommittedEvent[];
        ({ outcomes, committed: batch } = await applyBoardOps(boardId, jobs.map((j) => j.request)));
        committed = batch.map((c) => ({ ...c, publish: jobs[c.requestIndex]?.request.publish }));
      } catch (error) {
        if (jobs.length === 1) {
          outcomes = [refusal(error)];
        } else {
          // One op hit something unexpected: run them one by one so the others still land.
          outcomes = [];
          for (const job of jobs) {
            try {
              const single = await applyBoardOps(boardId, [job.request]);
              outcomes.push(single.outcomes[0]!);
              committed.push(...single.committed.map((c) => ({ ...c, publish: job.request.publish })));
            } catch (inner) {
              outcomes.push(refusal(inner));
            }
          }
        }
      }
      // In seq order, before any ack of the batch goes out.
      for (const { publish, ...event } of committed) {
        try {
          (publish ?? engine().publisher)?.([event]);
        } catch (error) {
          console.error("[boards] publishing events failed", error);
        }
      }
      jobs.forEach((job, i) => job.resolve(outcomes[i]!));
    }
  } finally {
    queue.running = false;
    if (queue.jobs.length) void drain(boardId, queue);
    else engine().queues.delete(boardId);
  }
}

/** Convenience for scripts and tests: one op, queued like any other. */
export async function applyBoardOp(request: BoardOpRequest): Promise<Outcome> {
  return submitBoardOp(request);
}

/** Resolves once every queued op has been committed or refused (graceful shutdown: before the database closes). */
export async function boardQueuesIdle(): Promise<void> {
  while (engine().queues.size > 0) await new Promise((resolve) => setTimeout(resolve, 10));
}
