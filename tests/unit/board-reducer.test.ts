import { describe, expect, it } from "vitest";
import { TokenBucket } from "@/lib/boards/rate-limit";
import { applyEvent, applyOp, visibleCards, votesLeft, type EventCard } from "@/lib/boards/reducer";
import { closedReason, isStaleTextEdit, mayChangeContent, openFor, withinBudget } from "@/lib/boards/rules";
import type { BoardEvent, BoardSnapshot } from "@/lib/realtime/events";

const BOARD = "00000000-0000-4000-8000-000000000000";
const C1 = "00000000-0000-4000-8000-0000000000a1";
const C2 = "00000000-0000-4000-8000-0000000000a2";
const G1 = "00000000-0000-4000-8000-0000000000b1";
const me = { id: "00000000-0000-4000-8000-0000000000f1", name: "Ada" };

function card(id: string, extra: Partial<EventCard> = {}): EventCard {
  return { id, text: id, colour: "yellow", columnId: null, groupId: null, x: 0, y: 0, position: 0, version: 1, deleted: false, ...extra };
}

function snapshot(extra: Partial<BoardSnapshot["board"]> = {}, cards: BoardSnapshot["cards"] = []): BoardSnapshot {
  return {
    seq: 0,
    board: {
      id: BOARD,
      title: "Board",
      kind: "canvas",
      template: "canvas",
      anonymous: false,
      locked: false,
      votesPerPerson: 3,
      votesHidden: false,
      votesRevealed: false,
      timerEndsAt: null,
      spotlightCardId: null,
      closedReason: null,
      ...extra,
    },
    columns: [],
    groups: [],
    cards,
    myVotes: {},
    mine: [],
    me: { ...me, canWrite: true, canModerate: false, canContribute: true },
  };
}

let seq = 0;
const ev = (type: BoardEvent["type"], payload: Record<string, unknown>): BoardEvent => ({ boardId: BOARD, seq: ++seq, type, payload, clientOpId: `op-${seq}` });

describe("applyEvent", () => {
  it("adds a created card with zero visible votes, marks it mine only when the event says so, and never mutates its input", () => {
    const before = snapshot();
    const frozen = structuredClone(before);
    const after = applyEvent(before, ev("card.create", { card: card(C1, { author: { id: "u", name: "Ben" } }) }));
    expect(before).toEqual(frozen);
    expect(after.cards).toEqual([{ ...card(C1, { author: { id: "u", name: "Ben" } }), votes: 0 }]);
    expect(after.mine).toEqual([]);
    expect(after.seq).toBe(seq);
    const mine = applyEvent(before, ev("card.create", { card: card(C2), mine: true }));
    expect(mine.mine).toEqual([C2]);
  });

  it("keeps the vote total when a card update arrives and drops authors once the board is anonymous", () => {
    let s = snapshot({}, [{ ...card(C1, { author: { id: "u", name: "Ben" } }), votes: 2 }]);
    s = applyEvent(s, ev("card.update", { card: card(C1, { text: "neu", version: 2, author: { id: "u", name: "Ben" } }) }));
    expect(s.cards[0]).toMatchObject({ text: "neu", version: 2, votes: 2, author: { name: "Ben" } });
    s = applyEvent(s, ev("board.update", { board: { ...s.board, anonymous: true } }));
    expect(s.cards[0]).not.toHaveProperty("author");
    // Even a stray author in a later event is not kept on an anonymous board.
    s = applyEvent(s, ev("card.update", { card: card(C1, { author: { id: "u", name: "Ben" } }) }));
    expect(s.cards[0]).not.toHaveProperty("author");
  });

  it("hides totals when votes become hidden and fills them in from cardVotes when revealed", () => {
    let s = snapshot({}, [{ ...card(C1), votes: 1 }, { ...card(C2), votes: 0 }]);
    s = applyEvent(s, ev("board.update", { board: { ...s.board, votesHidden: true }, cardVotes: null }));
    expect(s.cards.map((c) => c.votes)).toEqual([undefined, undefined]);
    s = applyEvent(s, ev("vote.set", {})); // a hidden vote: nothing to show
    s = applyEvent(s, ev("vote.set", { cardId: C1, myCount: 2 })); // my own, seen only by me
    expect(s.myVotes).toEqual({ [C1]: 2 });
    expect(s.cards[0]!.votes).toBeUndefined();
    s = applyEvent(s, ev("board.update", { board: { ...s.board, votesRevealed: true }, cardVotes: { [C1]: 5 } }));
    expect(s.cards.map((c) => c.votes)).toEqual([5, 0]);
    s = applyEvent(s, ev("vote.set", { cardId: C1, votes: 4, myCount: 0 }));
    expect(s.cards[0]!.votes).toBe(4);
    expect(s.myVotes).toEqual({});
  });

  it("keeps my write permission in step with locking and unlocking", () => {
    let s = snapshot();
    s = applyEvent(s, ev("board.update", { board: { ...s.board, locked: true, closedReason: "locked" } }));
    expect(s.me.canWrite).toBe(false);
    s = applyEvent(s, ev("board.update", { board: { ...s.board, locked: false, closedReason: null } }));
    expect(s.me.canWrite).toBe(true);
    const moderator = { ...snapshot(), me: { ...snapshot().me, canModerate: true } };
    expect(applyEvent(moderator, ev("board.update", { board: { ...moderator.board, locked: true, closedReason: "locked" } })).me.canWrite).toBe(true);
  });

  it("ungroups the cards of a deleted group and marks deleted cards instead of dropping them (undo)", () => {
    let s = snapshot({}, [{ ...card(C1), votes: 0 }, { ...card(C2), votes: 0 }]);
    s = applyEvent(s, ev("group.create", { group: { id: G1, title: "G", columnId: null, x: 0, y: 0, version: 1 }, cards: [card(C1, { groupId: G1 }), card(C2, { groupId: G1 })] }));
    expect(s.cards.map((c) => c.groupId)).toEqual([G1, G1]);
    s = applyEvent(s, ev("group.delete", { groupId: G1, cards: [] }));
    expect(s.groups).toEqual([]);
    expect(s.cards.map((c) => c.groupId)).toEqual([null, null]);
    s = applyEvent(s, ev("card.delete", { cardId: C1 }));
    expect(s.cards.find((c) => c.id === C1)?.deleted).toBe(true);
    expect(visibleCards(s).map((c) => c.id)).toEqual([C2]);
  });
});

