import "server-only";
import { and, asc, eq, exists, gt, inArray, isNull, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import {
  boardColumns,
  boardEvents,
  boards,
  cardGroups,
  cards,
  networkMembers,
  phases,
  problems,
  thinkTankParticipants,
  thinkTankProblems,
  thinkTanks,
  users,
  votes,
  type Board,
  type PhaseStatus,
} from "@/db/schema";
import { AppError } from "@/lib/errors";
import { assertSignedIn, canInThinkTank, type Actor, type ThinkTankContext } from "@/lib/policy";
import { thinkTankAccess } from "@/lib/think-tanks/access";
import type { BoardCardState, BoardEvent, BoardGroupState, BoardOpType, BoardSettings, BoardSnapshot, CardColour } from "@/lib/realtime/events";
import type { EventCard } from "./reducer";
import { REPLAY_MAX_EVENTS } from "./rate-limit";
import { closedReason, openFor, type ClosedReason } from "./rules";

/*
 * Board reads. Every read starts from the board's think-tank through thinkTankAccess, so a person
 * who may not see the think-tank gets `not_found` for its boards too. On anonymous boards no
 * author (id or name) ever leaves these functions, and nothing is ordered by author.
 */

export type BoardAccess = {
  board: Board;
  context: ThinkTankContext;
  phaseStatus: PhaseStatus | null;
  closed: ClosedReason | null;
  canView: boolean;
  /** `board.write` and the board open for this person right now. */
  canWrite: boolean;
  canModerate: boolean;
};

export async function boardAccess(db: DbOrTx, actor: Actor | null, boardId: string): Promise<BoardAccess> {
  const [row] = await db
    .select({ board: boards, phaseStatus: phases.status })
    .from(boards)
    .leftJoin(phases, eq(phases.id, boards.phaseId))
    .where(eq(boards.id, boardId))
    .limit(1);
  // Boards outside think-tanks (network meetings) are not served here yet.
  if (!row?.board.thinkTankId) throw new AppError("not_found", "Board not found");
  let context: ThinkTankContext;
  try {
    ({ context } = await thinkTankAccess(db, actor, row.board.thinkTankId));
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") throw new AppError("not_found", "Board not found");
    throw error;
  }
  return accessFrom(actor, row.board, row.phaseStatus ?? null, context);
}

/**
 * Statements whose text grows with the batch (IN lists, multi-row inserts) are prepared only up
 * to this many entries: every size is a statement of its own in each connection's cache.
 */
const PREPARED_UP_TO = 32;

/**
 * Runs a hot statement of the board engine as a prepared statement: postgres.js sends a statement
 * with parameters that is not prepared as describe-then-execute, i.e. two round trips, and sends
 * nothing behind it meanwhile. Prepared, it costs one round trip and pipelines. The name is only a
 * label (postgres.js keys prepared statements by their text). Starts the query at once.
 */
export function runPrepared<T>(query: { prepare(name: string): { execute(): Promise<T> }; execute(): Promise<T> }, name: string, size = 1): Promise<T> {
  return size <= PREPARED_UP_TO ? query.prepare(name).execute() : query.execute();
}

/**
 * The think-tank contexts of several people on one board's think-tank in ONE query: the board
 * engine authorises every writer of a batch with it instead of one thinkTankAccess per person.
 * It reads the same facts as thinkTankAccess: the participant role, and membership in an origin
 * network for people without a role on an `origin_networks` think-tank. The decision stays with
 * the policy (canInThinkTank on these contexts). People missing from the map (no such user, or
 * the board has no think-tank) may do nothing. Sent at once, so the engine can pipeline it.
 */
export function thinkTankContextsOnBoard(db: DbOrTx, boardId: string, userIds: string[]): Promise<Map<string, ThinkTankContext>> {
  const originNetworks = db
    .select({ networkId: problems.networkId })
    .from(thinkTankProblems)
    .innerJoin(problems, eq(problems.id, thinkTankProblems.problemId))
    .where(eq(thinkTankProblems.thinkTankId, thinkTanks.id));
  const inOriginNetwork = db
    .select({ userId: networkMembers.userId })
    .from(networkMembers)
    .where(and(eq(networkMembers.userId, users.id), inArray(networkMembers.networkId, originNetworks)));
  const query = db
    .select({
      userId: users.id,
      role: thinkTankParticipants.role,
      status: thinkTanks.status,
      originReader: sql<boolean>`(${thinkTanks.visibility} = 'origin_networks' and ${thinkTankParticipants.role} is null and ${exists(inOriginNetwork)})`.mapWith(Boolean),
    })
    .from(boards)
    .innerJoin(thinkTanks, eq(thinkTanks.id, boards.thinkTankId))
    .innerJoin(users, inArray(users.id, userIds))
    .leftJoin(thinkTankParticipants, and(eq(thinkTankParticipants.thinkTankId, thinkTanks.id), eq(thinkTankParticipants.userId, users.id)))
    .where(eq(boards.id, boardId));
  return runPrepared(query, "board_think_tank_contexts", userIds.length).then(
    (rows) => new Map(rows.map((r) => [r.userId, { thinkTankRole: r.role ?? null, originReader: r.originReader, status: r.status }])),
  );
}

export function accessFrom(actor: Actor | null, board: Board, phaseStatus: PhaseStatus | null, context: ThinkTankContext): BoardAccess {
  const closed = closedReason(board, phaseStatus, context.status);
  const canModerate = canInThinkTank(actor, context, "board.moderate");
  const canView = canInThinkTank(actor, context, "board.view");
  if (!canView) throw new AppError("not_found", "Board not found");
  const canWrite = canInThinkTank(actor, context, "board.write") && openFor(closed, canModerate);
  return { board, context, phaseStatus, closed, canView, canWrite, canModerate: canModerate && closed !== "phase_completed" };
}

export function boardSettings(board: Board, closed: ClosedReason | null): BoardSettings {
  return {
    id: board.id,
    title: board.title,
    kind: board.kind,
    template: board.template,
    anonymous: board.anonymous,
    locked: board.locked,
    votesPerPerson: board.votesPerPerson,
    votesHidden: board.votesHidden,
    votesRevealed: board.votesRevealed,
    timerEndsAt: board.timerEndsAt ? board.timerEndsAt.toISOString() : null,
    spotlightCardId: board.spotlightCardId,
    closedReason: closed,
  };
}

export type CardRow = typeof cards.$inferSelect & { authorName: string | null };

/** A card as clients see it: on anonymous boards without any trace of its author. */
export function eventCard(card: CardRow, anonymous: boolean): EventCard {
  const out: EventCard = {
    id: card.id,
    text: card.text,
    colour: card.colour as CardColour,
    columnId: card.columnId,
    groupId: card.groupId,
    x: card.x,
    y: card.y,
    position: card.position,
    version: card.version,
    deleted: card.deletedAt !== null,
  };
  if (!anonymous && card.authorId) out.author = { id: card.authorId, name: card.authorName ?? "" };
  return out;
}

export function groupState(group: typeof cardGroups.$inferSelect): BoardGroupState {
  return { id: group.id, title: group.title, columnId: group.columnId, x: group.x, y: group.y, version: group.version };
}

/** Cards with their author's name (the name is dropped again for anonymous boards by eventCard). */
export function selectCards(db: DbOrTx) {
  return db
    .select({
      id: cards.id,
      boardId: cards.boardId,
      columnId: cards.columnId,
      groupId: cards.groupId,
      text: cards.text,
      colour: cards.colour,
      x: cards.x,
      y: cards.y,
      position: cards.position,
      authorId: cards.authorId,
      version: cards.version,
      carriedFromCardId: cards.carriedFromCardId,
      deletedAt: cards.deletedAt,
      createdAt: cards.createdAt,
      updatedAt: cards.updatedAt,
      authorName: users.name,
    })
    .from(cards)
    .leftJoin(users, eq(users.id, cards.authorId));
}

export function votesAreVisible(board: Pick<Board, "votesHidden" | "votesRevealed">): boolean {
  return !board.votesHidden || board.votesRevealed;
}

/** Vote totals per card (deleted cards included: restoring brings their dots back). */
export async function voteTotals(db: DbOrTx, boardId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ cardId: votes.cardId, total: sql<number>`cast(sum(${votes.count}) as integer)` })
    .from(votes)
    .where(eq(votes.boardId, boardId))
    .groupBy(votes.cardId);
  return new Map(rows.map((r) => [r.cardId, Number(r.total)]));
}

