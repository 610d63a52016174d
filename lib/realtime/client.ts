import type { Socket } from "socket.io-client";
import { applyEvent, applyOp, type Me } from "@/lib/boards/reducer";
import {
  BOARD_REFRESH,
  ZBoardOp,
  type AckError,
  type BoardCardState,
  type BoardEvent,
  type BoardOp,
  type BoardOpInput,
  type BoardSnapshot,
  type CursorMove,
  type FollowView,
  type JoinAck,
  type OpAck,
  type PresenceEntry,
  type PresenceUpdate,
} from "./events";

/*
 * The board client: framework-free, runs in the browser (lib/realtime/use-board.ts wraps it for
 * React) and in Node (tests, benchmark, chaos test). It keeps
 *   - the confirmed server state (snapshot + events applied strictly in seq order; duplicates are
 *     ignored, gaps are buffered and, if they persist, filled by re-joining with the last seq);
 *   - my ops not yet acknowledged, persisted in a store (so a reload does not lose them) and
 *     resent after every (re)join with their original clientOpId — the server applies each once;
 *   - conflicts: a text edit refused as `version_conflict` keeps my text next to the current one
 *     until somebody resolves it; nothing is dropped silently.
 * The view is the confirmed state with my pending ops applied on top (optimistic UI).
 */

export type PendingEntry = { clientOpId: string; op: BoardOp; order: number };

/** Where unacknowledged ops wait. Ops are keyed per board and op, so two tabs never overwrite each other's. */
export interface PendingStore {
  list(boardId: string): PendingEntry[];
  put(boardId: string, entry: PendingEntry): void;
  remove(boardId: string, clientOpId: string): void;
}

export function memoryStore(): PendingStore {
  const boards = new Map<string, Map<string, PendingEntry>>();
  return {
    list: (boardId) => [...(boards.get(boardId)?.values() ?? [])].sort((a, b) => a.order - b.order),
    put(boardId, entry) {
      let ops = boards.get(boardId);
      if (!ops) boards.set(boardId, (ops = new Map()));
      ops.set(entry.clientOpId, entry);
    },
    remove: (boardId, clientOpId) => void boards.get(boardId)?.delete(clientOpId),
  };
}

type KeyValueStorage = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

/** Survives a reload: one localStorage entry per unacknowledged op (`nzw.board:<boardId>:<clientOpId>`). */
export function localStorageStore(storage: KeyValueStorage = globalThis.localStorage, prefix = "nzw.board"): PendingStore {
  const keyOf = (boardId: string, clientOpId: string) => `${prefix}:${boardId}:${clientOpId}`;
  return {
    list(boardId) {
      const start = `${prefix}:${boardId}:`;
      const entries: PendingEntry[] = [];
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (!key?.startsWith(start)) continue;
        try {
          const parsed = JSON.parse(storage.getItem(key) ?? "null") as PendingEntry | null;
          const op = ZBoardOp.safeParse(parsed?.op);
          if (parsed && op.success) entries.push({ clientOpId: parsed.clientOpId, op: op.data, order: Number(parsed.order) || 0 });
        } catch {
          // a damaged entry cannot be resent; leave it for inspection
        }
      }
      return entries.sort((a, b) => a.order - b.order);
    },
    put(boardId, entry) {
      try {
        storage.setItem(keyOf(boardId, entry.clientOpId), JSON.stringify(entry));
      } catch {
        // storage full or disabled (private mode): the op still lives in memory until acknowledged
      }
    },
    remove(boardId, clientOpId) {
      try {
        storage.removeItem(keyOf(boardId, clientOpId));
      } catch {
        // nothing to do
      }
    },
  };
}

/** A v4 uuid, also outside secure contexts (plain-http LAN addresses have no crypto.randomUUID). */
export function newId(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === "function") return c.randomUUID();
  const b = new Uint8Array(16);
  c.getRandomValues(b);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export type ConnectionState = "connecting" | "online" | "offline" | "unauthorized" | "refused";
export type BoardConflict = { clientOpId: string; cardId: string; mine: string; current: BoardCardState };
export type ClientError = { code: string; message: string; clientOpId?: string };
export type FollowTarget = Omit<FollowView, "boardId">;

export type BoardView = {
  /** Server state with my pending ops applied; null until the first join succeeded. */
  snapshot: BoardSnapshot | null;
  /** The last server event applied. */
  seq: number;
  connection: ConnectionState;
  /** My changes not yet saved on the server. */
  pendingCount: number;
  conflicts: BoardConflict[];
  presence: PresenceEntry[];
  cursors: CursorMove[];
  lastError: ClientError | null;
  followTarget: FollowTarget | null;
};

