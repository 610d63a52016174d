import "server-only";
import { and, asc, count, desc, eq, ilike, inArray, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { thinkTankInvitations, thinkTankParticipants, thinkTanks, users, type Sector, type ThinkTankRole } from "@/db/schema";
import { hashToken } from "@/lib/auth/tokens";
import { AppError } from "@/lib/errors";
import { assertSignedIn, canInThinkTank, type Actor } from "@/lib/policy";
import { thinkTankAccess } from "@/lib/think-tanks/access";
import { LOAD_STATUSES, rankKnowledgeGivers, sameEmail, sectorMixOf, thinkTankInvitationState, type ThinkTankInvitationState } from "./rules";
import { parseInput } from "@/lib/validation";
import { ZKnowledgeGiverSearch, ZThinkTankRef } from "./schemas";

function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Number of still-running think-tanks (convening, active, paused) each person takes part in. */
async function loads(userIds: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (!userIds.length) return out;
  const db = await getDb();
  const rows = await db
    .select({ userId: thinkTankParticipants.userId, n: count() })
    .from(thinkTankParticipants)
    .innerJoin(thinkTanks, eq(thinkTanks.id, thinkTankParticipants.thinkTankId))
    .where(and(inArray(thinkTankParticipants.userId, userIds), inArray(thinkTanks.status, [...LOAD_STATUSES])))
    .groupBy(thinkTankParticipants.userId);
  for (const r of rows) out.set(r.userId, Number(r.n));
  return out;
}

export type ParticipantView = {
  userId: string;
  name: string;
  /** Only for people who take part themselves (origin-network readers see names, not addresses). */
  email: string | null;
  organisation: string | null;
  sector: Sector | null;
  expertise: string[];
  role: ThinkTankRole;
  joinedAt: Date;
  load: number;
};

export type OpenInvitationView = { id: string; email: string; role: ThinkTankRole; invitedBy: string | null; expiresAt: Date; state: ThinkTankInvitationState };

/**
 * The participants page: who takes part (moderators first), with organisation and sector, the
 * think-tank's sector mix, open invitations (for moderators) and what the actor may do.
 */
export async function listParticipants(actor: Actor | null, thinkTankId: string) {
  assertSignedIn(actor);
  const db = await getDb();
  const { thinkTank, context } = await thinkTankAccess(db, actor, thinkTankId);
  const seesContacts = canInThinkTank(actor, context, "participants.viewContacts");
  const canInvite = canInThinkTank(actor, context, "participants.invite");
  const rows = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      organisation: users.organisation,
      sector: users.sector,
      expertise: users.expertise,
      role: thinkTankParticipants.role,
      joinedAt: thinkTankParticipants.joinedAt,
    })
    .from(thinkTankParticipants)
    .innerJoin(users, eq(users.id, thinkTankParticipants.userId))
    .where(eq(thinkTankParticipants.thinkTankId, thinkTank.id))
    // The role enum's declaration order puts moderators first.
    .orderBy(asc(thinkTankParticipants.role), asc(users.name));
  const load = await loads(rows.map((r) => r.userId));
  const participants: ParticipantView[] = rows.map((r) => ({ ...r, email: seesContacts ? r.email : null, load: load.get(r.userId) ?? 0 }));
  let invitations: OpenInvitationView[] = [];
  if (canInvite) {
    const inv = await db
      .select({
        id: thinkTankInvitations.id,
        email: thinkTankInvitations.email,
        role: thinkTankInvitations.role,
        invitedBy: users.name,
        expiresAt: thinkTankInvitations.expiresAt,
        acceptedAt: thinkTankInvitations.acceptedAt,
        revokedAt: thinkTankInvitations.revokedAt,
        declinedAt: thinkTankInvitations.declinedAt,
      })
      .from(thinkTankInvitations)
      .leftJoin(users, eq(users.id, thinkTankInvitations.invitedById))
      .where(and(eq(thinkTankInvitations.thinkTankId, thinkTank.id), isNull(thinkTankInvitations.acceptedAt), isNull(thinkTankInvitations.revokedAt)))
      .orderBy(desc(thinkTankInvitations.sentAt));
    invitations = inv.map((i) => ({ id: i.id, email: i.email, role: i.role, invitedBy: i.invitedBy, expiresAt: i.expiresAt, state: thinkTankInvitationState(i) }));
  }
  return {
    thinkTank: { id: thinkTank.id, title: thinkTank.title, question: thinkTank.question, status: thinkTank.status },
    myRole: context.thinkTankRole,
    participants,
    sectorMix: sectorMixOf(participants),
    invitations,
    can: {
      invite: canInvite,
      changeRole: canInThinkTank(actor, context, "participants.changeRole"),
      remove: canInThinkTank(actor, context, "participants.remove"),
      leave: canInThinkTank(actor, context, "thinkTank.leave"),
    },
  };
}