/** Everything a client needs to render the board, as one consistent picture at `seq`. */
export async function boardSnapshot(actor: (Actor & { name?: string }) | null, boardId: string): Promise<BoardSnapshot> {
  assertSignedIn(actor);
  const db = await getDb();
  return db.transaction(
    async (tx) => {
      const access = await boardAccess(tx, actor, boardId);
      return snapshotIn(tx, actor, access);
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

export async function snapshotIn(db: DbOrTx, actor: Actor & { name?: string }, access: BoardAccess): Promise<BoardSnapshot> {
  const { board } = access;
  const [columnRows, groupRows, cardRows, totals, myVoteRows, me] = await Promise.all([
    db.select().from(boardColumns).where(eq(boardColumns.boardId, board.id)).orderBy(asc(boardColumns.position), asc(boardColumns.id)),
    db
      .select()
      .from(cardGroups)
      .where(and(eq(cardGroups.boardId, board.id), isNull(cardGroups.deletedAt)))
      .orderBy(asc(cardGroups.createdAt), asc(cardGroups.id)),
    // Position, then creation: never by author.
    selectCards(db).where(eq(cards.boardId, board.id)).orderBy(asc(cards.position), asc(cards.createdAt), asc(cards.id)),
    voteTotals(db, board.id),
    db.select({ cardId: votes.cardId, count: votes.count }).from(votes).where(and(eq(votes.boardId, board.id), eq(votes.userId, actor.id))),
    actor.name === undefined ? db.select({ name: users.name }).from(users).where(eq(users.id, actor.id)) : Promise.resolve([{ name: actor.name }]),
  ]);
  const visible = votesAreVisible(board);
  const cardStates: BoardCardState[] = cardRows.map((row) => {
    const state: BoardCardState = eventCard(row, board.anonymous);
    if (visible) state.votes = totals.get(row.id) ?? 0;
    return state;
  });
  return {
    seq: board.seq,
    board: boardSettings(board, access.closed),
    columns: columnRows.map((c) => ({ id: c.id, title: c.title, position: c.position })),
    groups: groupRows.map(groupState),
    cards: cardStates,
    myVotes: Object.fromEntries(myVoteRows.filter((v) => v.count > 0).map((v) => [v.cardId, v.count])),
    mine: cardRows.filter((c) => c.authorId === actor.id).map((c) => c.id),
    me: {
      id: actor.id,
      name: me[0]?.name ?? "",
      canWrite: access.canWrite,
      canModerate: access.canModerate,
      canContribute: canInThinkTank(actor, access.context, "board.write"),
    },
  };
}

/** Keys of an ack result that only the op's own author may see again when events are replayed. */
const OWN_KEYS = ["mine", "cardId", "myCount"] as const;

type EventRow = typeof boardEvents.$inferSelect;

/** One stored event as `viewerId` may see it (their own extras only on their own ops; authors never on anonymous boards). */
export function eventForViewer(row: EventRow, viewerId: string, anonymous: boolean): BoardEvent {
  let payload: Record<string, unknown> = row.payload;
  if (row.actorId === viewerId) {
    payload = { ...payload };
    for (const key of OWN_KEYS) if (row.result[key] !== undefined) payload[key] = row.result[key];
  }
  if (anonymous) payload = stripAuthors(payload);
  return { boardId: row.boardId, seq: row.seq, type: row.type as BoardOpType, payload, clientOpId: row.clientOpId };
}

/** Events written before a board became anonymous may name authors; replay never does once it is. */
export function stripAuthors(payload: Record<string, unknown>): Record<string, unknown> {
  const strip = (card: unknown) => {
    if (!card || typeof card !== "object" || !("author" in card)) return card;
    const copy = { ...(card as Record<string, unknown>) };
    delete copy.author;
    return copy;
  };
  const out = { ...payload };
  if (out.card) out.card = strip(out.card);
  if (Array.isArray(out.cards)) out.cards = out.cards.map(strip);
  return out;
}

/**
 * The events after `sinceSeq` as this person may see them, or null when a snapshot is the better
 * answer (too far behind, or a seq the server never had, e.g. after a restore from backup).
 */
export async function eventsSince(actor: Actor | null, boardId: string, sinceSeq: number): Promise<BoardEvent[] | null> {
  assertSignedIn(actor);
  const db = await getDb();
  const { board } = await boardAccess(db, actor, boardId);
  return eventsSinceIn(db, actor, board, sinceSeq);
}

export async function eventsSinceIn(db: DbOrTx, actor: Actor, board: Board, sinceSeq: number): Promise<BoardEvent[] | null> {
  if (sinceSeq > board.seq || board.seq - sinceSeq > REPLAY_MAX_EVENTS) return null;
  if (sinceSeq === board.seq) return [];
  const rows = await db
    .select()
    .from(boardEvents)
    .where(and(eq(boardEvents.boardId, board.id), gt(boardEvents.seq, sinceSeq)))
    .orderBy(asc(boardEvents.seq))
    .limit(REPLAY_MAX_EVENTS + 1);
  // A concurrent commit may add rows past board.seq: harmless, the client orders by seq.
  if (rows.length === 0 || rows[0]!.seq !== sinceSeq + 1) return null;
  return rows.map((row) => eventForViewer(row, actor.id, board.anonymous));
}

/**
 * What a board page needs before it connects: the board's think-tank and phase (to check the URL
 * and render the frame) and the person's permissions. `not_found` for whoever may not see it.
 */
export async function boardForPage(actor: Actor | null, boardId: string) {
  assertSignedIn(actor);
  const db = await getDb();
  const access = await boardAccess(db, actor, boardId);
  return {
    thinkTankId: access.board.thinkTankId!,
    phaseId: access.board.phaseId,
    settings: boardSettings(access.board, access.closed),
    canWrite: access.canWrite,
    canModerate: access.canModerate,
  };
}