export type BoardClientOptions = {
  boardId: string;
  socket: Socket;
  store?: PendingStore;
  /** How long to wait for an ack before resending (default 10 s). */
  ackTimeoutMs?: number;
  /** How long a gap in the event sequence may last before re-joining with the last seq (default 1.5 s). */
  gapTimeoutMs?: number;
  /** Minimum interval between two cursor or follow messages (default 50 ms). */
  cursorIntervalMs?: number;
  /** Ops sent per second at most (the server allows 50 per socket, default 40). */
  opsPerSecond?: number;
};

type Awaiting = { entry: PendingEntry; seq: number };
type RemoteListener = (event: BoardEvent, snapshot: BoardSnapshot) => void;

const TRANSIENT = new Set(["internal", "unavailable", "timeout"]);
const MAX_TRANSIENT_RETRIES = 5;
const CURSOR_TTL_MS = 15_000;

function textUpdateCard(op: BoardOp): string | null {
  return op.type === "card.update" && op.changes.text !== undefined ? op.cardId : null;
}

export class BoardClient {
  readonly boardId: string;
  private readonly socket: Socket;
  private readonly store: PendingStore;
  private readonly ackTimeoutMs: number;
  private readonly gapTimeoutMs: number;
  private readonly cursorIntervalMs: number;
  private readonly opsPerSecond: number;

  private confirmed: BoardSnapshot | null = null;
  private readonly buffer = new Map<number, BoardEvent>();
  private pending: PendingEntry[] = [];
  private awaiting: Awaiting[] = [];
  private readonly inflight = new Set<string>();
  private readonly retries = new Map<string, number>();
  private readonly myOpIds = new Set<string>();
  private conflicts: BoardConflict[] = [];
  private presence: PresenceEntry[] = [];
  private readonly cursors = new Map<string, CursorMove & { at: number }>();
  private followTarget: FollowTarget | null = null;
  private lastError: ClientError | null = null;
  private connection: ConnectionState = "connecting";
  /** The highest seq the server said exists (presence after a join). */
  private knownSeq = 0;

  private started = false;
  private joined = false;
  private joining = false;
  /** The next join asks for a snapshot even though the client is up to date (see onRefresh). */
  private snapshotWanted = false;
  private epoch = 0;
  private order = 0;
  private tokens: number;
  private tokensAt = Date.now();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private gapTimer: ReturnType<typeof setTimeout> | null = null;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private pausedUntil = 0;
  private lastCursorAt = 0;
  private cursorTimer: ReturnType<typeof setTimeout> | null = null;
  private nextCursor: { event: string; x: number; y: number } | null = null;

  private view: BoardView | null = null;
  private readonly listeners = new Set<(view: BoardView) => void>();
  private readonly remoteListeners = new Set<RemoteListener>();
  private notifyQueued = false;
  private readonly idleWaiters = new Set<() => void>();

  constructor(options: BoardClientOptions) {
    this.boardId = options.boardId;
    this.socket = options.socket;
    this.store = options.store ?? memoryStore();
    this.ackTimeoutMs = options.ackTimeoutMs ?? 10_000;
    this.gapTimeoutMs = options.gapTimeoutMs ?? 1_500;
    this.cursorIntervalMs = options.cursorIntervalMs ?? 50;
    this.opsPerSecond = options.opsPerSecond ?? 40;
    this.tokens = this.opsPerSecond;
  }

  // Lifecycle -----------------------------------------------------------------------------------

  start(): void {
    if (this.started) return;
    this.started = true;
    for (const entry of this.store.list(this.boardId)) {
      if (this.pending.some((p) => p.clientOpId === entry.clientOpId)) continue;
      this.pending.push(entry);
      this.myOpIds.add(entry.clientOpId);
      this.order = Math.max(this.order, entry.order);
    }
    this.socket.on("connect", this.onConnect);
    this.socket.on("disconnect", this.onDisconnect);
    this.socket.on("connect_error", this.onConnectError);
    this.socket.on("board:event", this.onBoardEvent);
    this.socket.on("presence:update", this.onPresence);
    this.socket.on("cursor:move", this.onCursor);
    this.socket.on("view:follow", this.onFollow);
    this.socket.on(BOARD_REFRESH, this.onRefresh);
    if (this.socket.connected) this.join();
    else {
      this.setConnection("connecting");
      if (!this.socket.active) this.socket.connect();
    }
    this.changed();
  }

