import { z } from "zod";

/*
 * The board protocol, shared by the server (lib/boards, lib/realtime/server.ts) and the browser
 * client (lib/realtime/client.ts). docs/realtime-protocol.md explains it in prose; these schemas
 * are the source of truth. Every client → server payload is parsed with them before anything else.
 */

export const CARD_TEXT_MAX = 2_000;
export const TITLE_MAX = 200;
export const cardColours = ["yellow", "pink", "blue", "green", "orange", "purple"] as const;
export type CardColour = (typeof cardColours)[number];

const entityId = z.uuid();
const coordinate = z.number().finite().min(-100_000).max(100_000);
const order = z.number().finite();

export const ZCardCreate = z.object({
  type: z.literal("card.create"),
  /** Chosen by the client, so ops queued offline can refer to a card before it is acknowledged. */
  cardId: entityId,
  text: z.string().max(CARD_TEXT_MAX),
  colour: z.enum(cardColours).default("yellow"),
  columnId: entityId.nullable().default(null),
  groupId: entityId.nullable().default(null),
  x: coordinate.nullable().default(null),
  y: coordinate.nullable().default(null),
  position: order.default(0),
});

/** Changes to text conflict on a stale `baseVersion`; moves and colour are last-writer-wins. */
export const ZCardUpdate = z.object({
  type: z.literal("card.update"),
  cardId: entityId,
  baseVersion: z.number().int().min(1),
  changes: z
    .object({
      text: z.string().max(CARD_TEXT_MAX),
      colour: z.enum(cardColours),
      columnId: entityId.nullable(),
      groupId: entityId.nullable(),
      x: coordinate,
      y: coordinate,
      position: order,
    })
    .partial()
    .refine((c) => Object.keys(c).length > 0, "empty"),
});

export const ZCardDelete = z.object({ type: z.literal("card.delete"), cardId: entityId });
export const ZCardRestore = z.object({ type: z.literal("card.restore"), cardId: entityId });

export const ZGroupCreate = z.object({
  type: z.literal("group.create"),
  groupId: entityId,
  title: z.string().max(TITLE_MAX).default(""),
  /** Cards that form the group (dropping one card onto another makes a group of two). */
  cardIds: z.array(entityId).max(200).default([]),
  columnId: entityId.nullable().default(null),
  x: coordinate.nullable().default(null),
  y: coordinate.nullable().default(null),
});
export const ZGroupUpdate = z.object({
  type: z.literal("group.update"),
  groupId: entityId,
  changes: z
    .object({ title: z.string().max(TITLE_MAX), columnId: entityId.nullable(), x: coordinate, y: coordinate })
    .partial()
    .refine((c) => Object.keys(c).length > 0, "empty"),
});
/** Deleting a group ungroups its cards; the cards stay. */
export const ZGroupDelete = z.object({ type: z.literal("group.delete"), groupId: entityId });

/** Sets how many of my dots sit on this card (0 takes them back). */
export const ZVoteSet = z.object({ type: z.literal("vote.set"), cardId: entityId, count: z.number().int().min(0).max(100) });

/** Moderator settings; `columns` is the complete ordered list (add, rename, reorder; remove only empty ones). */
export const ZBoardUpdate = z.object({
  type: z.literal("board.update"),
  changes: z
    .object({
      title: z.string().min(1).max(TITLE_MAX),
      locked: z.boolean(),
      anonymous: z.boolean(),
      votesPerPerson: z.number().int().min(0).max(100),
      votesHidden: z.boolean(),
      votesRevealed: z.boolean(),
      /** Countdown end as ISO time; null stops the timer. */
      timerEndsAt: z.iso.datetime().nullable(),
      spotlightCardId: entityId.nullable(),
      columns: z.array(z.object({ id: entityId, title: z.string().min(1).max(TITLE_MAX) })).min(1).max(20),
    })
    .partial()
    .refine((c) => Object.keys(c).length > 0, "empty"),
});

export const ZBoardOp = z.discriminatedUnion("type", [
  ZCardCreate,
  ZCardUpdate,
  ZCardDelete,
  ZCardRestore,
  ZGroupCreate,
  ZGroupUpdate,
  ZGroupDelete,
  ZVoteSet,
  ZBoardUpdate,
]);
export type BoardOp = z.infer<typeof ZBoardOp>;
export type BoardOpInput = z.input<typeof ZBoardOp>;
export type BoardOpType = BoardOp["type"];

