import "server-only";
import { and, eq, inArray, isNull, or } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import {
  networkInvitations,
  networkJoinRequests,
  networkMembers,
  networks,
  users,
  workingGroupMembers,
  workingGroups,
  type Locale,
  type NetworkRole,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit/commands";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { AppError } from "@/lib/errors";
import { sendMail } from "@/lib/mail/send";
import { networkAccess } from "@/lib/networks/access";
import { recordActivity } from "@/lib/networks/activity";
import { assertCanInNetwork, assertSignedIn, canRequestToJoin, type Actor } from "@/lib/policy";
import { parseInput } from "@/lib/validation";
import { composeMemberMail, type MemberMail } from "./mails";
import { invitationExpiry, invitationState, missingSuccessor, sameEmail } from "./rules";
import {
  ZAcceptInvitation,
  ZChangeMemberRole,
  ZDecideJoinRequest,
  ZInvitationRef,
  ZInviteMember,
  ZJoinRequestRef,
  ZLeaveNetwork,
  ZRemoveMember,
  ZRequestToJoin,
  ZSetAnnouncementsMuted,
} from "./schemas";

type Command = { actor: Actor | null; input: unknown };


/*
 * Membership changes of one network take turns: the network row is locked (FOR NO KEY UPDATE, so
 * foreign-key checks of unrelated inserts such as tasks are not blocked), which makes "is this the
 * last coordinator?" and the change itself one atomic step even when two coordinators leave at once.
 */
async function lockNetwork(tx: Tx, networkId: string): Promise<void> {
  await tx.select({ id: networks.id }).from(networks).where(eq(networks.id, networkId)).for("no key update");
}

async function membersOf(tx: Tx, networkId: string) {
  return tx
    .select({ userId: networkMembers.userId, role: networkMembers.role, name: users.name })
    .from(networkMembers)
    .innerJoin(users, eq(users.id, networkMembers.userId))
    .where(eq(networkMembers.networkId, networkId));
}

type MemberRow = Awaited<ReturnType<typeof membersOf>>[number];

/**
 * Ends `leaving`'s coordinator role (leave, removal or demotion) without leaving the network
 * headless: with no other coordinator a successor must be named, who is promoted in the same
 * transaction. Returns the promoted successor, if any.
 */
async function handOver(
  tx: Tx,
  params: { networkId: string; actorId: string; members: MemberRow[]; leaving: MemberRow; successorId: string | null; endsCoordinatorRole: boolean },
): Promise<MemberRow | null> {
  const coordinatorIds = params.members.filter((m) => m.role === "coordinator").map((m) => m.userId);
  if (
    params.endsCoordinatorRole &&
    missingSuccessor({ coordinatorIds, leavingId: params.leaving.userId, leavingRole: params.leaving.role, successorId: params.successorId })
  ) {
    throw new AppError("last_coordinator", "The last coordinator needs a successor", { fields: { successorId: ["successorRequired"] } });
  }
  if (!params.successorId) return null;
  const successor = params.members.find((m) => m.userId === params.successorId);
  if (!successor || successor.userId === params.leaving.userId) {
    throw new AppError("invalid_input", "The successor must be another member", { fields: { successorId: ["successorNotMember"] } });
  }
  if (successor.role === "coordinator") return null;
  await tx
    .update(networkMembers)
    .set({ role: "coordinator" })
    .where(and(eq(networkMembers.networkId, params.networkId), eq(networkMembers.userId, successor.userId)));
  await recordAudit(tx, {
    actorId: params.actorId,
    action: "network.member_role_changed",
    subjectType: "network",
    subjectId: params.networkId,
    data: { userId: successor.userId, from: "member", to: "coordinator", asSuccessorOf: params.leaving.userId },
  });
  await recordActivity(tx, {
    networkId: params.networkId,
    actorId: params.actorId,
    verb: "member.promoted",
    subjectType: "user",
    subjectId: successor.userId,
    summary: successor.name,
  });
  return successor;
}

/** Working groups belong to the network: whoever leaves it leaves them too. */
async function leaveWorkingGroups(tx: Tx, networkId: string, userId: string): Promise<void> {
  const groups = tx.select({ id: workingGroups.id }).from(workingGroups).where(eq(workingGroups.networkId, networkId));
  await tx.delete(workingGroupMembers).where(and(eq(workingGroupMembers.userId, userId), inArray(workingGroupMembers.workingGroupId, groups)));
}

async function userById(tx: Tx, id: string) {
  const [row] = await tx.select({ id: users.id, name: users.name, email: users.email, locale: users.locale, emailVerified: users.emailVerified }).from(users).where(eq(users.id, id));
  if (!row) throw new AppError("unauthenticated", "Unknown user");
  return row;
}

async function sendAll(mails: MemberMail[]): Promise<void> {
  for (const mail of mails) await sendMail(composeMemberMail(mail));
}

// ---------------------------------------------------------------------------------------------
// Invitations
// ---------------------------------------------------------------------------------------------

async function recipientLocale(tx: Tx, email: string): Promise<Locale> {
  const [row] = await tx.select({ locale: users.locale }).from(users).where(eq(users.email, email));
  return row?.locale ?? "de";
}

export async function inviteMember({ actor, input }: Command): Promise<{ invitationId: string; token: string }> {
  assertSignedIn(actor);
  const data = parseInput(ZInviteMember, input);
  const db = await getDb();
  const { token, mail, invitationId } = await db.transaction(async (tx) => {
    const { network, context } = await networkAccess(tx, actor, data.network);
    assertCanInNetwork(actor, context, "members.invite");
    await lockNetwork(tx, network.id);
    const [member] = await tx
      .select({ userId: networkMembers.userId })
      .from(networkMembers)
      .innerJoin(users, eq(users.id, networkMembers.userId))
      .where(and(eq(networkMembers.networkId, network.id), eq(users.email, data.email)));
    if (member) throw new AppError("conflict", "Already a member", { fields: { email: ["alreadyMember"] } });
    const open = await tx
      .select()
      .from(networkInvitations)
      .where(and(eq(networkInvitations.networkId, network.id), eq(networkInvitations.email, data.email), isNull(networkInvitations.acceptedAt), isNull(networkInvitations.revokedAt)));
    if (open.some((i) => invitationState(i) === "valid")) {
      throw new AppError("conflict", "Already invited", { fields: { email: ["alreadyInvited"] } });
    }
    const inviter = await userById(tx, actor.id);
    const { token, hash } = newToken();
    const expiresAt = invitationExpiry();
    const [row] = await tx
      .insert(networkInvitations)
      .values({ networkId: network.id, email: data.email, role: data.role, tokenHash: hash, invitedById: actor.id, expiresAt })
      .returning({ id: networkInvitations.id });
    if (!row) throw new Error("invitation insert returned nothing");
    await recordAudit(tx, { actorId: actor.id, action: "network.member_invited", subjectType: "network", subjectId: network.id, data: { invitationId: row.id, email: data.email, role: data.role } });
    await recordActivity(tx, { networkId: network.id, actorId: actor.id, verb: "invitation.sent", subjectType: "invitation", subjectId: row.id });
    const mail: MemberMail = {
      kind: "invitation",
      to: data.email,
      locale: await recipientLocale(tx, data.email),
      params: { network: network.name, inviter: inviter.name, role: data.role, token, expiresAt },
    };
    return { token, mail, invitationId: row.id };
  });
  await sendAll([mail]);
  return { invitationId, token };
}

async function openInvitation(tx: Tx, networkId: string, invitationId: string) {
  const [invitation] = await tx
    .select()
    .from(networkInvitations)
    .where(and(eq(networkInvitations.id, invitationId), eq(networkInvitations.networkId, networkId)))
    .for("update");
  if (!invitation) throw new AppError("not_found", "Invitation not found");
  const state = invitationState(invitation);
  // An expired invitation can still be resent or revoked; used and revoked ones are final.
  if (state === "accepted" || state === "revoked") {
    throw new AppError("conflict", `Invitation ${state}`, { fields: { invitationId: [state === "accepted" ? "invitationUsed" : "invitationRevoked"] } });
  }
  return invitation;
}

/** A new link replaces the old one (which stops working) and the 14 days start again. */
export async function resendInvitation({ actor, input }: Command): Promise<{ token: string }> {
  assertSignedIn(actor);
  const data = parseInput(ZInvitationRef, input);
  const db = await getDb();
  const { token, mail } = await db.transaction(async (tx) => {
    const { network, context } = await networkAccess(tx, actor, data.network);
    assertCanInNetwork(actor, context, "members.invite");
    const invitation = await openInvitation(tx, network.id, data.invitationId);
    const inviter = await userById(tx, actor.id);
    const { token, hash } = newToken();
    const expiresAt = invitationExpiry();
    await tx.update(networkInvitations).set({ tokenHash: hash, expiresAt, invitedById: actor.id }).where(eq(networkInvitations.id, invitation.id));
    await recordAudit(tx, { actorId: actor.id, action: "network.invitation_resent", subjectType: "network", subjectId: network.id, data: { invitationId: invitation.id, email: invitation.email } });
    await recordActivity(tx, { networkId: network.id, actorId: actor.id, verb: "invitation.resent", subjectType: "invitation", subjectId: invitation.id });
    const mail: MemberMail = {
      kind: "invitation",
      to: invitation.email,
      locale: await recipientLocale(tx, invitation.email),
      params: { network: network.name, inviter: inviter.name, role: invitation.role, token, expiresAt },
    };
    return { token, mail };
  });
  await sendAll([mail]);
  return { token };
}

/** Revoking is tidying up, allowed whenever members may be removed (also while the network rests). */
export async function revokeInvitation({ actor, input }: Command): Promise<void> {
  assertSignedIn(actor);
  const data = parseInput(ZInvitationRef, input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { network, context } = await networkAccess(tx, actor, data.network);
    assertCanInNetwork(actor, context, "members.remove");
    const invitation = await openInvitation(tx, network.id, data.invitationId);
    await tx.update(networkInvitations).set({ revokedAt: new Date() }).where(eq(networkInvitations.id, invitation.id));
    await recordAudit(tx, { actorId: actor.id, action: "network.invitation_revoked", subjectType: "network", subjectId: network.id, data: { invitationId: invitation.id, email: invitation.email } });
    await recordActivity(tx, { networkId: network.id, actorId: actor.id, verb: "invitation.revoked", subjectType: "invitation", subjectId: invitation.id });
  });
}

