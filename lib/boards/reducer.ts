import {
  ZBoardOp,
  type BoardCardState,
  type BoardColumnState,
  type BoardEvent,
  type BoardGroupState,
  type BoardOp,
  type BoardOpInput,
  type BoardSettings,
  type BoardSnapshot,
} from "@/lib/realtime/events";

/*
 * The pure board reducer, shared by the browser/Node client (lib/realtime/client.ts) and the
 * tests. The server is the authority: its committed events carry the resulting entities
 * (never an author on anonymous boards), so `applyEvent` only upserts what it is given.
 * `applyOp` predicts the same result locally for ops not yet acknowledged (optimistic UI); the
 * server's event replaces the prediction once it arrives.
 *
 * Both functions return a new snapshot and never mutate their input (React compares by identity).
 */

/** A card as it travels in events: without the vote total, which has its own field. */
export type EventCard = Omit<BoardCardState, "votes">;

/** The payload of each committed event type (what `board:event` carries in `payload`). */
export type BoardEventPayloads = {
  "card.create": { card: EventCard; mine?: true };
  "card.update": { card: EventCard };
  "card.delete": { cardId: string };
  "card.restore": { card: EventCard };
  "group.create": { group: BoardGroupState; cards: EventCard[] };
  "group.update": { group: BoardGroupState; cards: EventCard[] };
  "group.delete": { groupId: string; cards: EventCard[] };
  /**
   * Public: `{ cardId, votes }` while totals are visible, `{}` while they are hidden (nothing
   * about who voted where). The voter's own sockets also get `cardId` and `myCount`.
   */
  "vote.set": { cardId?: string; votes?: number; myCount?: number };
  /**
   * `board`: the complete settings after the change; `columns`: the complete ordered list when it
   * changed; `cardVotes`: totals of every card when they became visible, `null` when they became hidden.
   */
  "board.update": { board: BoardSettings; columns?: BoardColumnState[]; cardVotes?: Record<string, number> | null };
};

export type Me = { id: string; name: string };

export function votesVisible(board: Pick<BoardSettings, "votesHidden" | "votesRevealed">): boolean {
  return !board.votesHidden || board.votesRevealed;
}

function upsertCards(snapshot: BoardSnapshot, incoming: EventCard[]): BoardCardState[] {
  if (incoming.length === 0) return snapshot.cards;
  const byId = new Map(incoming.map((c) => [c.id, c]));
  const visible = votesVisible(snapshot.board);
  const anonymous = snapshot.board.anonymous;
  const cards = snapshot.cards.map((card) => {
    const next = byId.get(card.id);
    if (!next) return card;
    byId.delete(card.id);
    return withVotes(stripAuthor(next, anonymous), card.votes, visible);
  });
  for (const card of byId.values()) cards.push(withVotes(stripAuthor(card, anonymous), undefined, visible));
  return cards;
}

function stripAuthor(card: EventCard, anonymous: boolean): EventCard {
  if (!anonymous || card.author === undefined) return card;
  const copy = { ...card };
  delete copy.author;
  return copy;
}

function withVotes(card: EventCard, votes: number | undefined, visible: boolean): BoardCardState {
  const copy: BoardCardState = { ...card };
  delete copy.votes;
  if (visible) copy.votes = votes ?? 0;
  return copy;
}

function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  if (!(key in record)) return record;
  const copy = { ...record };
  delete copy[key];
  return copy;
}

/** Applies one committed event. The caller guarantees seq order; the snapshot's seq becomes the event's. */
export function applyEvent(snapshot: BoardSnapshot, event: BoardEvent): BoardSnapshot {
  const next = applyPayload(snapshot, event);
  return { ...next, seq: Math.max(snapshot.seq, event.seq) };
}

