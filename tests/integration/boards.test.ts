import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { boardEvents, cards, phases, thinkTanks, votes, type User } from "@/db/schema";
import { applyBoardOps, setBoardEventPublisher, submitBoardOp, type BoardActor, type CommittedEvent } from "@/lib/boards/commands";
import { boardSnapshot, eventsSince } from "@/lib/boards/queries";
import type { BoardEvent, OpAck } from "@/lib/realtime/events";
import { boardActor, createBoardFixture, op, reloadBoard } from "../support/boards";
import { testDriver, withTestDatabase } from "../support/database";
import { appError } from "../support/errors";
import { createUser } from "../support/factories";

const t = withTestDatabase();

let moderator: BoardActor;
let alice: BoardActor;
let bob: BoardActor;
let observer: BoardActor;
let outsider: BoardActor;
let users: Record<string, User>;

beforeAll(async () => {
  const [m, a, b, o, x] = await Promise.all([
    createUser({ name: "Mara Moderation" }),
    createUser({ name: "Alice Anonym" }),
    createUser({ name: "Bob Beispiel" }),
    createUser({ name: "Olga Observer" }),
    createUser({ name: "Xaver Außen" }),
  ]);
  users = { m, a, b, o, x };
  moderator = boardActor(m);
  alice = boardActor(a);
  bob = boardActor(b);
  observer = boardActor(o);
  outsider = boardActor(x);
});

afterEach(() => setBoardEventPublisher(null));

function participants() {
  return [
    { user: users.m!, role: "moderator" as const },
    { user: users.a!, role: "knowledge_giver" as const },
    { user: users.b!, role: "delegate" as const },
    { user: users.o!, role: "observer" as const },
  ];
}

function expectOk(ack: OpAck): Extract<OpAck, { ok: true }> {
  if (!ack.ok) throw new Error(`expected ok, got ${ack.error.code}: ${ack.error.message}`);
  return ack;
}
function expectCode(ack: OpAck, code: string) {
  expect(ack.ok).toBe(false);
  if (!ack.ok) expect(ack.error.code).toBe(code);
}

async function storedEvents(boardId: string) {
  return t.db.select().from(boardEvents).where(eq(boardEvents.boardId, boardId)).orderBy(asc(boardEvents.seq));
}