/**
 * The link's token proves the invitation reached that mailbox; the account must also have that
 * e-mail address, so a forwarded link does not let somebody else join. Without the token (from
 * "Meine Netzwerke") the account's address must be verified instead.
 */
export async function acceptInvitation({ actor, input }: Command): Promise<{ networkSlug: string; networkId: string }> {
  assertSignedIn(actor);
  const data = parseInput(ZAcceptInvitation, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const me = await userById(tx, actor.id);
    const byToken = "token" in data;
    const [invitation] = await tx
      .select()
      .from(networkInvitations)
      .where(byToken ? eq(networkInvitations.tokenHash, hashToken(data.token)) : eq(networkInvitations.id, data.invitationId))
      .for("update");
    // Without the token, somebody else's invitation does not exist for this account.
    if (!invitation || (!byToken && !sameEmail(invitation.email, me.email))) {
      throw new AppError(byToken ? "token_invalid" : "not_found", "Unknown invitation", { fields: { token: ["invitationUnknown"] } });
    }
    const state = invitationState(invitation);
    if (state !== "valid") {
      const key = { accepted: "invitationUsed", revoked: "invitationRevoked", expired: "invitationExpired" }[state];
      throw new AppError("token_invalid", `Invitation ${state}`, { fields: { token: [key] } });
    }
    if (!sameEmail(invitation.email, me.email)) {
      throw new AppError("forbidden", "Invitation is for another e-mail address", { fields: { token: ["invitationWrongEmail"] } });
    }
    if (!byToken && !me.emailVerified) throw new AppError("forbidden", "E-mail address not verified", { fields: { token: ["emailNotVerified"] } });
    const [network] = await tx.select().from(networks).where(eq(networks.id, invitation.networkId)).for("no key update");
    if (!network) throw new AppError("token_invalid", "Network gone", { fields: { token: ["invitationUnknown"] } });
    if (network.approval !== "approved" || network.status !== "active") {
      throw new AppError("network_not_active", "The network does not take new members now");
    }
    await tx.update(networkInvitations).set({ acceptedAt: new Date() }).where(eq(networkInvitations.id, invitation.id));
    const [existing] = await tx
      .select({ role: networkMembers.role })
      .from(networkMembers)
      .where(and(eq(networkMembers.networkId, network.id), eq(networkMembers.userId, me.id)));
    if (!existing) {
      await tx.insert(networkMembers).values({ networkId: network.id, userId: me.id, role: invitation.role });
    } else if (existing.role === "member" && invitation.role === "coordinator") {
      await tx.update(networkMembers).set({ role: "coordinator" }).where(and(eq(networkMembers.networkId, network.id), eq(networkMembers.userId, me.id)));
    }
    // A pending request to join is answered by the invitation.
    await tx
      .update(networkJoinRequests)
      .set({ status: "approved", decidedAt: new Date(), decidedById: invitation.invitedById })
      .where(and(eq(networkJoinRequests.networkId, network.id), eq(networkJoinRequests.userId, me.id), eq(networkJoinRequests.status, "pending")));
    await recordAudit(tx, {
      actorId: me.id,
      action: "network.invitation_accepted",
      subjectType: "network",
      subjectId: network.id,
      data: { invitationId: invitation.id, role: invitation.role },
    });
    if (!existing) {
      await recordActivity(tx, { networkId: network.id, actorId: me.id, verb: "member.joined", subjectType: "user", subjectId: me.id, summary: me.name });
    }
    return { networkSlug: network.slug, networkId: network.id };
  });
}