describe("applyOp (optimistic)", () => {
  it("bumps the version only when the text really changes, like the server", () => {
    const s = snapshot({}, [{ ...card(C1), votes: 0 }]);
    expect(applyOp(s, { type: "card.update", cardId: C1, baseVersion: 1, changes: { text: "anders" } }, me).cards[0]!.version).toBe(2);
    expect(applyOp(s, { type: "card.update", cardId: C1, baseVersion: 1, changes: { text: C1 } }, me).cards[0]!.version).toBe(1);
    expect(applyOp(s, { type: "card.update", cardId: C1, baseVersion: 1, changes: { x: 5 } }, me).cards[0]).toMatchObject({ x: 5, version: 1 });
  });

  it("creates my card with my name, but without an author on anonymous boards", () => {
    const open = applyOp(snapshot(), { type: "card.create", cardId: C1, text: "hallo" }, me);
    expect(open.cards[0]).toMatchObject({ id: C1, author: { id: me.id, name: "Ada" }, votes: 0 });
    expect(open.mine).toEqual([C1]);
    const anonymous = applyOp(snapshot({ anonymous: true }), { type: "card.create", cardId: C1, text: "hallo" }, me);
    expect(anonymous.cards[0]).not.toHaveProperty("author");
  });

  it("moves my dots and counts what is left", () => {
    let s = snapshot({}, [{ ...card(C1), votes: 1 }, { ...card(C2), votes: 0 }]);
    s = applyOp(s, { type: "vote.set", cardId: C1, count: 2 }, me);
    expect(s.cards[0]!.votes).toBe(3);
    expect(votesLeft(s)).toBe(1);
    s = applyOp(s, { type: "vote.set", cardId: C1, count: 0 }, me);
    expect(s.cards[0]!.votes).toBe(1);
    expect(votesLeft(s)).toBe(3);
  });

  it("rejects malformed ops (the client validates before queueing)", () => {
    expect(() => applyOp(snapshot(), { type: "card.create", cardId: "x", text: "" } as never, me)).toThrow();
  });
});

describe("board rules and limits", () => {
  it("closes boards for the right people", () => {
    expect(closedReason({ locked: false }, "running", "active")).toBeNull();
    expect(closedReason({ locked: true }, "running", "active")).toBe("locked");
    expect(closedReason({ locked: false }, "completed", "active")).toBe("phase_completed");
    expect(closedReason({ locked: false }, "running", "paused")).toBe("think_tank_closed");
    expect(openFor("locked", true)).toBe(true);
    expect(openFor("locked", false)).toBe(false);
    expect(openFor("phase_completed", true)).toBe(false);
  });

  it("decides content rights, stale edits and budgets", () => {
    expect(mayChangeContent({ actorId: "a", canModerate: false }, { authorId: "a" })).toBe(true);
    expect(mayChangeContent({ actorId: "b", canModerate: false }, { authorId: "a" })).toBe(false);
    expect(mayChangeContent({ actorId: "b", canModerate: true }, { authorId: null })).toBe(true);
    expect(isStaleTextEdit(1, { version: 2, text: "x" }, "y")).toBe(true);
    expect(isStaleTextEdit(1, { version: 2, text: "x" }, "x")).toBe(false);
    expect(isStaleTextEdit(1, { version: 2, text: "x" }, undefined)).toBe(false);
    expect(withinBudget(3, 2, 1)).toBe(true);
    expect(withinBudget(3, 2, 2)).toBe(false);
    expect(withinBudget(0, 0, 1)).toBe(false);
    expect(withinBudget(0, 5, 0)).toBe(true);
  });

  it("lets a burst through and then holds to the rate (token bucket)", () => {
    let now = 0;
    const bucket = new TokenBucket(5, 10, () => now);
    expect(Array.from({ length: 7 }, () => bucket.take())).toEqual([true, true, true, true, true, false, false]);
    now += 100; // one token per 100 ms
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    now += 10_000;
    expect(Array.from({ length: 6 }, () => bucket.take()).filter(Boolean)).toHaveLength(5);
  });
});
