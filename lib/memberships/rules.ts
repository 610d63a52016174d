import type { NetworkRole } from "@/db/schema";

/** Invitation links are valid for 14 days; resending issues a new link and restarts the clock. */
export const INVITATION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

export type InvitationState = "valid" | "expired" | "revoked" | "accepted";

export function invitationState(invitation: { expiresAt: Date; acceptedAt: Date | null; revokedAt: Date | null }, now: Date = new Date()): InvitationState {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt.getTime() <= now.getTime()) return "expired";
  return "valid";
}

export function invitationExpiry(now: Date = new Date()): Date {
  return new Date(now.getTime() + INVITATION_TTL_MS);
}

/** E-mail addresses are stored lower-cased and trimmed (see ZEmail); compare them the same way. */
export function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * A network always keeps at least one coordinator. `leaving` is the member whose coordinator role
 * ends (by leaving, being removed or being demoted); `successorId` is who takes over, if named.
 * Returns whether the change needs a successor that was not named.
 */
export function missingSuccessor(params: {
  coordinatorIds: readonly string[];
  leavingId: string;
  leavingRole: NetworkRole;
  successorId: string | null;
}): boolean {
  if (params.leavingRole !== "coordinator") return false;
  const remaining = params.coordinatorIds.filter((id) => id !== params.leavingId);
  if (remaining.length > 0) return false;
  return !params.successorId || params.successorId === params.leavingId;
}

/** Activity feed pages go backwards by id: `before` is the last id of the previous page. */
export const ACTIVITY_PAGE_SIZE = 20;

export function parseCursor(value: unknown): number | null {
  if (typeof value !== "string" || !/^\d{1,15}$/.test(value)) return null;
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** Activity verbs such as "task.status_changed" become message keys ("task_status_changed"). */
export function verbKey(verb: string): string {
  return verb.replace(/[^A-Za-z0-9_]/g, "_");
}