// ---------------------------------------------------------------------------------------------
// Join requests
// ---------------------------------------------------------------------------------------------

async function coordinatorsOf(tx: Tx, networkId: string) {
  return tx
    .select({ email: users.email, locale: users.locale })
    .from(networkMembers)
    .innerJoin(users, eq(users.id, networkMembers.userId))
    .where(and(eq(networkMembers.networkId, networkId), eq(networkMembers.role, "coordinator"), isNull(users.disabledAt)));
}

/**
 * A signed-in person who is not a member asks to join a listed network. Networks they cannot find
 * in the directory (unlisted, not approved) answer `not_found`, like everywhere else.
 */
export async function requestToJoin({ actor, input }: Command): Promise<{ requestId: string }> {
  assertSignedIn(actor);
  const data = parseInput(ZRequestToJoin, input);
  const db = await getDb();
  const { requestId, mails } = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ network: networks, networkRole: networkMembers.role })
      .from(networks)
      .leftJoin(networkMembers, and(eq(networkMembers.networkId, networks.id), eq(networkMembers.userId, actor.id)))
      .where(or(eq(networks.id, data.network), eq(networks.slug, data.network)))
      .limit(1);
    if (!row || !row.network.listed || row.network.approval !== "approved") throw new AppError("not_found", "Network not found");
    const { network } = row;
    const target = { networkRole: row.networkRole ?? null, status: network.status, listed: network.listed, approval: network.approval };
    if (!canRequestToJoin(actor, target)) {
      if (target.networkRole) throw new AppError("conflict", "Already a member", { fields: { message: ["alreadyMember"] } });
      throw new AppError("network_not_active", "The network does not take new members now");
    }
    await lockNetwork(tx, network.id);
    const [pending] = await tx
      .select({ id: networkJoinRequests.id })
      .from(networkJoinRequests)
      .where(and(eq(networkJoinRequests.networkId, network.id), eq(networkJoinRequests.userId, actor.id), eq(networkJoinRequests.status, "pending")));
    if (pending) throw new AppError("conflict", "Already requested", { fields: { message: ["alreadyRequested"] } });
    const me = await userById(tx, actor.id);
    const [created] = await tx
      .insert(networkJoinRequests)
      .values({ networkId: network.id, userId: actor.id, message: data.message })
      .returning({ id: networkJoinRequests.id });
    if (!created) throw new Error("join request insert returned nothing");
    await recordAudit(tx, { actorId: actor.id, action: "network.join_requested", subjectType: "network", subjectId: network.id, data: { requestId: created.id } });
    await recordActivity(tx, { networkId: network.id, actorId: actor.id, verb: "joinRequest.created", subjectType: "joinRequest", subjectId: created.id, summary: me.name });
    const mails: MemberMail[] = (await coordinatorsOf(tx, network.id)).map((c) => ({
      kind: "joinRequested",
      to: c.email,
      locale: c.locale ?? "de",
      params: { network: network.name, slug: network.slug, requester: me.name },
    }));
    return { requestId: created.id, mails };
  });
  await sendAll(mails);
  return { requestId };
}

