import fc from "fast-check";
import type { Socket } from "socket.io-client";
import { describe, expect, it } from "vitest";
import { applyEvent, applyOp, type BoardEventPayloads, type EventCard } from "@/lib/boards/reducer";
import { BoardClient, memoryStore } from "@/lib/realtime/client";
import { ZBoardOp, type BoardEvent, type BoardOp, type BoardOpInput, type BoardSnapshot, type OpAck } from "@/lib/realtime/events";

/*
 * Convergence of the board client and reducer under a hostile network. A model server (the
 * server's rules in miniature: seq numbering, idempotent clientOpIds, version conflicts, a dot
 * budget; its events built from applyOp, the same prediction clients use) talks to real
 * BoardClients through fake sockets. Random steps submit ops, deliver client→server messages in
 * order, deliver server→client messages in any order (events duplicated at random), and drop
 * and re-establish connections (acks lost). Afterwards every client's confirmed state equals
 * the server's, nothing is pending, and no op was applied twice.
 */

const BOARD = "00000000-0000-4000-8000-000000000000";
const COLUMNS = ["00000000-0000-4000-8000-0000000000c1", "00000000-0000-4000-8000-0000000000c2"];
const BUDGET = 4;
const USERS = [
  { id: "00000000-0000-4000-8000-00000000000a", name: "Ada" },
  { id: "00000000-0000-4000-8000-00000000000b", name: "Ben" },
];

let idCounter = 0;
function nextId(prefix: string): string {
  idCounter += 1;
  return `${prefix}-${idCounter.toString(16).padStart(12, "0")}`;
}
// Card and group ids must be uuids for the zod schemas.
const uuid = () => `10000000-0000-4000-8000-${(++idCounter).toString(16).padStart(12, "0")}`;

function emptySnapshot(): BoardSnapshot {
  return {
    seq: 0,
    board: {
      id: BOARD,
      title: "Retro",
      kind: "columns",
      template: "retrospective",
      anonymous: false,
      locked: false,
      votesPerPerson: BUDGET,
      votesHidden: false,
      votesRevealed: false,
      timerEndsAt: null,
      spotlightCardId: null,
      closedReason: null,
    },
    columns: COLUMNS.map((id, position) => ({ id, title: `Spalte ${position}`, position })),
    groups: [],
    cards: [],
    myVotes: {},
    mine: [],
    me: { id: "", name: "", canWrite: true, canModerate: false },
  };
}

type LogEntry = { event: BoardEvent; actorId: string; own: Record<string, unknown> | null; result: Record<string, unknown> };

/** The server's rules in miniature. */
class ModelServer {
  truth = emptySnapshot();
  log: LogEntry[] = [];
  votes = new Map<string, Map<string, number>>(); // userId → cardId → count
  authors = new Map<string, string>();
  refused = new Set<string>();

  snapshotFor(userId: string): BoardSnapshot {
    const user = USERS.find((u) => u.id === userId)!;
    return {
      ...structuredClone(this.truth),
      myVotes: Object.fromEntries(this.votes.get(userId) ?? []),
      mine: [...this.authors].filter(([, a]) => a === userId).map(([c]) => c),
      me: { id: userId, name: user.name, canWrite: true, canModerate: false },
    };
  }

  eventFor(entry: LogEntry, userId: string): BoardEvent {
    if (entry.actorId !== userId || !entry.own) return entry.event;
    return { ...entry.event, payload: { ...entry.event.payload, ...entry.own } };
  }