describe(`board commands (${testDriver()})`, () => {
  it("creates a card with the next seq and a board_events row; a resent clientOpId changes nothing and returns the original result", async () => {
    const { board, columnIds } = await createBoardFixture({ participants: participants() });
    const cardId = randomUUID();
    const clientOpId = randomUUID();
    const first = expectOk(await op(alice, board.id, { type: "card.create", cardId, text: "Kaffee", columnId: columnIds[0]! }, clientOpId));
    expect(first.seq).toBe(1);
    expect(first.result).toMatchObject({ card: { id: cardId, text: "Kaffee", author: { id: alice.id, name: "Alice Anonym" } }, mine: true });

    const again = expectOk(await op(alice, board.id, { type: "card.create", cardId, text: "Kaffee", columnId: columnIds[0]! }, clientOpId));
    expect(again).toEqual(first);
    // Even a different op under the same clientOpId is the original one.
    expect(expectOk(await op(alice, board.id, { type: "card.delete", cardId }, clientOpId))).toEqual(first);

    expect(await t.db.select().from(cards).where(eq(cards.boardId, board.id))).toHaveLength(1);
    expect((await reloadBoard(board.id)).seq).toBe(1);
    const events = await storedEvents(board.id);
    expect(events.map((e) => [e.seq, e.type, e.clientOpId, e.actorId])).toEqual([[1, "card.create", clientOpId, alice.id]]);

    // clientOpIds travel in room events: somebody else reusing one gets nothing of the original.
    expectCode(await op(bob, board.id, { type: "card.create", cardId: randomUUID(), text: "x" }, clientOpId), "conflict");
  });

  it("numbers events without gaps in commit order, also for a batch (group commit) with refusals in between", async () => {
    const { board } = await createBoardFixture({ participants: participants(), kind: "canvas" });
    const published: BoardEvent[] = [];
    setBoardEventPublisher((committed: CommittedEvent[]) => published.push(...committed.map((c) => c.event)));
    const ids = Array.from({ length: 40 }, () => randomUUID());
    const acks = await Promise.all(
      ids.map((cardId, i) =>
        submitBoardOp({
          actor: i % 10 === 3 ? observer : alice, // observers may not write: refused, no seq taken
          boardId: board.id,
          clientOpId: randomUUID(),
          op: { type: "card.create", cardId, text: `Karte ${i}`, x: i, y: i },
        }),
      ),
    );
    const ok = acks.filter((a) => a.ok) as Array<Extract<OpAck, { ok: true }>>;
    expect(ok).toHaveLength(36);
    expect(acks.filter((a) => !a.ok).every((a) => !a.ok && a.error.code === "forbidden")).toBe(true);
    expect(ok.map((a) => a.seq)).toEqual(Array.from({ length: 36 }, (_, i) => i + 1));
    expect(published.map((e) => e.seq)).toEqual(ok.map((a) => a.seq));
    expect((await storedEvents(board.id)).map((e) => e.seq)).toEqual(ok.map((a) => a.seq));
    expect((await reloadBoard(board.id)).seq).toBe(36);

    const since = await eventsSince(bob, board.id, 30);
    expect(since?.map((e) => e.seq)).toEqual([31, 32, 33, 34, 35, 36]);
    expect(await eventsSince(bob, board.id, 36)).toEqual([]);
    expect(await eventsSince(bob, board.id, 37)).toBeNull(); // a seq the server never had: take a snapshot
  });

  it("answers a replay from too far behind with null (snapshot instead)", async () => {
    const { board } = await createBoardFixture({ participants: participants(), kind: "canvas" });
    const requests = Array.from({ length: 502 }, (_, i) => ({
      actor: alice,
      boardId: board.id,
      clientOpId: randomUUID(),
      op: { type: "card.create", cardId: randomUUID(), text: `${i}` },
    }));
    const { outcomes } = await applyBoardOps(board.id, requests);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(await eventsSince(alice, board.id, 1)).toBeNull();
    expect(await eventsSince(alice, board.id, 2)).toHaveLength(500);
  });

  it("answers a stale text edit with version_conflict and the current card; moves are last-writer-wins", async () => {
    const { board, columnIds } = await createBoardFixture({ participants: participants() });
    const cardId = randomUUID();
    expectOk(await op(alice, board.id, { type: "card.create", cardId, text: "Erste Fassung" }));
    const edited = expectOk(await op(alice, board.id, { type: "card.update", cardId, baseVersion: 1, changes: { text: "Zweite Fassung" } }));
    expect(edited.result).toMatchObject({ card: { text: "Zweite Fassung", version: 2 } });

    // The moderator still saw version 1.
    const stale = await op(moderator, board.id, { type: "card.update", cardId, baseVersion: 1, changes: { text: "Moderierte Fassung" } });
    expect(stale).toMatchObject({ ok: false, error: { code: "version_conflict", current: { id: cardId, text: "Zweite Fassung", version: 2 } } });
    // Nothing changed, no seq taken.
    const [row] = await t.db.select().from(cards).where(eq(cards.id, cardId));
    expect(row).toMatchObject({ text: "Zweite Fassung", version: 2 });
    expect((await reloadBoard(board.id)).seq).toBe(2);

    // A move with an old baseVersion is fine and does not bump the text version.
    const moved = expectOk(await op(bob, board.id, { type: "card.update", cardId, baseVersion: 1, changes: { columnId: columnIds[1]!, position: 3 } }));
    expect(moved.result).toMatchObject({ card: { columnId: columnIds[1], position: 3, version: 2, text: "Zweite Fassung" } });
    // Resending the unchanged text with a stale version is no conflict either.
    expectOk(await op(moderator, board.id, { type: "card.update", cardId, baseVersion: 1, changes: { text: "Zweite Fassung" } }));
    expectOk(await op(moderator, board.id, { type: "card.update", cardId, baseVersion: 2, changes: { text: "Moderierte Fassung" } }));
  });

  it("lets authors and moderators change text and delete; others may move, recolour and group but not rewrite", async () => {
    const { board } = await createBoardFixture({ participants: participants(), kind: "canvas" });
    const cardId = randomUUID();
    const other = randomUUID();
    expectOk(await op(alice, board.id, { type: "card.create", cardId, text: "Von Alice" }));
    expectOk(await op(bob, board.id, { type: "card.create", cardId: other, text: "Von Bob" }));
    expectCode(await op(bob, board.id, { type: "card.update", cardId, baseVersion: 1, changes: { text: "Bob war hier" } }), "forbidden");
    expectCode(await op(bob, board.id, { type: "card.delete", cardId }), "forbidden");
    expectOk(await op(bob, board.id, { type: "card.update", cardId, baseVersion: 1, changes: { x: 10, y: 20, colour: "pink" } }));
    const groupId = randomUUID();
    const grouped = expectOk(await op(bob, board.id, { type: "group.create", groupId, title: "Zusammen", cardIds: [cardId, other] }));
    expect(grouped.result).toMatchObject({ group: { id: groupId, title: "Zusammen" }, cards: [{ groupId }, { groupId }] });
    expectOk(await op(alice, board.id, { type: "card.delete", cardId }));
    expectOk(await op(moderator, board.id, { type: "card.restore", cardId }));
    expectOk(await op(moderator, board.id, { type: "card.update", cardId, baseVersion: 1, changes: { text: "Moderiert" } }));
    const ungrouped = expectOk(await op(alice, board.id, { type: "group.delete", groupId }));
    expect(ungrouped.result).toMatchObject({ groupId, cards: [{ groupId: null }, { groupId: null }] });
    const snap = await boardSnapshot(bob, board.id);
    expect(snap.groups).toEqual([]);
    expect(snap.cards.find((c) => c.id === cardId)).toMatchObject({ text: "Moderiert", x: 10, y: 20, colour: "pink", deleted: false, groupId: null });
    expect(snap.mine).toEqual([other]);
  });

  it("refuses bad input with a clear code and changes nothing", async () => {
    const { board } = await createBoardFixture({ participants: participants() });
    const before = (await reloadBoard(board.id)).seq;
    expectCode(await op(alice, board.id, { type: "card.create", cardId: "nope", text: "x" } as never), "invalid_input");
    expectCode(await op(alice, board.id, { type: "card.create", cardId: randomUUID(), text: "x".repeat(2001) }), "invalid_input");
    expectCode(await op(alice, board.id, { type: "card.create", cardId: randomUUID(), text: "x", columnId: randomUUID() }), "invalid_input");
    expectCode(await op(alice, board.id, { type: "card.update", cardId: randomUUID(), baseVersion: 1, changes: { x: 1 } }), "not_found");
    // A card of another board is not found either.
    const elsewhere = await createBoardFixture({ participants: participants() });
    const foreign = randomUUID();
    expectOk(await op(alice, elsewhere.board.id, { type: "card.create", cardId: foreign, text: "dort" }));
    expectCode(await op(alice, board.id, { type: "card.update", cardId: foreign, baseVersion: 1, changes: { text: "hier" } }), "not_found");
    expectCode(await op(alice, board.id, { type: "card.create", cardId: foreign, text: "gekapert" }), "conflict");
    expect((await reloadBoard(board.id)).seq).toBe(before);
  });

  it("enforces the dot budget, also for two tabs voting at the same moment", async () => {
    const { board } = await createBoardFixture({ participants: participants(), votesPerPerson: 3 });
    const [c1, c2, c3, c4] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    for (const id of [c1, c2, c3, c4]) expectOk(await op(bob, board.id, { type: "card.create", cardId: id!, text: id! }));
    expect(expectOk(await op(alice, board.id, { type: "vote.set", cardId: c1!, count: 2 })).result).toMatchObject({ cardId: c1, votes: 2, myCount: 2, remaining: 1 });
    expectCode(await op(alice, board.id, { type: "vote.set", cardId: c2!, count: 2 }), "vote_budget_exceeded");
    expectOk(await op(alice, board.id, { type: "vote.set", cardId: c1!, count: 3 })); // moving dots on the same card
    expectOk(await op(alice, board.id, { type: "vote.set", cardId: c1!, count: 0 }));

    // Two tabs: separate transactions at once, each within budget alone, together over it.
    const tabs = await Promise.all([
      applyBoardOps(board.id, [{ actor: alice, boardId: board.id, clientOpId: randomUUID(), op: { type: "vote.set", cardId: c2!, count: 2 } }]),
      applyBoardOps(board.id, [{ actor: alice, boardId: board.id, clientOpId: randomUUID(), op: { type: "vote.set", cardId: c3!, count: 2 } }]),
    ]);
    const results = tabs.map((r) => r.outcomes[0]!);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error.code === "vote_budget_exceeded")).toHaveLength(1);
    // And through the queue (one batch): 2 dots used, room for one more.
    const queued = await Promise.all(
      [c1, c4].map((cardId) => submitBoardOp({ actor: alice, boardId: board.id, clientOpId: randomUUID(), op: { type: "vote.set", cardId, count: 1 } })),
    );
    expect(queued.filter((r) => r.ok)).toHaveLength(1);
    const mine = await t.db.select().from(votes).where(and(eq(votes.boardId, board.id), eq(votes.userId, alice.id)));
    expect(mine.reduce((sum, v) => sum + v.count, 0)).toBe(3);

    // Observers do not vote; a board without a budget has no voting.
    expectCode(await op(observer, board.id, { type: "vote.set", cardId: c1!, count: 1 }), "forbidden");
    const noVoting = await createBoardFixture({ participants: participants() });
    const card = randomUUID();
    expectOk(await op(alice, noVoting.board.id, { type: "card.create", cardId: card, text: "x" }));
    expectCode(await op(alice, noVoting.board.id, { type: "vote.set", cardId: card, count: 1 }), "vote_budget_exceeded");
  });

  it("keeps hidden votes out of room events and snapshots until the moderator reveals them", async () => {
    const { board } = await createBoardFixture({ participants: participants(), votesPerPerson: 5, votesHidden: true });
    const published: CommittedEvent[] = [];
    setBoardEventPublisher((committed) => published.push(...committed));
    const cardId = randomUUID();
    expectOk(await submitBoardOp({ actor: bob, boardId: board.id, clientOpId: randomUUID(), op: { type: "card.create", cardId, text: "Idee" } }));
    const vote = expectOk(await submitBoardOp({ actor: alice, boardId: board.id, clientOpId: randomUUID(), op: { type: "vote.set", cardId, count: 2 } }));
    expect(vote.result).toEqual({ cardId, myCount: 2, remaining: 3 });
    const voteEvent = published.find((c) => c.event.type === "vote.set")!;
    expect(voteEvent.event.payload).toEqual({}); // the room learns nothing, not even the card
    expect(voteEvent.own).toEqual({ cardId, myCount: 2 }); // only Alice's own sockets get this
    expect((await storedEvents(board.id)).find((e) => e.type === "vote.set")?.payload).toEqual({});

    const bobsView = await boardSnapshot(bob, board.id);
    expect(bobsView.cards[0]!.votes).toBeUndefined();
    expect(bobsView.myVotes).toEqual({});
    const alicesView = await boardSnapshot(alice, board.id);
    expect(alicesView.cards[0]!.votes).toBeUndefined();
    expect(alicesView.myVotes).toEqual({ [cardId]: 2 });
    // Replay: Bob sees an empty vote event, Alice her own dots.
    expect((await eventsSince(bob, board.id, 0))![1]!.payload).toEqual({});
    expect((await eventsSince(alice, board.id, 0))![1]!.payload).toEqual({ cardId, myCount: 2 });

    expectCode(await op(alice, board.id, { type: "board.update", changes: { votesRevealed: true } }), "forbidden");
    const reveal = expectOk(await op(moderator, board.id, { type: "board.update", changes: { votesRevealed: true } }));
    expect(reveal.result).toMatchObject({ board: { votesRevealed: true }, cardVotes: { [cardId]: 2 } });
    expect((await boardSnapshot(bob, board.id)).cards[0]!.votes).toBe(2);
    const hideAgain = expectOk(await op(moderator, board.id, { type: "board.update", changes: { votesRevealed: false } }));
    expect(hideAgain.result).toMatchObject({ cardVotes: null });
  });

  it("never lets an author leave the server on anonymous boards: snapshots, events, results, replays", async () => {
    const { board, columnIds } = await createBoardFixture({ participants: participants(), anonymous: true, votesPerPerson: 3 });
    const published: CommittedEvent[] = [];
    setBoardEventPublisher((committed) => published.push(...committed));
    const cardId = randomUUID();
    const acks: OpAck[] = [];
    const run = async (actor: BoardActor, input: Parameters<typeof op>[2]) => {
      const ack = await submitBoardOp({ actor, boardId: board.id, clientOpId: randomUUID(), op: input });
      acks.push(ack);
      return expectOk(ack);
    };
    await run(alice, { type: "card.create", cardId, text: "Anonym", columnId: columnIds[0]! });
    await run(alice, { type: "card.update", cardId, baseVersion: 1, changes: { text: "Anonym bearbeitet" } }); // authors still edit
    await run(bob, { type: "card.update", cardId, baseVersion: 2, changes: { columnId: columnIds[1]! } });
    await run(bob, { type: "vote.set", cardId, count: 1 });
    const groupId = randomUUID();
    await run(bob, { type: "group.create", groupId, cardIds: [cardId] });
    await run(moderator, { type: "board.update", changes: { spotlightCardId: cardId } });
    await run(alice, { type: "card.delete", cardId });
    await run(alice, { type: "card.restore", cardId });

    const secrets = [alice.id, users.a!.name, users.a!.email];
    const leaks = (value: unknown) => secrets.filter((s) => JSON.stringify(value).includes(s));
    expect(leaks(published.map((c) => c.event))).toEqual([]);
    expect(leaks(acks)).toEqual([]);
    for (const viewer of [alice, bob, moderator]) {
      const { me, ...rest } = await boardSnapshot(viewer, board.id); // `me` is the viewer, Alice included
      expect(me.id).toBe(viewer.id);
      expect(leaks(rest)).toEqual([]);
      expect(leaks(await eventsSince(viewer, board.id, 0))).toEqual([]);
    }
    expect(leaks(await storedEvents(board.id).then((rows) => rows.map((r) => [r.payload, r.result])))).toEqual([]);
    // Alice alone learns the card is hers (to edit and delete it), through her own sockets.
    expect(published[0]!.own).toEqual({ mine: true });
    expect((await boardSnapshot(alice, board.id)).mine).toEqual([cardId]);
    expect((await boardSnapshot(moderator, board.id)).mine).toEqual([]);
    expect((await eventsSince(bob, board.id, 0))![0]!.payload).not.toHaveProperty("mine");
    // Bob cannot rewrite it, and anonymity cannot be switched off once there are cards.
    expectCode(await op(bob, board.id, { type: "card.update", cardId, baseVersion: 2, changes: { text: "x" } }), "forbidden");
    expectCode(await op(moderator, board.id, { type: "board.update", changes: { anonymous: false } }), "conflict");
  });

  it("refuses ops on closed boards with board_closed: locked (except moderators), phase completed, think-tank not open", async () => {
    const { board, thinkTankId, phaseId } = await createBoardFixture({ participants: participants(), kind: "canvas" });
    expectOk(await op(moderator, board.id, { type: "board.update", changes: { locked: true } }));
    expectCode(await op(alice, board.id, { type: "card.create", cardId: randomUUID(), text: "zu" }), "board_closed");
    expectOk(await op(moderator, board.id, { type: "card.create", cardId: randomUUID(), text: "Moderation darf" }));
    expect((await boardSnapshot(alice, board.id)).me).toMatchObject({ canWrite: false, canModerate: false });
    expect((await boardSnapshot(alice, board.id)).board.closedReason).toBe("locked");
    expect((await boardSnapshot(moderator, board.id)).me).toMatchObject({ canWrite: true, canModerate: true });
    expectOk(await op(moderator, board.id, { type: "board.update", changes: { locked: false } }));
    expectOk(await op(alice, board.id, { type: "card.create", cardId: randomUUID(), text: "wieder offen" }));

    await t.db.update(phases).set({ status: "completed" }).where(eq(phases.id, phaseId));
    expectCode(await op(alice, board.id, { type: "card.create", cardId: randomUUID(), text: "x" }), "board_closed");
    expectCode(await op(moderator, board.id, { type: "card.create", cardId: randomUUID(), text: "x" }), "board_closed");
    expect((await boardSnapshot(moderator, board.id)).board.closedReason).toBe("phase_completed");
    await t.db.update(phases).set({ status: "running" }).where(eq(phases.id, phaseId));

    await t.db.update(thinkTanks).set({ status: "paused" }).where(eq(thinkTanks.id, thinkTankId));
    expectCode(await op(alice, board.id, { type: "card.create", cardId: randomUUID(), text: "x" }), "board_closed");
    expectCode(await op(moderator, board.id, { type: "board.update", changes: { locked: true } }), "board_closed");
    expect((await boardSnapshot(alice, board.id)).board.closedReason).toBe("think_tank_closed");
  });

  it("hides boards from non-participants (not_found) and keeps observers read-only", async () => {
    const { board } = await createBoardFixture({ participants: participants() });
    expect((await appError(boardSnapshot(outsider, board.id))).code).toBe("not_found");
    expect((await appError(eventsSince(outsider, board.id, 0))).code).toBe("not_found");
    expect((await appError(boardSnapshot(alice, randomUUID()))).code).toBe("not_found");
    expectCode(await op(outsider, board.id, { type: "card.create", cardId: randomUUID(), text: "x" }), "not_found");
    expectCode(await op(alice, randomUUID(), { type: "card.create", cardId: randomUUID(), text: "x" }), "not_found");
    expect((await boardSnapshot(observer, board.id)).me).toMatchObject({ canWrite: false, canModerate: false });
    expectCode(await op(observer, board.id, { type: "card.create", cardId: randomUUID(), text: "x" }), "forbidden");
    // Platform stewards see and moderate every think-tank.
    const admin = boardActor(await createUser({ role: "admin", name: "Ada Admin" }));
    expect((await boardSnapshot(admin, board.id)).me).toMatchObject({ canWrite: true, canModerate: true });
  });

  it("lets moderators add, rename and reorder columns and remove only empty ones", async () => {
    const { board, columnIds } = await createBoardFixture({ participants: participants(), columns: ["A", "B", "C"] });
    const [a, b, c] = columnIds as [string, string, string];
    expectOk(await op(alice, board.id, { type: "card.create", cardId: randomUUID(), text: "in A", columnId: a }));
    const added = randomUUID();
    const ok = expectOk(
      await op(moderator, board.id, { type: "board.update", changes: { columns: [{ id: b, title: "B neu" }, { id: a, title: "A" }, { id: added, title: "D" }] } }),
    );
    expect(ok.result).toMatchObject({ columns: [{ id: b, title: "B neu", position: 0 }, { id: a, position: 1 }, { id: added, position: 2 }] });
    expect((await boardSnapshot(bob, board.id)).columns.map((col) => col.title)).toEqual(["B neu", "A", "D"]);
    void c;
    expectCode(await op(moderator, board.id, { type: "board.update", changes: { columns: [{ id: b, title: "B" }] } }), "conflict");
    expectCode(await op(alice, board.id, { type: "board.update", changes: { title: "Meins" } }), "forbidden");
  });
});