/** The requester takes a pending request back (from "Meine Netzwerke"). */
export async function withdrawJoinRequest({ actor, input }: Command): Promise<void> {
  assertSignedIn(actor);
  const data = parseInput(ZJoinRequestRef, input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [request] = await tx
      .update(networkJoinRequests)
      .set({ status: "withdrawn", decidedAt: new Date(), decidedById: actor.id })
      .where(and(eq(networkJoinRequests.id, data.requestId), eq(networkJoinRequests.userId, actor.id), eq(networkJoinRequests.status, "pending")))
      .returning({ networkId: networkJoinRequests.networkId });
    if (!request) throw new AppError("not_found", "No such pending request");
    await recordAudit(tx, { actorId: actor.id, action: "network.join_withdrawn", subjectType: "network", subjectId: request.networkId, data: { requestId: data.requestId } });
    await recordActivity(tx, { networkId: request.networkId, actorId: actor.id, verb: "joinRequest.withdrawn", subjectType: "joinRequest", subjectId: data.requestId });
  });
}

export async function decideJoinRequest({ actor, input }: Command): Promise<{ decision: "approve" | "decline" }> {
  assertSignedIn(actor);
  const data = parseInput(ZDecideJoinRequest, input);
  const db = await getDb();
  const mail = await db.transaction(async (tx) => {
    const { network, context } = await networkAccess(tx, actor, data.network);
    assertCanInNetwork(actor, context, "members.approveJoin");
    await lockNetwork(tx, network.id);
    const [request] = await tx
      .select({ id: networkJoinRequests.id, status: networkJoinRequests.status, userId: networkJoinRequests.userId, name: users.name, email: users.email, locale: users.locale })
      .from(networkJoinRequests)
      .innerJoin(users, eq(users.id, networkJoinRequests.userId))
      .where(and(eq(networkJoinRequests.id, data.requestId), eq(networkJoinRequests.networkId, network.id)));
    if (!request) throw new AppError("not_found", "Join request not found");
    if (request.status !== "pending") throw new AppError("conflict", "Join request already decided");
    const approve = data.decision === "approve";
    await tx
      .update(networkJoinRequests)
      .set({ status: approve ? "approved" : "declined", decidedById: actor.id, decidedAt: new Date() })
      .where(eq(networkJoinRequests.id, request.id));
    if (approve) {
      await tx.insert(networkMembers).values({ networkId: network.id, userId: request.userId, role: "member" }).onConflictDoNothing();
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: approve ? "network.join_approved" : "network.join_declined",
      subjectType: "network",
      subjectId: network.id,
      data: { requestId: request.id, userId: request.userId },
    });
    // Declines stay between the coordinators and the requester: the feed does not name them.
    await recordActivity(tx, {
      networkId: network.id,
      actorId: actor.id,
      verb: approve ? "joinRequest.approved" : "joinRequest.declined",
      subjectType: "joinRequest",
      subjectId: request.id,
      summary: approve ? request.name : "",
    });
    const result: MemberMail = {
      kind: approve ? "joinApproved" : "joinDeclined",
      to: request.email,
      locale: request.locale ?? "de",
      params: { network: network.name, slug: network.slug, name: request.name },
    };
    return result;
  });
  await sendAll([mail]);
  return { decision: data.decision };
}

