import "server-only";
import { and, asc, desc, eq, gt, isNull, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { networkInvitations, networkJoinRequests, networkMembers, networks, users } from "@/db/schema";
import { hashToken } from "@/lib/auth/tokens";
import { networkAccess } from "@/lib/networks/access";
import { canInNetwork, canRequestToJoin, type Actor, type NetworkAction } from "@/lib/policy";
import { invitationState, sameEmail, type InvitationState } from "./rules";

/**
 * The Work-Space frame: the network and what the actor may do in it. Throws `not_found` for
 * everybody who may not see the Work-Space (see networkAccess).
 */
export async function getWorkspace(actor: Actor | null, slug: string) {
  const db = await getDb();
  const { network, context } = await networkAccess(db, actor, slug);
  const can = (action: NetworkAction) => canInNetwork(actor, context, action);
  return {
    network: { id: network.id, slug: network.slug, name: network.name, focus: network.focus, status: network.status, listed: network.listed },
    context,
    can,
  };
}

/** The members page: members (contacts only with members.viewContacts) and, for coordinators, the open invitations and join requests. */
export async function membersPage(actor: Actor | null, slug: string) {
  const db = await getDb();
  const { network, context } = await networkAccess(db, actor, slug);
  const can = (action: NetworkAction) => canInNetwork(actor, context, action);
  const showContacts = can("members.viewContacts");
  const rows = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      organisation: users.organisation,
      sector: users.sector,
      role: networkMembers.role,
      joinedAt: networkMembers.joinedAt,
      announcementsMuted: networkMembers.announcementsMuted,
    })
    .from(networkMembers)
    .innerJoin(users, eq(users.id, networkMembers.userId))
    .where(eq(networkMembers.networkId, network.id))
    .orderBy(asc(networkMembers.role), asc(users.name));
  const members = rows.map(({ email, announcementsMuted: _muted, ...m }) => ({ ...m, email: showContacts ? email : null, isMe: m.userId === actor?.id }));
  const mine = rows.find((m) => m.userId === actor?.id);

  const manageInvitations = can("members.invite") || can("members.remove");
  const inviter = alias(users, "inviter");
  const invitations = manageInvitations
    ? (
        await db
          .select({
            id: networkInvitations.id,
            email: networkInvitations.email,
            role: networkInvitations.role,
            expiresAt: networkInvitations.expiresAt,
            acceptedAt: networkInvitations.acceptedAt,
            revokedAt: networkInvitations.revokedAt,
            createdAt: networkInvitations.createdAt,
            invitedBy: inviter.name,
          })
          .from(networkInvitations)
          .leftJoin(inviter, eq(inviter.id, networkInvitations.invitedById))
          .where(and(eq(networkInvitations.networkId, network.id), isNull(networkInvitations.acceptedAt), isNull(networkInvitations.revokedAt)))
          .orderBy(desc(networkInvitations.createdAt))
      ).map((i) => ({ ...i, state: invitationState(i) }))
    : [];

  const joinRequests = can("members.approveJoin") || can("members.changeRole")
    ? await db
        .select({
          id: networkJoinRequests.id,
          userId: users.id,
          name: users.name,
          organisation: users.organisation,
          sector: users.sector,
          email: users.email,
          message: networkJoinRequests.message,
          createdAt: networkJoinRequests.createdAt,
        })
        .from(networkJoinRequests)
        .innerJoin(users, eq(users.id, networkJoinRequests.userId))
        .where(and(eq(networkJoinRequests.networkId, network.id), eq(networkJoinRequests.status, "pending")))
        .orderBy(asc(networkJoinRequests.createdAt))
    : [];

  return {
    network: { id: network.id, slug: network.slug, name: network.name, status: network.status },
    members,
    me: mine ? { role: mine.role, announcementsMuted: mine.announcementsMuted } : null,
    coordinatorCount: rows.filter((m) => m.role === "coordinator").length,
    invitations,
    joinRequests,
    can: {
      invite: can("members.invite"),
      revokeInvitation: can("members.remove"),
      approveJoin: can("members.approveJoin"),
      changeRole: can("members.changeRole"),
      remove: can("members.remove"),
      leave: can("network.leave"),
      mute: can("announcement.mute"),
    },
  };
}

export type InvitationView =
  | { state: "unknown" }
  | {
      state: InvitationState;
      email: string;
      role: "coordinator" | "member";
      expiresAt: Date;
      network: { name: string; slug: string; status: "active" | "paused" | "archived"; approved: boolean };
      inviter: string | null;
      /** Only for a signed-in viewer: whether the account's address is the invited one, and membership. */
      viewer: { emailMatches: boolean; email: string; isMember: boolean } | null;
    };

