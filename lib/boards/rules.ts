import type { PhaseStatus, ThinkTankStatus } from "@/db/schema";
import type { BoardOp } from "@/lib/realtime/events";

/*
 * Pure board rules (who may change what, when a board is closed). The policy in lib/policy.ts
 * decides the think-tank permissions (`board.view`, `board.write`, `board.moderate`); these rules
 * refine them per op:
 *   - anyone who may write creates cards, moves them (column, group, position, x/y), recolours
 *     them, groups cards and votes;
 *   - a card's text, deleting and restoring it belong to its author (also on anonymous boards)
 *     and to moderators — nobody else rewrites or removes what another person wrote;
 *   - board settings (`board.update`) are for moderators;
 *   - a locked board refuses everyone but moderators; a completed phase or a think-tank that is
 *     not convening/active refuses everyone, moderators included.
 */

export type ClosedReason = "locked" | "phase_completed" | "think_tank_closed";

const WORKING: ThinkTankStatus[] = ["convening", "active"];

export function closedReason(board: { locked: boolean }, phaseStatus: PhaseStatus | null, thinkTankStatus: ThinkTankStatus): ClosedReason | null {
  if (!WORKING.includes(thinkTankStatus)) return "think_tank_closed";
  if (phaseStatus === "completed") return "phase_completed";
  if (board.locked) return "locked";
  return null;
}

/** Is the board open for this person's ops right now (given they hold `board.write`)? */
export function openFor(reason: ClosedReason | null, canModerate: boolean): boolean {
  return reason === null || (reason === "locked" && canModerate);
}

export type CardChangeKind = "content" | "layout";

/** Text, delete and restore are content (author or moderator); everything else on a card is layout. */
export function cardOpKind(op: BoardOp): CardChangeKind | null {
  switch (op.type) {
    case "card.update":
      return op.changes.text !== undefined ? "content" : "layout";
    case "card.delete":
    case "card.restore":
      return "content";
    default:
      return null;
  }
}

export function mayChangeContent(who: { actorId: string; canModerate: boolean }, card: { authorId: string | null }): boolean {
  return who.canModerate || (card.authorId !== null && card.authorId === who.actorId);
}

/** A text edit must build on the version the server has; moves and colour are last-writer-wins. */
export function isStaleTextEdit(baseVersion: number, current: { version: number; text: string }, newText: string | undefined): boolean {
  return newText !== undefined && newText !== current.text && baseVersion !== current.version;
}

/** How many of a person's dots are used, and whether setting `count` on one card stays within the budget. */
export function withinBudget(budget: number, usedElsewhere: number, count: number): boolean {
  return count === 0 || (budget > 0 && usedElsewhere + count <= budget);
}

/** Columns may be added, renamed and reordered; a column disappears only when nothing is in it. */
export function removedColumns(existing: string[], next: string[]): string[] {
  const keep = new Set(next);
  return existing.filter((id) => !keep.has(id));
}