export type KnowledgeGiverCandidate = {
  userId: string;
  name: string;
  organisation: string | null;
  sector: Sector | null;
  expertise: string[];
  load: number;
  matches: string[];
  participantRole: ThinkTankRole | null;
};

const SEARCH_LIMIT = 25;

/**
 * Moderators look for knowledge-givers among existing (not disabled) people by expertise tag,
 * sector, organisation and name; ranked by matching expertise, with each person's current load.
 */
export async function searchKnowledgeGivers(actor: Actor | null, rawInput: unknown): Promise<{ results: KnowledgeGiverCandidate[]; searched: boolean }> {
  assertSignedIn(actor);
  // Access first (an outsider gets 404 whatever the filters say), then the filters' own errors.
  const { thinkTankId } = parseInput(ZThinkTankRef, rawInput);
  const db = await getDb();
  const { thinkTank, context } = await thinkTankAccess(db, actor, thinkTankId);
  if (!canInThinkTank(actor, context, "participants.invite")) throw new AppError("forbidden", "Only moderators search");
  const filters = parseInput(ZKnowledgeGiverSearch, rawInput);
  const searched = Boolean(filters.name || filters.organisation || filters.sector || filters.expertise.length);
  if (!searched) return { results: [], searched };
  const expertiseText = sql`lower(array_to_string(${users.expertise}, ' '))`;
  const rows = await db
    .select({
      userId: users.id,
      name: users.name,
      organisation: users.organisation,
      sector: users.sector,
      expertise: users.expertise,
      participantRole: thinkTankParticipants.role,
    })
    .from(users)
    .leftJoin(thinkTankParticipants, and(eq(thinkTankParticipants.userId, users.id), eq(thinkTankParticipants.thinkTankId, thinkTank.id)))
    .where(
      and(
        isNull(users.disabledAt),
        filters.name ? ilike(users.name, likePattern(filters.name)) : undefined,
        filters.organisation ? ilike(users.organisation, likePattern(filters.organisation)) : undefined,
        filters.sector ? eq(users.sector, filters.sector) : undefined,
        filters.expertise.length
          ? sql`(${sql.join(
              filters.expertise.map((tag) => sql`${expertiseText} like ${likePattern(tag)}`),
              sql` or `,
            )})`
          : undefined,
      ),
    )
    .orderBy(asc(users.name))
    .limit(200);
  const load = await loads(rows.map((r) => r.userId));
  const ranked = rankKnowledgeGivers(
    rows.map((r) => ({ ...r, load: load.get(r.userId) ?? 0 })),
    filters.expertise,
  );
  return { results: ranked.slice(0, SEARCH_LIMIT), searched };
}

export type ThinkTankInvitationView =
  | { state: "unknown" }
  | {
      state: ThinkTankInvitationState;
      email: string;
      role: ThinkTankRole;
      expiresAt: Date;
      inviter: string | null;
      thinkTank: { id: string; title: string; question: string; status: string; open: boolean };
      viewer: { email: string; emailMatches: boolean; isParticipant: boolean } | null;
      accountExists: boolean;
    };

/** The public invitation page: what the link is about, never more (the token is the only key). */
export async function thinkTankInvitationByToken(token: string, viewer: Actor | null): Promise<ThinkTankInvitationView> {
  if (!token || token.length < 20 || token.length > 200) return { state: "unknown" };
  const db = await getDb();
  const [row] = await db
    .select({ invitation: thinkTankInvitations, thinkTank: thinkTanks, inviter: users.name })
    .from(thinkTankInvitations)
    .innerJoin(thinkTanks, eq(thinkTanks.id, thinkTankInvitations.thinkTankId))
    .leftJoin(users, eq(users.id, thinkTankInvitations.invitedById))
    .where(eq(thinkTankInvitations.tokenHash, hashToken(token)))
    .limit(1);
  if (!row) return { state: "unknown" };
  const [account] = await db.select({ id: users.id }).from(users).where(eq(users.email, row.invitation.email));
  let viewerInfo = null;
  if (viewer) {
    const [me] = await db.select({ email: users.email }).from(users).where(eq(users.id, viewer.id));
    const [part] = await db
      .select({ role: thinkTankParticipants.role })
      .from(thinkTankParticipants)
      .where(and(eq(thinkTankParticipants.thinkTankId, row.thinkTank.id), eq(thinkTankParticipants.userId, viewer.id)));
    if (me) viewerInfo = { email: me.email, emailMatches: sameEmail(me.email, row.invitation.email), isParticipant: Boolean(part) };
  }
  return {
    state: thinkTankInvitationState(row.invitation),
    email: row.invitation.email,
    role: row.invitation.role,
    expiresAt: row.invitation.expiresAt,
    inviter: row.inviter,
    thinkTank: {
      id: row.thinkTank.id,
      title: row.thinkTank.title,
      question: row.thinkTank.question,
      status: row.thinkTank.status,
      open: ["convening", "active", "paused"].includes(row.thinkTank.status),
    },
    viewer: viewerInfo,
    accountExists: Boolean(account),
  };
}