  apply(userId: string, clientOpId: string, input: unknown): { ack: OpAck; entry: LogEntry | null } {
    const previous = this.log.find((e) => e.event.clientOpId === clientOpId);
    if (previous) return { ack: { ok: true, seq: previous.event.seq, result: previous.result }, entry: null };
    const op = ZBoardOp.parse(input);
    const refuse = (code: string, current?: EventCard): { ack: OpAck; entry: null } => {
      this.refused.add(clientOpId);
      return { ack: { ok: false, error: { code, message: code, ...(current ? { current } : {}) } }, entry: null };
    };
    const s = this.truth;
    const card = "cardId" in op ? s.cards.find((c) => c.id === op.cardId) : undefined;
    const user = USERS.find((u) => u.id === userId)!;
    let payload: Record<string, unknown>;
    let own: Record<string, unknown> | null = null;
    switch (op.type) {
      case "card.create":
        if (card) return refuse("conflict");
        this.truth = applyOp(s, op, user);
        this.authors.set(op.cardId, userId);
        payload = { card: this.eventCard(op.cardId) } satisfies BoardEventPayloads["card.create"];
        own = { mine: true };
        break;
      case "card.update": {
        if (!card || card.deleted) return refuse("not_found");
        const { votes: _votes, ...current } = card;
        if (op.changes.text !== undefined && op.changes.text !== card.text && op.baseVersion !== card.version) return refuse("version_conflict", current);
        this.truth = applyOp(s, op, user);
        payload = { card: this.eventCard(op.cardId) };
        break;
      }
      case "card.delete":
        if (!card) return refuse("not_found");
        this.truth = applyOp(s, op, user);
        payload = { cardId: op.cardId };
        break;
      case "card.restore":
        if (!card) return refuse("not_found");
        this.truth = applyOp(s, op, user);
        payload = { card: this.eventCard(op.cardId) };
        break;
      case "group.create": {
        if (s.groups.some((g) => g.id === op.groupId)) return refuse("conflict");
        if (op.cardIds.some((id) => !s.cards.find((c) => c.id === id && !c.deleted))) return refuse("not_found");
        this.truth = applyOp(s, op, user);
        payload = { group: this.truth.groups.find((g) => g.id === op.groupId), cards: [...new Set(op.cardIds)].map((id) => this.eventCard(id)) };
        break;
      }
      case "group.delete": {
        if (!s.groups.some((g) => g.id === op.groupId)) return refuse("not_found");
        const members = s.cards.filter((c) => c.groupId === op.groupId).map((c) => c.id);
        this.truth = applyOp(s, op, user);
        payload = { groupId: op.groupId, cards: members.map((id) => this.eventCard(id)) };
        break;
      }
      case "vote.set": {
        if (!card || card.deleted) return refuse("not_found");
        const mine = this.votes.get(userId) ?? new Map<string, number>();
        const live = new Set(s.cards.filter((c) => !c.deleted).map((c) => c.id));
        const elsewhere = [...mine].filter(([id]) => id !== op.cardId && live.has(id)).reduce((sum, [, n]) => sum + n, 0);
        if (op.count > 0 && elsewhere + op.count > BUDGET) return refuse("vote_budget_exceeded");
        if (op.count > 0) mine.set(op.cardId, op.count);
        else mine.delete(op.cardId);
        this.votes.set(userId, mine);
        const total = [...this.votes.values()].reduce((sum, m) => sum + (m.get(op.cardId) ?? 0), 0);
        this.truth = { ...s, cards: s.cards.map((c) => (c.id === op.cardId ? { ...c, votes: total } : c)) };
        payload = { cardId: op.cardId, votes: total };
        own = { myCount: op.count };
        break;
      }
      default:
        return refuse("invalid_input");
    }
    const seq = this.truth.seq + 1;
    this.truth = { ...this.truth, seq };
    const entry: LogEntry = { event: { boardId: BOARD, seq, type: op.type, payload, clientOpId }, actorId: userId, own, result: { ...payload, ...own } };
    this.log.push(entry);
    return { ack: { ok: true, seq, result: entry.result }, entry };
  }

  private eventCard(cardId: string): EventCard {
    const { votes: _votes, ...card } = this.truth.cards.find((c) => c.id === cardId)!;
    return card;
  }
}

type Up = { epoch: number; event: string; payload: unknown; cb: ((err: Error | null, ack: unknown) => void) | null };
type Down = { epoch: number; kind: "event" | "ack"; run: () => void; event?: BoardEvent };

class FakeSocket {
  connected = false;
  active = true;
  epoch = 0;
  joined = false;
  up: Up[] = [];
  private readonly handlers = new Map<string, Set<(...args: unknown[]) => void>>();
  constructor(readonly userId: string) {}
  on(event: string, fn: (...args: unknown[]) => void) {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event)!.add(fn);
    return this;
  }
  off(event: string, fn: (...args: unknown[]) => void) {
    this.handlers.get(event)?.delete(fn);
    return this;
  }
  connect() {
    return this;
  }
  timeout() {
    return { emit: (event: string, payload: unknown, cb: Up["cb"]) => this.send(event, payload, cb) };
  }
  emit(event: string, payload: unknown) {
    this.send(event, payload, null);
    return this;
  }
  get volatile() {
    return { emit: () => this };
  }
  fire(event: string, ...args: unknown[]) {
    for (const fn of [...(this.handlers.get(event) ?? [])]) fn(...args);
  }
  private send(event: string, payload: unknown, cb: Up["cb"]) {
    if (this.connected) this.up.push({ epoch: this.epoch, event, payload: structuredClone(payload), cb });
  }
}

class World {
  server = new ModelServer();
  sockets: FakeSocket[];
  clients: BoardClient[];
  down: Down[] = [];
  submitted: Array<{ id: string; op: BoardOpInput; client: BoardClient }> = [];