// ---------------------------------------------------------------------------------------------
// Roles, removal, leaving
// ---------------------------------------------------------------------------------------------

export async function changeMemberRole({ actor, input }: Command): Promise<{ role: NetworkRole }> {
  assertSignedIn(actor);
  const data = parseInput(ZChangeMemberRole, input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { network, context } = await networkAccess(tx, actor, data.network);
    assertCanInNetwork(actor, context, "members.changeRole");
    await lockNetwork(tx, network.id);
    const members = await membersOf(tx, network.id);
    const target = members.find((m) => m.userId === data.userId);
    if (!target) throw new AppError("not_found", "Not a member of this network");
    if (target.role === data.role) return;
    const demoting = target.role === "coordinator" && data.role === "member";
    await handOver(tx, { networkId: network.id, actorId: actor.id, members, leaving: target, successorId: data.successorId, endsCoordinatorRole: demoting });
    await tx
      .update(networkMembers)
      .set({ role: data.role })
      .where(and(eq(networkMembers.networkId, network.id), eq(networkMembers.userId, target.userId)));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "network.member_role_changed",
      subjectType: "network",
      subjectId: network.id,
      data: { userId: target.userId, from: target.role, to: data.role },
    });
    await recordActivity(tx, {
      networkId: network.id,
      actorId: actor.id,
      verb: demoting ? "member.demoted" : "member.promoted",
      subjectType: "user",
      subjectId: target.userId,
      summary: target.name,
    });
  });
  return { role: data.role };
}