function applyPayload(s: BoardSnapshot, event: BoardEvent): BoardSnapshot {
  switch (event.type) {
    case "card.create": {
      const p = event.payload as BoardEventPayloads["card.create"];
      const mine = p.mine && !s.mine.includes(p.card.id) ? [...s.mine, p.card.id] : s.mine;
      return { ...s, cards: upsertCards(s, [p.card]), mine };
    }
    case "card.update":
    case "card.restore": {
      const p = event.payload as BoardEventPayloads["card.update"];
      return { ...s, cards: upsertCards(s, [p.card]) };
    }
    case "card.delete": {
      const p = event.payload as BoardEventPayloads["card.delete"];
      return { ...s, cards: s.cards.map((c) => (c.id === p.cardId ? { ...c, deleted: true } : c)) };
    }
    case "group.create":
    case "group.update": {
      const p = event.payload as BoardEventPayloads["group.create"];
      const exists = s.groups.some((g) => g.id === p.group.id);
      const groups = exists ? s.groups.map((g) => (g.id === p.group.id ? p.group : g)) : [...s.groups, p.group];
      return { ...s, groups, cards: upsertCards(s, p.cards ?? []) };
    }
    case "group.delete": {
      const p = event.payload as BoardEventPayloads["group.delete"];
      const cards = s.cards.map((c) => (c.groupId === p.groupId ? { ...c, groupId: null } : c));
      return { ...s, groups: s.groups.filter((g) => g.id !== p.groupId), cards: upsertCards({ ...s, cards }, p.cards ?? []) };
    }
    case "vote.set": {
      const p = event.payload as BoardEventPayloads["vote.set"];
      if (!p.cardId) return s;
      const cardId = p.cardId;
      let cards = s.cards;
      if (p.votes !== undefined && votesVisible(s.board)) cards = cards.map((c) => (c.id === cardId ? { ...c, votes: p.votes } : c));
      let myVotes = s.myVotes;
      if (p.myCount !== undefined) myVotes = p.myCount > 0 ? { ...myVotes, [cardId]: p.myCount } : withoutKey(myVotes, cardId);
      return { ...s, cards, myVotes };
    }
    case "board.update": {
      const p = event.payload as BoardEventPayloads["board.update"];
      return applyBoardSettings(s, p.board, p.columns, p.cardVotes);
    }
    default:
      return s;
  }
}

function applyBoardSettings(
  s: BoardSnapshot,
  board: BoardSettings,
  columns: BoardColumnState[] | undefined,
  cardVotes: Record<string, number> | null | undefined,
): BoardSnapshot {
  const visible = votesVisible(board);
  const cards = s.cards.map((card) => {
    let c: BoardCardState = card;
    if (board.anonymous && c.author !== undefined) c = stripAuthor(c, true);
    if (!visible && c.votes !== undefined) {
      c = { ...c };
      delete c.votes;
    } else if (visible && cardVotes) {
      c = { ...c, votes: cardVotes[c.id] ?? 0 };
    } else if (visible && c.votes === undefined) {
      c = { ...c, votes: 0 };
    }
    return c;
  });
  const nextColumns = columns ?? s.columns;
  const reason = board.closedReason;
  const canWrite = s.me.canContribute === undefined ? s.me.canWrite : s.me.canContribute && (reason === null || (reason === "locked" && s.me.canModerate));
  const known = new Set(nextColumns.map((c) => c.id));
  return {
    ...s,
    board,
    me: canWrite === s.me.canWrite ? s.me : { ...s.me, canWrite },
    columns: nextColumns,
    // Removed columns are empty by rule; keep the model consistent anyway.
    groups: columns ? s.groups.map((g) => (g.columnId && !known.has(g.columnId) ? { ...g, columnId: null } : g)) : s.groups,
    cards: columns ? cards.map((c) => (c.columnId && !known.has(c.columnId) ? { ...c, columnId: null } : c)) : cards,
  };
}

/**
 * Predicts the effect of one of my ops that the server has not confirmed yet. Authorisation and
 * budgets are the server's business: a refused op simply disappears from the prediction.
 */