  constructor(clientsPerUser: number) {
    this.sockets = USERS.flatMap((u) => Array.from({ length: clientsPerUser }, () => new FakeSocket(u.id)));
    this.clients = this.sockets.map(
      (socket) => new BoardClient({ boardId: BOARD, socket: socket as unknown as Socket, store: memoryStore(), opsPerSecond: 1e9, ackTimeoutMs: 1e9 }),
    );
    for (const c of this.clients) c.start();
    for (const s of this.sockets) this.connect(s);
  }

  connect(socket: FakeSocket) {
    if (socket.connected) return;
    socket.connected = true;
    socket.epoch += 1;
    socket.fire("connect");
  }

  disconnect(socket: FakeSocket) {
    if (!socket.connected) return;
    socket.connected = false;
    socket.joined = false;
    socket.epoch += 1;
    socket.up = [];
    socket.fire("disconnect", "transport close");
  }

  private push(socket: FakeSocket, d: Omit<Down, "epoch">) {
    const epoch = socket.epoch;
    this.down.push({
      ...d,
      epoch,
      run: () => {
        if (socket.connected && socket.epoch === epoch) d.run();
      },
    });
  }

  /** The server takes the oldest message of this socket (one connection is ordered). */
  serve(socket: FakeSocket) {
    const msg = socket.up.shift();
    if (!msg || msg.epoch !== socket.epoch || !socket.connected) return;
    if (msg.event === "board:join") {
      socket.joined = true;
      const { sinceSeq } = msg.payload as { sinceSeq?: number };
      const useEvents = sinceSeq !== undefined && sinceSeq <= this.server.truth.seq && this.server.truth.seq - sinceSeq <= 5;
      const reply = useEvents
        ? { ok: true, seq: this.server.truth.seq, events: this.server.log.filter((e) => e.event.seq > sinceSeq!).map((e) => this.server.eventFor(e, socket.userId)) }
        : { ok: true, seq: this.server.truth.seq, snapshot: this.server.snapshotFor(socket.userId) };
      const snapshot = structuredClone(reply);
      this.push(socket, { kind: "ack", run: () => msg.cb?.(null, snapshot) });
    } else if (msg.event === "board:op") {
      const { clientOpId, op } = msg.payload as { clientOpId: string; op: BoardOpInput };
      const { ack, entry } = this.server.apply(socket.userId, clientOpId, op);
      if (entry) {
        for (const s of this.sockets) {
          if (!s.joined || !s.connected) continue;
          const event = structuredClone(this.server.eventFor(entry, s.userId));
          this.push(s, { kind: "event", event, run: () => s.fire("board:event", event) });
        }
      }
      const copy = structuredClone(ack);
      this.push(socket, { kind: "ack", run: () => msg.cb?.(null, copy) });
    }
  }

  deliver(index: number, duplicate: boolean) {
    if (this.down.length === 0) return;
    const [d] = this.down.splice(index % this.down.length, 1);
    d!.run();
    if (duplicate && d!.kind === "event") this.down.push(d!);
  }

  submit(clientIndex: number, kind: number, pick: number, text: string) {
    const client = this.clients[clientIndex % this.clients.length]!;
    const view = client.getView().snapshot;
    if (!view) return;
    const cards = view.cards;
    const card = cards.length ? cards[pick % cards.length] : undefined;
    let op: BoardOpInput | null = null;
    switch (kind % 8) {
      case 0:
      case 1:
        op = { type: "card.create", cardId: uuid(), text, columnId: COLUMNS[pick % 2]!, position: pick % 7 };
        break;
      case 2:
        if (card) op = { type: "card.update", cardId: card.id, baseVersion: card.version, changes: { text } };
        break;
      case 3:
        if (card) op = { type: "card.update", cardId: card.id, baseVersion: card.version, changes: { columnId: COLUMNS[pick % 2]!, position: pick % 5 } };
        break;
      case 4:
        if (card) op = { type: card.deleted ? "card.restore" : "card.delete", cardId: card.id };
        break;
      case 5:
        if (card) op = { type: "vote.set", cardId: card.id, count: pick % 3 };
        break;
      case 6:
        if (cards.length) op = { type: "group.create", groupId: uuid(), title: text, cardIds: [card!.id, cards[(pick + 1) % cards.length]!.id] };
        break;
      case 7:
        if (view.groups.length) op = { type: "group.delete", groupId: view.groups[pick % view.groups.length]!.id };
        break;
    }
    if (op) this.submitted.push({ id: client.submit(op), op, client });
  }