  /** Leaves the board and stops listening; the socket stays open (it may serve other boards). Pending ops stay in the store. */
  stop(): void {
    if (!this.started) return;
    this.started = false;
    this.socket.off("connect", this.onConnect);
    this.socket.off("disconnect", this.onDisconnect);
    this.socket.off("connect_error", this.onConnectError);
    this.socket.off("board:event", this.onBoardEvent);
    this.socket.off("presence:update", this.onPresence);
    this.socket.off("cursor:move", this.onCursor);
    this.socket.off("view:follow", this.onFollow);
    this.socket.off(BOARD_REFRESH, this.onRefresh);
    if (this.socket.connected && this.joined) this.socket.emit("board:leave", { boardId: this.boardId });
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    if (this.gapTimer) clearTimeout(this.gapTimer);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    if (this.cursorTimer) clearTimeout(this.cursorTimer);
    this.gapTimer = this.flushTimer = this.cursorTimer = null;
    this.joined = false;
    this.epoch++;
    this.inflight.clear();
  }

  // Reading ----------------------------------------------------------------------------------------

  subscribe(listener: (view: BoardView) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Called for every event that did not come from this client (for screen-reader announcements). */
  onRemoteEvent(listener: RemoteListener): () => void {
    this.remoteListeners.add(listener);
    return () => void this.remoteListeners.delete(listener);
  }

  getView(): BoardView {
    if (this.view) return this.view;
    const now = Date.now();
    for (const [userId, cursor] of this.cursors) if (now - cursor.at > CURSOR_TTL_MS) this.cursors.delete(userId);
    this.view = {
      snapshot: this.optimistic(),
      seq: this.confirmed?.seq ?? 0,
      connection: this.connection,
      pendingCount: this.pending.length,
      conflicts: this.conflicts,
      presence: this.presence,
      cursors: [...this.cursors.values()].map(({ at: _at, ...cursor }) => cursor),
      lastError: this.lastError,
      followTarget: this.followTarget,
    };
    return this.view;
  }

  /** The server's state as far as this client knows it (no pending ops applied). */
  getConfirmed(): BoardSnapshot | null {
    return this.confirmed;
  }

  /** Resolves once nothing is pending or awaiting its event (tests, benchmark, chaos test). */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.add(resolve));
  }

  // Writing ----------------------------------------------------------------------------------------

  /** Queues an op (validated here: a malformed op throws) and returns its clientOpId. */
  submit(input: BoardOpInput): string {
    const op = ZBoardOp.parse(input);
    const entry: PendingEntry = { clientOpId: newId(), op, order: ++this.order };
    this.myOpIds.add(entry.clientOpId);
    this.pending.push(entry);
    this.store.put(this.boardId, entry);
    this.lastError = null;
    this.changed();
    this.flush();
    return entry.clientOpId;
  }

  /** Keeps `text` (mine, theirs or a merge) for a conflicting card; it is written on top of the current version. */
  resolveConflict(clientOpId: string, text: string): string | null {
    const conflict = this.conflicts.find((c) => c.clientOpId === clientOpId);
    if (!conflict) return null;
    this.conflicts = this.conflicts.filter((c) => c !== conflict);
    const known = this.confirmed?.cards.find((c) => c.id === conflict.cardId);
    const baseVersion = Math.max(conflict.current.version, known?.version ?? 0);
    if (text === (known?.text ?? conflict.current.text)) {
      this.changed();
      return null;
    }
    return this.submit({ type: "card.update", cardId: conflict.cardId, baseVersion, changes: { text } });
  }

  /** Keeps the current text and forgets mine. */
  dismissConflict(clientOpId: string): void {
    this.conflicts = this.conflicts.filter((c) => c.clientOpId !== clientOpId);
    this.changed();
  }

  /** Volatile and throttled: the latest position within each interval is sent, older ones are dropped. */
  moveCursor(x: number, y: number): void {
    this.sendThrottled("cursor:move", x, y);
  }

  /** Moderators only ("follow me"); volatile and throttled like the cursor. */
  followView(x: number, y: number): void {
    this.sendThrottled("view:follow", x, y);
  }

  // Socket events --------------------------------------------------------------------------------

  private readonly onConnect = () => {
    this.join();
  };

  private readonly onDisconnect = (reason: string) => {
    this.epoch++;
    this.joined = false;
    this.joining = false;
    this.inflight.clear();
    this.presence = [];
    this.cursors.clear();
    if (this.connection !== "unauthorized" && this.connection !== "refused") this.setConnection("offline");
    // The server hung up on purpose (restart, deploy): socket.io does not come back by itself then.
    if (reason === "io server disconnect") this.later(() => this.socket.connect(), 500 + Math.random() * 1_000);
    this.changed();
  };

  private readonly onConnectError = (error: Error) => {
    if (error.message === "unauthorized") {
      this.setConnection("unauthorized");
      return;
    }
    this.setConnection("offline");
    // Middleware refusals (e.g. "unavailable" while the database restarts) are not retried by socket.io.
    if (!this.socket.active) this.later(() => this.socket.connect(), 1_000 + Math.random() * 2_000);
  };

  private readonly onBoardEvent = (event: BoardEvent) => {
    if (event?.boardId !== this.boardId || typeof event.seq !== "number") return;
    this.receive(event);
  };

  private readonly onPresence = (update: PresenceUpdate) => {
    if (update?.boardId !== this.boardId) return;
    this.presence = update.present;
    // An event committed by an instance that died before broadcasting it: the next join tells us.
    if (typeof update.seq === "number" && update.seq > this.knownSeq) {
      this.knownSeq = update.seq;
      this.watchGap();
    }
    const present = new Set(update.present.map((p) => p.userId));
    for (const userId of this.cursors.keys()) if (!present.has(userId)) this.cursors.delete(userId);
    this.changed();
  };

  private readonly onCursor = (cursor: CursorMove) => {
    if (cursor?.boardId !== this.boardId) return;
    this.cursors.set(cursor.userId, { ...cursor, at: Date.now() });
    this.changed();
  };

  private readonly onFollow = (follow: FollowView) => {
    if (follow?.boardId !== this.boardId) return;
    this.followTarget = { userId: follow.userId, name: follow.name, x: follow.x, y: follow.y };
    this.changed();
  };

  /** Board settings changed from outside (phase completed, think-tank paused …): fetch them anew. */
  private readonly onRefresh = () => {
    if (!this.joined) return; // a join is due anyway and brings a snapshot or the events
    this.snapshotWanted = true;
    this.join();
  };

  // Joining and the event sequence ----------------------------------------------------------------

  private join(): void {
    if (!this.started || this.joining) return;
    this.joining = true;
    const epoch = this.epoch;
    if (this.connection !== "online") this.setConnection("connecting");
    const sinceSeq = this.confirmed && !this.snapshotWanted ? this.confirmed.seq : undefined;
    this.snapshotWanted = false;
    this.socket.timeout(this.ackTimeoutMs).emit("board:join", { boardId: this.boardId, sinceSeq }, (err: Error | null, ack: JoinAck) => {
      if (epoch !== this.epoch || !this.started) return;
      this.joining = false;
      if (err) {
        if (this.socket.connected) this.later(() => this.join(), 1_000);
        return;
      }
      if (!ack.ok) {
        const code = ack.error.code;
        this.lastError = { code, message: ack.error.message };
        if (code === "not_found" || code === "forbidden") this.setConnection("refused");
        else if (code === "unauthenticated") this.setConnection("unauthorized");
        else if (this.socket.connected) this.later(() => this.join(), 2_000);
        this.changed();
        return;
      }
      if ("snapshot" in ack) {
        this.confirmed = ack.snapshot;
        for (const seq of this.buffer.keys()) if (seq <= ack.snapshot.seq) this.buffer.delete(seq);
      } else {
        for (const event of ack.events) this.buffer.set(event.seq, event);
      }
      this.joined = true;
      if (this.lastError?.code === "not_found" || this.lastError?.code === "forbidden") this.lastError = null;
      this.setConnection("online");
      this.drain();
      this.changed();
      this.flush();
      if (this.snapshotWanted) this.join(); // a refresh arrived while this join was under way
    });
  }

  private receive(event: BoardEvent): void {
    if (this.confirmed && event.seq <= this.confirmed.seq) return; // duplicate
    if (this.buffer.size > 10_000) this.buffer.clear(); // hopelessly behind: the next join takes a snapshot
    this.buffer.set(event.seq, event);
    if (this.confirmed) this.drain();
  }

  /** Applies buffered events while they are contiguous; a remaining gap is filled by re-joining. */
  private drain(): void {
    const snapshot = this.confirmed;
    if (!snapshot) return;
    let current = snapshot;
    const applied: BoardEvent[] = [];
    for (let next = this.buffer.get(current.seq + 1); next; next = this.buffer.get(current.seq + 1)) {
      this.buffer.delete(next.seq);
      current = applyEvent(current, next);
      applied.push(next);
    }
    for (const seq of this.buffer.keys()) if (seq <= current.seq) this.buffer.delete(seq);
    if (applied.length) {
      this.confirmed = current;
      const done = new Set(applied.map((e) => e.clientOpId));
      // My op committed (its ack may have been lost with a connection): never resend it.
      const committed = this.pending.filter((p) => done.has(p.clientOpId));
      for (const entry of committed) this.store.remove(this.boardId, entry.clientOpId);
      if (committed.length) this.pending = this.pending.filter((p) => !done.has(p.clientOpId));
      this.awaiting = this.awaiting.filter((a) => a.seq > current.seq && !done.has(a.entry.clientOpId));
      this.changed();
      for (const event of applied) {
        if (this.myOpIds.has(event.clientOpId)) continue;
        for (const listener of this.remoteListeners) listener(event, current);
      }
    }
    this.watchGap();
  }

  /**
   * Events I know exist but have not received (a gap in the buffer, or an ack ahead of the events,
   * e.g. when the instance that committed died before broadcasting): fetched by re-joining.
   */
  private watchGap(): void {
    const behind = () => {
      const seq = this.confirmed?.seq ?? 0;
      return this.buffer.size > 0 || this.knownSeq > seq || this.awaiting.some((a) => a.seq > seq);
    };
    if (behind()) {
      this.gapTimer ??= this.later(() => {
        this.gapTimer = null;
        if (behind() && this.joined) this.join();
      }, this.gapTimeoutMs);
    } else if (this.gapTimer) {
      clearTimeout(this.gapTimer);
      this.timers.delete(this.gapTimer);
      this.gapTimer = null;
    }
  }

  // Sending ----------------------------------------------------------------------------------------

  private flush(): void {
    if (!this.started || !this.joined || !this.socket.connected) return;
    const now = Date.now();
    if (now < this.pausedUntil) return this.scheduleFlush(this.pausedUntil - now);
    this.tokens = Math.min(this.opsPerSecond, this.tokens + ((now - this.tokensAt) / 1000) * this.opsPerSecond);
    this.tokensAt = now;
    // A text edit waits for my previous text edit of the same card: its baseVersion builds on it.
    const textInFlight = new Set<string>();
    for (const entry of this.pending) {
      const card = textUpdateCard(entry.op);
      if (this.inflight.has(entry.clientOpId)) {
        if (card) textInFlight.add(card);
        continue;
      }
      if (card && textInFlight.has(card)) break; // keep my order: nothing after it overtakes it
      if (this.tokens < 1) return this.scheduleFlush(Math.ceil(1000 / this.opsPerSecond));
      this.tokens -= 1;
      this.send(entry);
      if (card) textInFlight.add(card);
    }
  }

  private scheduleFlush(ms: number): void {
    if (this.flushTimer) return;
    this.flushTimer = this.later(() => {
      this.flushTimer = null;
      this.flush();
    }, ms);
  }

  private send(entry: PendingEntry): void {
    const epoch = this.epoch;
    this.inflight.add(entry.clientOpId);
    this.socket
      .timeout(this.ackTimeoutMs)
      .emit("board:op", { boardId: this.boardId, clientOpId: entry.clientOpId, op: entry.op }, (err: Error | null, ack: OpAck) => {
        if (epoch !== this.epoch || !this.started) return; // the next connection resends it
        this.inflight.delete(entry.clientOpId);
        const stillPending = this.pending.includes(entry);
        if (err) {
          // No answer in time: resend with the same clientOpId (the server applies it at most once).
          if (stillPending) this.scheduleFlush(250);
          return;
        }
        if (ack.ok) this.acknowledged(entry, ack.seq);
        else if (stillPending) this.refused(entry, ack);
        this.flush();
      });
  }

  private acknowledged(entry: PendingEntry, seq: number): void {
    this.retries.delete(entry.clientOpId);
    this.store.remove(this.boardId, entry.clientOpId);
    if (!this.pending.includes(entry)) return; // its event came first
    this.pending = this.pending.filter((p) => p !== entry);
    // Committed, but the room event may still be on its way (another instance, Redis): keep showing it.
    if (this.confirmed && seq > this.confirmed.seq) this.awaiting.push({ entry, seq });
    this.watchGap();
    this.changed();
  }

  private refused(entry: PendingEntry, ack: AckError): void {
    const { code, message } = ack.error;
    if (code === "rate_limited") {
      this.pausedUntil = Date.now() + 1_000;
      this.scheduleFlush(1_000);
      return;
    }
    if (TRANSIENT.has(code)) {
      const tries = (this.retries.get(entry.clientOpId) ?? 0) + 1;
      this.retries.set(entry.clientOpId, tries);
      if (tries <= MAX_TRANSIENT_RETRIES) {
        this.scheduleFlush(500 * tries);
        return;
      }
    }
    this.retries.delete(entry.clientOpId);
    this.drop(entry);
    const op = entry.op;
    if (code === "version_conflict" && op.type === "card.update" && ack.error.current && op.changes.text !== undefined) {
      let mine = op.changes.text;
      // My later text edits of this card were built on the refused one: fold them into the conflict.
      for (const later of this.pending.filter((p) => textUpdateCard(p.op) === op.cardId)) {
        if (later.op.type === "card.update" && later.op.changes.text !== undefined) mine = later.op.changes.text;
        this.drop(later);
        const rest = later.op.type === "card.update" ? withoutText(later.op.changes) : null;
        if (rest) this.submit({ type: "card.update", cardId: op.cardId, baseVersion: ack.error.current.version, changes: rest });
      }
      this.conflicts = [...this.conflicts.filter((c) => c.cardId !== op.cardId), { clientOpId: entry.clientOpId, cardId: op.cardId, mine, current: ack.error.current }];
      // Moves and colour are not in conflict: apply them on their own.
      const rest = withoutText(op.changes);
      if (rest) this.submit({ type: "card.update", cardId: op.cardId, baseVersion: ack.error.current.version, changes: rest });
    } else {
      this.lastError = { code, message, clientOpId: entry.clientOpId };
    }
    this.changed();
  }

  private drop(entry: PendingEntry): void {
    this.pending = this.pending.filter((p) => p !== entry);
    this.store.remove(this.boardId, entry.clientOpId);
  }

  private sendThrottled(event: "cursor:move" | "view:follow", x: number, y: number): void {
    this.nextCursor = { event, x, y };
    if (this.cursorTimer) return;
    const wait = this.lastCursorAt + this.cursorIntervalMs - Date.now();
    const fire = () => {
      this.cursorTimer = null;
      const next = this.nextCursor;
      this.nextCursor = null;
      if (!next || !this.joined || !this.socket.connected) return;
      this.lastCursorAt = Date.now();
      this.socket.volatile.emit(next.event, { boardId: this.boardId, x: next.x, y: next.y });
    };
    if (wait <= 0) fire();
    else this.cursorTimer = this.later(fire, wait);
  }

  // Helpers ------------------------------------------------------------------------------------------

  private optimistic(): BoardSnapshot | null {
    const base = this.confirmed;
    if (!base) return null;
    const me: Me = { id: base.me.id, name: base.me.name };
    let view = base;
    for (const a of this.awaiting) if (a.seq > base.seq) view = safeApply(view, a.entry.op, me);
    for (const entry of this.pending) view = safeApply(view, entry.op, me);
    return view;
  }

  private isIdle(): boolean {
    return this.pending.length === 0 && this.awaiting.length === 0 && this.buffer.size === 0 && this.confirmed !== null;
  }

  private setConnection(state: ConnectionState): void {
    if (this.connection === state) return;
    this.connection = state;
    this.changed();
  }

  private changed(): void {
    this.view = null;
    if (this.isIdle() && this.idleWaiters.size) {
      const waiters = [...this.idleWaiters];
      this.idleWaiters.clear();
      for (const resolve of waiters) resolve();
    }
    if (this.notifyQueued) return;
    this.notifyQueued = true;
    queueMicrotask(() => {
      this.notifyQueued = false;
      if (!this.listeners.size) return;
      const view = this.getView();
      for (const listener of this.listeners) listener(view);
    });
  }

  private later(fn: () => void, ms: number): ReturnType<typeof setTimeout> {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.started) fn();
    }, ms);
    this.timers.add(timer);
    return timer;
  }
}

function safeApply(snapshot: BoardSnapshot, op: BoardOp, me: Me): BoardSnapshot {
  try {
    return applyOp(snapshot, op, me);
  } catch {
    return snapshot;
  }
}

function withoutText(changes: Extract<BoardOp, { type: "card.update" }>["changes"]): Extract<BoardOp, { type: "card.update" }>["changes"] | null {
  const rest = { ...changes };
  delete rest.text;
  return Object.keys(rest).length > 0 ? rest : null;
}
