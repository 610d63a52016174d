import type { BoardCardState, BoardColumnState, BoardGroupState, BoardSnapshot, CardColour } from "@/lib/realtime/events";

/*
 * Pure helpers of the board UI: ordering, positions, vote budget and the keyboard model. The
 * components stay thin; everything here works on the snapshot the client shows.
 */

/** Canvas step of one arrow key press; with Shift a bigger jump. */
export const CANVAS_STEP = 20;
export const CANVAS_BIG_STEP = 100;
export const CARD_WIDTH = 200;
export const CARD_HEIGHT = 120;

export const colourClasses: Record<CardColour, { bg: string; border: string; swatch: string }> = {
  yellow: { bg: "bg-yellow-100", border: "border-yellow-700", swatch: "bg-yellow-300" },
  pink: { bg: "bg-pink-100", border: "border-pink-700", swatch: "bg-pink-300" },
  blue: { bg: "bg-sky-100", border: "border-sky-700", swatch: "bg-sky-300" },
  green: { bg: "bg-green-100", border: "border-green-700", swatch: "bg-green-300" },
  orange: { bg: "bg-orange-100", border: "border-orange-700", swatch: "bg-orange-300" },
  purple: { bg: "bg-purple-100", border: "border-purple-700", swatch: "bg-purple-300" },
};

export function liveCards(snapshot: BoardSnapshot): BoardCardState[] {
  return snapshot.cards.filter((c) => !c.deleted);
}

export function sortedColumns(columns: BoardColumnState[]): BoardColumnState[] {
  return [...columns].sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
}

export function byPosition(a: BoardCardState, b: BoardCardState): number {
  return a.position - b.position || a.id.localeCompare(b.id);
}

/** The column a card shows in: its own, its group's, or the first one. */
export function columnOf(card: BoardCardState, snapshot: BoardSnapshot): string | null {
  const columns = sortedColumns(snapshot.columns);
  const known = new Set(columns.map((c) => c.id));
  if (card.columnId && known.has(card.columnId)) return card.columnId;
  const group = card.groupId ? snapshot.groups.find((g) => g.id === card.groupId) : undefined;
  if (group?.columnId && known.has(group.columnId)) return group.columnId;
  return columns[0]?.id ?? null;
}

export function cardsInColumn(snapshot: BoardSnapshot, columnId: string): BoardCardState[] {
  return liveCards(snapshot)
    .filter((c) => columnOf(c, snapshot) === columnId)
    .sort(byPosition);
}

/** A position after every card of the list (cards are ordered by fractional positions). */
export function positionAtEnd(cards: BoardCardState[]): number {
  return cards.length ? Math.max(...cards.map((c) => c.position)) + 1 : 1;
}

/**
 * New position for moving `card` one step up (-1) or down (+1) in its list: the midpoint between
 * the neighbours it jumps over, so only this one card changes.
 */
export function positionForStep(list: BoardCardState[], card: BoardCardState, step: -1 | 1): number | null {
  const index = list.findIndex((c) => c.id === card.id);
  const target = index + step;
  if (index < 0 || target < 0 || target >= list.length) return null;
  const neighbour = list[target]!;
  const beyond = list[target + step];
  if (!beyond) return neighbour.position + step;
  return (neighbour.position + beyond.position) / 2;
}

export function votesUsed(snapshot: BoardSnapshot): number {
  return Object.entries(snapshot.myVotes).reduce((sum, [cardId, n]) => {
    const card = snapshot.cards.find((c) => c.id === cardId);
    return card && !card.deleted ? sum + n : sum;
  }, 0);
}

export function votesRemaining(snapshot: BoardSnapshot): number {
  return Math.max(0, snapshot.board.votesPerPerson - votesUsed(snapshot));
}

/** Totals are visible when the server sends them: votes not hidden, or revealed. */
export function totalsVisible(snapshot: BoardSnapshot): boolean {
  return !snapshot.board.votesHidden || snapshot.board.votesRevealed;
}

/** Text, delete and restore belong to the author (known through `mine`, also on anonymous boards) and to moderators. */
export function canEditCard(snapshot: BoardSnapshot, card: BoardCardState): boolean {
  if (!snapshot.me.canWrite) return false;
  return snapshot.me.canModerate || snapshot.mine.includes(card.id) || card.author?.id === snapshot.me.id;
}

/** Where a new canvas card lands: below the lowest card, so it never covers another. */
export function freeCanvasSpot(snapshot: BoardSnapshot, origin: { x: number; y: number } = { x: 40, y: 40 }): { x: number; y: number } {
  const cards = liveCards(snapshot).filter((c) => c.x !== null && c.y !== null);
  const taken = (x: number, y: number) => cards.some((c) => Math.abs((c.x ?? 0) - x) < CARD_WIDTH && Math.abs((c.y ?? 0) - y) < CARD_HEIGHT);
  for (let row = 0; row < 50; row++) {
    for (let col = 0; col < 5; col++) {
      const x = origin.x + col * (CARD_WIDTH + 20);
      const y = origin.y + row * (CARD_HEIGHT + 20);
      if (!taken(x, y)) return { x, y };
    }
  }
  return { x: origin.x, y: origin.y + 50 * (CARD_HEIGHT + 20) };
}

export function groupsOf(snapshot: BoardSnapshot): Map<string, { group: BoardGroupState; cards: BoardCardState[] }> {
  const map = new Map<string, { group: BoardGroupState; cards: BoardCardState[] }>();
  for (const group of snapshot.groups) map.set(group.id, { group, cards: [] });
  for (const card of liveCards(snapshot).sort(byPosition)) {
    if (card.groupId) map.get(card.groupId)?.cards.push(card);
  }
  for (const [id, entry] of map) if (entry.cards.length === 0) map.delete(id);
  return map;
}

/** Arrow key → canvas delta, or null for other keys. */
export function canvasDelta(key: string, shift: boolean): { dx: number; dy: number } | null {
  const step = shift ? CANVAS_BIG_STEP : CANVAS_STEP;
  switch (key) {
    case "ArrowLeft":
      return { dx: -step, dy: 0 };
    case "ArrowRight":
      return { dx: step, dy: 0 };
    case "ArrowUp":
      return { dx: 0, dy: -step };
    case "ArrowDown":
      return { dx: 0, dy: step };
    default:
      return null;
  }
}

export function clampCoordinate(value: number): number {
  return Math.max(0, Math.min(100_000, Math.round(value)));
}

/** Short initials for avatars (the name is always shown next to them as well). */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]![0], parts[parts.length - 1]![0]] : [parts[0]?.[0], parts[0]?.[1]];
  return letters.filter(Boolean).join("").toUpperCase() || "?";
}

/** Typing in a field never triggers board shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

export function newId(): string {
  return crypto.randomUUID();
}