  /** Heals the network and lets everything through in order. */
  settle() {
    for (let round = 0; round < 50; round++) {
      for (const s of this.sockets) this.connect(s);
      let progressed = false;
      while (this.sockets.some((s) => s.up.length) || this.down.length) {
        progressed = true;
        for (const s of this.sockets) while (s.up.length) this.serve(s);
        while (this.down.length) this.deliver(0, false);
      }
      if (!progressed) return;
    }
  }
}

function comparable(s: BoardSnapshot | null) {
  if (!s) return null;
  return { seq: s.seq, board: s.board, columns: s.columns, groups: s.groups, cards: [...s.cards].sort((a, b) => a.id.localeCompare(b.id)) };
}

const step = fc.tuple(fc.nat(11), fc.nat(1000), fc.nat(1000), fc.constantFrom("Kaffee", "Pause", "Mehr Zeit", "", "Ideen 💡"));

describe("board client and reducer converge to the server state", () => {
  it("under random ops, reordered and duplicated deliveries, lost acks and reconnects", () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 20, maxLength: 200, size: "max" }), fc.integer({ min: 1, max: 2 }), (steps, perUser) => {
        const world = new World(perUser);
        try {
          for (const [kind, a, b, text] of steps) {
            const socket = world.sockets[a % world.sockets.length]!;
            if (kind <= 3) world.submit(a, b, a + b, text);
            else if (kind <= 5) world.serve(socket);
            else if (kind <= 8) world.deliver(a, b % 4 === 0);
            else if (kind === 9) world.disconnect(socket);
            else world.connect(socket);
          }
          world.settle();
          const truth = world.server.truth;
          for (const [i, client] of world.clients.entries()) {
            const view = client.getView();
            const userId = world.sockets[i]!.userId;
            expect(view.pendingCount).toBe(0);
            expect(view.connection).toBe("online");
            expect(comparable(client.getConfirmed())).toEqual(comparable(truth));
            // With nothing pending, the optimistic view is the confirmed one.
            expect(comparable(view.snapshot)).toEqual(comparable(truth));
            const expected = world.server.snapshotFor(userId);
            expect(client.getConfirmed()!.myVotes).toEqual(expected.myVotes);
            expect([...client.getConfirmed()!.mine].sort()).toEqual([...expected.mine].sort());
          }
          // Every op applied at most once; every submitted op applied, refused, or (a text edit built on a
          // refused one) kept in a conflict that shows my text next to the current one.
          const applied = world.server.log.map((e) => e.event.clientOpId);
          expect(new Set(applied).size).toBe(applied.length);
          for (const { id, op, client } of world.submitted) {
            if (applied.includes(id) || world.server.refused.has(id)) continue;
            expect(op.type).toBe("card.update");
            const cardId = op.type === "card.update" ? op.cardId : "";
            expect(client.getView().conflicts.map((c) => c.cardId)).toContain(cardId);
          }
          // Replaying the whole log on an empty board gives the same state (the reducer is a function of the log).
          const replayed = world.server.log.reduce((s, e) => applyEvent(s, e.event), emptySnapshot());
          expect(comparable(replayed)).toEqual(comparable(truth));
        } finally {
          for (const c of world.clients) c.stop();
        }
      }),
      { numRuns: 150 },
    );
  });

  it("applyOp predicts exactly what the server's event makes of it (one writer, no interference)", () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 5, maxLength: 80, size: "max" }), (steps) => {
        const server = new ModelServer();
        const me = USERS[0]!;
        let predicted = server.snapshotFor(me.id);
        let confirmed = server.snapshotFor(me.id);
        for (const [kind, a, b, text] of steps) {
          const cards = predicted.cards;
          const card = cards.length ? cards[a % cards.length] : undefined;
          const candidates: Array<BoardOp | null> = [
            { type: "card.create", cardId: uuid(), text, colour: "yellow", columnId: COLUMNS[b % 2]!, groupId: null, x: null, y: null, position: b % 5 },
            card ? { type: "card.update", cardId: card.id, baseVersion: card.version, changes: { text, position: b % 3 } } : null,
            card ? { type: card.deleted ? "card.restore" : "card.delete", cardId: card.id } : null,
            card && !card.deleted ? { type: "vote.set", cardId: card.id, count: b % 2 } : null,
          ];
          const op = candidates[kind % candidates.length];
          if (!op) continue;
          const { ack, entry } = server.apply(me.id, nextId("op"), op);
          if (!ack.ok) continue;
          predicted = applyOp(predicted, op, me);
          confirmed = applyEvent(confirmed, server.eventFor(entry!, me.id));
          expect(comparable({ ...predicted, seq: confirmed.seq })).toEqual(comparable(confirmed));
          expect(predicted.myVotes).toEqual(confirmed.myVotes);
          predicted = confirmed;
        }
      }),
      { numRuns: 200 },
    );
  });
});