export async function removeMember({ actor, input }: Command): Promise<void> {
  assertSignedIn(actor);
  const data = parseInput(ZRemoveMember, input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { network, context } = await networkAccess(tx, actor, data.network);
    assertCanInNetwork(actor, context, "members.remove");
    await lockNetwork(tx, network.id);
    const members = await membersOf(tx, network.id);
    const target = members.find((m) => m.userId === data.userId);
    if (!target) throw new AppError("not_found", "Not a member of this network");
    await handOver(tx, { networkId: network.id, actorId: actor.id, members, leaving: target, successorId: data.successorId, endsCoordinatorRole: true });
    await tx.delete(networkMembers).where(and(eq(networkMembers.networkId, network.id), eq(networkMembers.userId, target.userId)));
    await leaveWorkingGroups(tx, network.id, target.userId);
    await recordAudit(tx, { actorId: actor.id, action: "network.member_removed", subjectType: "network", subjectId: network.id, data: { userId: target.userId, role: target.role } });
    await recordActivity(tx, { networkId: network.id, actorId: actor.id, verb: "member.removed", subjectType: "user", subjectId: target.userId, summary: target.name });
  });
}

export async function leaveNetwork({ actor, input }: Command): Promise<void> {
  assertSignedIn(actor);
  const data = parseInput(ZLeaveNetwork, input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { network, context } = await networkAccess(tx, actor, data.network);
    assertCanInNetwork(actor, context, "network.leave");
    await lockNetwork(tx, network.id);
    const members = await membersOf(tx, network.id);
    const me = members.find((m) => m.userId === actor.id);
    if (!me) throw new AppError("not_found", "Not a member of this network");
    await handOver(tx, { networkId: network.id, actorId: actor.id, members, leaving: me, successorId: data.successorId, endsCoordinatorRole: true });
    await tx.delete(networkMembers).where(and(eq(networkMembers.networkId, network.id), eq(networkMembers.userId, actor.id)));
    await leaveWorkingGroups(tx, network.id, actor.id);
    await recordAudit(tx, { actorId: actor.id, action: "network.member_left", subjectType: "network", subjectId: network.id, data: { role: me.role } });
    await recordActivity(tx, { networkId: network.id, actorId: actor.id, verb: "member.left", subjectType: "user", subjectId: actor.id, summary: me.name });
  });
}

/** Muting is a personal preference: audited, but not announced in the network's feed. */
export async function setAnnouncementsMuted({ actor, input }: Command): Promise<{ muted: boolean }> {
  assertSignedIn(actor);
  const data = parseInput(ZSetAnnouncementsMuted, input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { network, context } = await networkAccess(tx, actor, data.network);
    assertCanInNetwork(actor, context, "announcement.mute");
    await tx
      .update(networkMembers)
      .set({ announcementsMuted: data.muted })
      .where(and(eq(networkMembers.networkId, network.id), eq(networkMembers.userId, actor.id)));
    await recordAudit(tx, {
      actorId: actor.id,
      action: data.muted ? "network.announcements_muted" : "network.announcements_unmuted",
      subjectType: "network",
      subjectId: network.id,
    });
  });
  return { muted: data.muted };
}