export function applyOp(snapshot: BoardSnapshot, input: BoardOp | BoardOpInput, me: Me): BoardSnapshot {
  const op = ZBoardOp.parse(input);
  const s = snapshot;
  switch (op.type) {
    case "card.create": {
      if (s.cards.some((c) => c.id === op.cardId)) return s;
      const card: EventCard = {
        id: op.cardId,
        text: op.text,
        colour: op.colour,
        columnId: op.columnId,
        groupId: op.groupId,
        x: op.x,
        y: op.y,
        position: op.position,
        version: 1,
        deleted: false,
      };
      if (!s.board.anonymous) card.author = { id: me.id, name: me.name };
      return { ...s, cards: upsertCards(s, [card]), mine: [...s.mine, op.cardId] };
    }
    case "card.update": {
      const card = s.cards.find((c) => c.id === op.cardId);
      if (!card || card.deleted) return s;
      const textChanged = op.changes.text !== undefined && op.changes.text !== card.text;
      const updated: BoardCardState = { ...card, ...op.changes, version: textChanged ? card.version + 1 : card.version };
      return { ...s, cards: s.cards.map((c) => (c.id === card.id ? updated : c)) };
    }
    case "card.delete":
    case "card.restore": {
      const deleted = op.type === "card.delete";
      return { ...s, cards: s.cards.map((c) => (c.id === op.cardId ? { ...c, deleted } : c)) };
    }
    case "group.create": {
      if (s.groups.some((g) => g.id === op.groupId)) return s;
      const group: BoardGroupState = { id: op.groupId, title: op.title, columnId: op.columnId, x: op.x, y: op.y, version: 1 };
      const members = new Set(op.cardIds);
      const cards = s.cards.map((c) =>
        members.has(c.id) ? { ...c, groupId: op.groupId, columnId: op.columnId ?? c.columnId } : c,
      );
      return { ...s, groups: [...s.groups, group], cards };
    }
    case "group.update": {
      const group = s.groups.find((g) => g.id === op.groupId);
      if (!group) return s;
      const updated = { ...group, ...op.changes, version: group.version + 1 };
      const movesCards = op.changes.columnId !== undefined && op.changes.columnId !== null;
      return {
        ...s,
        groups: s.groups.map((g) => (g.id === group.id ? updated : g)),
        cards: movesCards ? s.cards.map((c) => (c.groupId === group.id ? { ...c, columnId: op.changes.columnId ?? c.columnId } : c)) : s.cards,
      };
    }
    case "group.delete":
      return {
        ...s,
        groups: s.groups.filter((g) => g.id !== op.groupId),
        cards: s.cards.map((c) => (c.groupId === op.groupId ? { ...c, groupId: null } : c)),
      };
    case "vote.set": {
      const card = s.cards.find((c) => c.id === op.cardId);
      if (!card || card.deleted) return s;
      const before = s.myVotes[op.cardId] ?? 0;
      const myVotes = op.count > 0 ? { ...s.myVotes, [op.cardId]: op.count } : withoutKey(s.myVotes, op.cardId);
      const cards =
        card.votes === undefined ? s.cards : s.cards.map((c) => (c.id === card.id ? { ...c, votes: Math.max(0, (c.votes ?? 0) + op.count - before) } : c));
      return { ...s, myVotes, cards };
    }
    case "board.update": {
      const { columns: columnList, ...settings } = op.changes;
      const board: BoardSettings = { ...s.board, ...settings };
      if (settings.locked !== undefined) {
        board.closedReason = settings.locked ? (s.board.closedReason ?? "locked") : s.board.closedReason === "locked" ? null : s.board.closedReason;
      }
      const columns = columnList?.map((c, position) => ({ id: c.id, title: c.title, position }));
      // Totals that become visible are only known to the server: its event brings them.
      return applyBoardSettings(s, board, columns, undefined);
    }
  }
}

/** Cards to show: not deleted, ordered by column/group position (never by author). */
export function visibleCards(snapshot: BoardSnapshot): BoardCardState[] {
  return snapshot.cards.filter((c) => !c.deleted).sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
}

/** Dots I have left on this board. */
export function votesLeft(snapshot: BoardSnapshot): number {
  const live = new Set(snapshot.cards.filter((c) => !c.deleted).map((c) => c.id));
  const used = Object.entries(snapshot.myVotes).reduce((sum, [cardId, n]) => sum + (live.has(cardId) ? n : 0), 0);
  return Math.max(0, snapshot.board.votesPerPerson - used);
}