/** What the invitation page shows for a link (the token itself is never stored). */
export async function invitationByToken(token: string, actor: Actor | null): Promise<InvitationView> {
  if (typeof token !== "string" || token.length < 20 || token.length > 200) return { state: "unknown" };
  const db = await getDb();
  const inviter = alias(users, "inviter");
  const [row] = await db
    .select({ invitation: networkInvitations, network: networks, inviter: inviter.name })
    .from(networkInvitations)
    .innerJoin(networks, eq(networks.id, networkInvitations.networkId))
    .leftJoin(inviter, eq(inviter.id, networkInvitations.invitedById))
    .where(eq(networkInvitations.tokenHash, hashToken(token)));
  if (!row) return { state: "unknown" };
  let viewer: { emailMatches: boolean; email: string; isMember: boolean } | null = null;
  if (actor) {
    const [me] = await db
      .select({ email: users.email, role: networkMembers.role })
      .from(users)
      .leftJoin(networkMembers, and(eq(networkMembers.userId, users.id), eq(networkMembers.networkId, row.network.id)))
      .where(eq(users.id, actor.id));
    if (me) viewer = { email: me.email, emailMatches: sameEmail(me.email, row.invitation.email), isMember: Boolean(me.role) };
  }
  return {
    state: invitationState(row.invitation),
    email: row.invitation.email,
    role: row.invitation.role,
    expiresAt: row.invitation.expiresAt,
    network: { name: row.network.name, slug: row.network.slug, status: row.network.status, approved: row.network.approval === "approved" },
    inviter: row.inviter,
    viewer,
  };
}

/** "Meine Netzwerke": valid invitations to the actor's address and the actor's pending join requests. */
export async function pendingForUser(actor: Actor) {
  const db = await getDb();
  const [me] = await db.select({ email: users.email, emailVerified: users.emailVerified }).from(users).where(eq(users.id, actor.id));
  if (!me) return { invitations: [], joinRequests: [], emailVerified: false };
  const inviter = alias(users, "inviter");
  const invitations = await db
    .select({
      id: networkInvitations.id,
      role: networkInvitations.role,
      expiresAt: networkInvitations.expiresAt,
      network: networks.name,
      slug: networks.slug,
      inviter: inviter.name,
    })
    .from(networkInvitations)
    .innerJoin(networks, eq(networks.id, networkInvitations.networkId))
    .leftJoin(inviter, eq(inviter.id, networkInvitations.invitedById))
    .leftJoin(networkMembers, and(eq(networkMembers.networkId, networks.id), eq(networkMembers.userId, actor.id)))
    .where(
      and(
        eq(networkInvitations.email, me.email),
        isNull(networkInvitations.acceptedAt),
        isNull(networkInvitations.revokedAt),
        gt(networkInvitations.expiresAt, new Date()),
        isNull(networkMembers.userId),
      ),
    )
    .orderBy(desc(networkInvitations.createdAt));
  const joinRequests = await db
    .select({ id: networkJoinRequests.id, network: networks.name, slug: networks.slug, createdAt: networkJoinRequests.createdAt })
    .from(networkJoinRequests)
    .innerJoin(networks, eq(networks.id, networkJoinRequests.networkId))
    .where(and(eq(networkJoinRequests.userId, actor.id), eq(networkJoinRequests.status, "pending")))
    .orderBy(desc(networkJoinRequests.createdAt));
  return { invitations, joinRequests, emailVerified: Boolean(me.emailVerified) };
}

export type JoinStatus = "signedOut" | "member" | "pending" | "open" | "closed";

/** For the public network page: may this person ask to join, or have they already? Null when the network is not in the directory. */
export async function joinStatus(actor: Actor | null, idOrSlug: string): Promise<{ status: JoinStatus; slug: string } | null> {
  const db = await getDb();
  const [row] = await db
    .select({ network: networks, networkRole: networkMembers.role })
    .from(networks)
    .leftJoin(networkMembers, and(eq(networkMembers.networkId, networks.id), eq(networkMembers.userId, actor?.id ?? "")))
    .where(or(eq(networks.id, idOrSlug), eq(networks.slug, idOrSlug)))
    .limit(1);
  if (!row || !row.network.listed || row.network.approval !== "approved") return null;
  const slug = row.network.slug;
  if (!actor) return { status: row.network.status === "active" ? "signedOut" : "closed", slug };
  if (row.networkRole) return { status: "member", slug };
  const [pending] = await db
    .select({ id: networkJoinRequests.id })
    .from(networkJoinRequests)
    .where(and(eq(networkJoinRequests.networkId, row.network.id), eq(networkJoinRequests.userId, actor.id), eq(networkJoinRequests.status, "pending")));
  if (pending) return { status: "pending", slug };
  const open = canRequestToJoin(actor, { networkRole: null, status: row.network.status, listed: row.network.listed, approval: row.network.approval });
  return { status: open ? "open" : "closed", slug };
}