// Client → server ------------------------------------------------------------------------------

export const ZBoardJoin = z.object({ boardId: entityId, sinceSeq: z.number().int().min(0).optional() });
export const ZBoardLeave = z.object({ boardId: entityId });
export const ZBoardOpMessage = z.object({ boardId: entityId, clientOpId: z.uuid(), op: ZBoardOp });
/** Volatile: never stored, throttled by the client, dropped by the server when too frequent. */
export const ZCursorMove = z.object({ boardId: entityId, x: coordinate, y: coordinate });
/** Moderator's "follow me": participants who follow scroll to the same spot. Volatile. */
export const ZFollowView = z.object({ boardId: entityId, x: coordinate, y: coordinate });
export const ZThinkTankWatch = z.object({ thinkTankId: entityId });

// State -----------------------------------------------------------------------------------------

export type BoardSettings = {
  id: string;
  title: string;
  kind: "canvas" | "columns";
  template: string;
  anonymous: boolean;
  locked: boolean;
  votesPerPerson: number;
  votesHidden: boolean;
  votesRevealed: boolean;
  timerEndsAt: string | null;
  spotlightCardId: string | null;
  /** Set when ops are refused: `locked`, `phase_completed`, `think_tank_closed`. */
  closedReason: string | null;
};
export type BoardColumnState = { id: string; title: string; position: number };
export type BoardGroupState = { id: string; title: string; columnId: string | null; x: number | null; y: number | null; version: number };
export type BoardCardState = {
  id: string;
  text: string;
  colour: CardColour;
  columnId: string | null;
  groupId: string | null;
  x: number | null;
  y: number | null;
  position: number;
  version: number;
  deleted: boolean;
  /** Absent on anonymous boards: neither id nor name ever leaves the server there. */
  author?: { id: string; name: string };
  /** Total dots; absent while votes are hidden and not yet revealed. */
  votes?: number;
};
export type BoardSnapshot = {
  seq: number;
  board: BoardSettings;
  columns: BoardColumnState[];
  groups: BoardGroupState[];
  cards: BoardCardState[];
  /** cardId → my dots (only the receiving person's own votes). */
  myVotes: Record<string, number>;
  /** Card ids I wrote (also on anonymous boards, sent only to me, so I can edit and delete them). */
  mine: string[];
  /**
   * The receiving person. `canContribute`: their role lets them write on this board at all;
   * `canWrite`: they may right now (a closed board stops everyone, a locked one all but moderators).
   * The reducer keeps `canWrite` current when the board is locked or unlocked.
   */
  me: { id: string; name: string; canWrite: boolean; canModerate: boolean; canContribute?: boolean };
};

// Server → client ---------------------------------------------------------------------------------

/** One committed op as the room sees it; payloads carry the resulting entities, never an anonymous author. */
export type BoardEvent = { boardId: string; seq: number; type: BoardOpType; payload: Record<string, unknown>; clientOpId: string };
export type PresenceEntry = { userId: string; name: string };
/** `seq`: the board's last committed seq when known (after a join), so clients notice events they missed. */
export type PresenceUpdate = { boardId: string; present: PresenceEntry[]; seq?: number };
export type CursorMove = { boardId: string; userId: string; name: string; x: number; y: number };
/** A moderator's "follow me" position (volatile). */
export type FollowView = { boardId: string; userId: string; name: string; x: number; y: number };
export type PhaseUpdate = { thinkTankId: string };
/**
 * A phase or the think-tank changed status, which may close or reopen its boards: clients on any
 * of its boards re-join for a fresh snapshot (these changes are no board ops and take no seq).
 */
export const BOARD_REFRESH = "board:refresh";
export type BoardRefresh = { thinkTankId: string };

export type AckError = { ok: false; error: { code: string; message: string; current?: BoardCardState } };
export type JoinAck = ({ ok: true; seq: number; snapshot: BoardSnapshot } | { ok: true; seq: number; events: BoardEvent[] }) | AckError;
export type OpAck = { ok: true; seq: number; result: Record<string, unknown> } | AckError;
export type SimpleAck = { ok: true } | AckError;
