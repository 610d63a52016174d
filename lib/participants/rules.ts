import type { Sector, ThinkTankRole } from "@/db/schema";
import { invitationState, type InvitationState } from "@/lib/memberships/rules";

export { invitationExpiry, sameEmail, INVITATION_TTL_MS } from "@/lib/memberships/rules";

/** A think-tank invitation can also be declined (one click, by the invitee). */
export type ThinkTankInvitationState = InvitationState | "declined";

export function thinkTankInvitationState(
  invitation: { expiresAt: Date; acceptedAt: Date | null; revokedAt: Date | null; declinedAt: Date | null },
  now: Date = new Date(),
): ThinkTankInvitationState {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.declinedAt) return "declined";
  return invitationState(invitation, now);
}

/** The think-tanks that count as someone's current load: still being worked on. */
export const LOAD_STATUSES = ["convening", "active", "paused"] as const;

/**
 * A think-tank always keeps at least one moderator: returns whether taking `userId`'s moderator
 * role away (demotion, removal) would leave none.
 */
export function wouldLoseLastModerator(participants: ReadonlyArray<{ userId: string; role: ThinkTankRole }>, userId: string, newRole: ThinkTankRole | null): boolean {
  const target = participants.find((p) => p.userId === userId);
  if (!target || target.role !== "moderator" || newRole === "moderator") return false;
  return !participants.some((p) => p.userId !== userId && p.role === "moderator");
}

/** How many of the wanted expertise tags a person has (case-insensitive, whole tags or word prefixes). */
export function expertiseMatches(personTags: readonly string[], wanted: readonly string[]): string[] {
  const tags = personTags.map((t) => t.trim().toLowerCase());
  return wanted.filter((w) => tags.some((t) => t === w || t.startsWith(w) || t.split(/[\s-]+/).some((part) => part.startsWith(w))));
}

export type RankedCandidate<T> = T & { matches: string[] };

/**
 * Knowledge-givers ranked by matching expertise (most matching tags first); ties by fewer current
 * think-tanks (spread the load), then by name.
 */
export function rankKnowledgeGivers<T extends { name: string; expertise: readonly string[]; load: number }>(people: readonly T[], wanted: readonly string[]): Array<RankedCandidate<T>> {
  return people
    .map((p) => ({ ...p, matches: expertiseMatches(p.expertise, wanted) }))
    .filter((p) => wanted.length === 0 || p.matches.length > 0)
    .sort((a, b) => b.matches.length - a.matches.length || a.load - b.load || a.name.localeCompare(b.name, "de"));
}

export type ParticipantSectorMix = Array<{ sector: Sector | "unspecified"; count: number }>;

/** The think-tank's transsectoral mix, biggest sector first ("unspecified" last). */
export function sectorMixOf(participants: ReadonlyArray<{ sector: Sector | null }>): ParticipantSectorMix {
  const counts = new Map<Sector | "unspecified", number>();
  for (const p of participants) counts.set(p.sector ?? "unspecified", (counts.get(p.sector ?? "unspecified") ?? 0) + 1);
  return [...counts.entries()]
    .map(([sector, count]) => ({ sector, count }))
    .sort((a, b) => (a.sector === "unspecified" ? 1 : b.sector === "unspecified" ? -1 : b.count - a.count || a.sector.localeCompare(b.sector)));
}
