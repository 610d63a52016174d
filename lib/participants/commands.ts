import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { getDb, type DbOrTx, type Tx } from "@/db/client";
import { networkMembers, problems, thinkTankInvitations, thinkTankParticipants, thinkTankProblems, thinkTanks, users, type Locale, type ThinkTank, type ThinkTankRole } from "@/db/schema";
import { recordAudit } from "@/lib/audit/commands";
import { hashPassword } from "@/lib/auth/password";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { AppError } from "@/lib/errors";
import { sendMail } from "@/lib/mail/send";
import { assertCanInThinkTank, assertSignedIn, type Actor } from "@/lib/policy";
import { emitToRoom, rooms } from "@/lib/realtime/emit";
import { lockThinkTank, thinkTankAccess, thinkTankIdOf } from "@/lib/think-tanks/access";
import { parseInput } from "@/lib/validation";
import { composeParticipantMail, type ParticipantMail } from "./mail";
import { invitationExpiry, sameEmail, thinkTankInvitationState, wouldLoseLastModerator } from "./rules";
import {
  ZAcceptWithSignUp,
  ZAddParticipant,
  ZChangeParticipantRole,
  ZInvitationToken,
  ZInviteToThinkTank,
  ZRemoveParticipant,
  ZThinkTankInvitationRef,
} from "./schemas";

/*
 * Who takes part in a think-tank. Every command resolves the think-tank through thinkTankAccess
 * (whoever may not see it gets `not_found`), checks the think-tank policy, validates, and writes
 * in one transaction with its audit entry; mails go out after the commit.
 */

type Command = { actor: Actor | null; input: unknown };




async function participantsOf(tx: DbOrTx, thinkTankId: string) {
  return tx
    .select({ userId: thinkTankParticipants.userId, role: thinkTankParticipants.role, name: users.name, email: users.email, locale: users.locale })
    .from(thinkTankParticipants)
    .innerJoin(users, eq(users.id, thinkTankParticipants.userId))
    .where(eq(thinkTankParticipants.thinkTankId, thinkTankId));
}

async function userById(tx: DbOrTx, id: string) {
  const [row] = await tx
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, id));
  return row ?? null;
}

/** Network delegates represent an origin network: they must be members of one. */
export async function isOriginNetworkMember(tx: DbOrTx, thinkTankId: string, userId: string): Promise<boolean> {
  const origin = tx
    .select({ networkId: problems.networkId })
    .from(thinkTankProblems)
    .innerJoin(problems, eq(problems.id, thinkTankProblems.problemId))
    .where(eq(thinkTankProblems.thinkTankId, thinkTankId));
  const [row] = await tx
    .select({ userId: networkMembers.userId })
    .from(networkMembers)
    .where(and(eq(networkMembers.userId, userId), inArray(networkMembers.networkId, origin)))
    .limit(1);
  return Boolean(row);
}

async function assertDelegateAllowed(tx: DbOrTx, thinkTankId: string, userId: string | null, role: ThinkTankRole, field: string): Promise<void> {
  if (role !== "delegate") return;
  if (!userId || !(await isOriginNetworkMember(tx, thinkTankId, userId))) {
    throw new AppError("invalid_input", "Delegates must be members of an origin network", { fields: { [field]: ["delegateNotMember"] } });
  }
}

async function sendAll(mails: ParticipantMail[]): Promise<void> {
  for (const mail of mails) await sendMail(composeParticipantMail(mail));
}

function announce(thinkTankId: string): void {
  emitToRoom(rooms.thinkTank(thinkTankId), "participants:update", { thinkTankId });
}

// ---------------------------------------------------------------------------------------------
// Existing people: add, change role, remove, leave
// ---------------------------------------------------------------------------------------------

/** A moderator adds an existing person (found through the knowledge-giver search) with a role. */
export async function addParticipant({ actor, input }: Command): Promise<{ userId: string; role: ThinkTankRole }> {
  assertSignedIn(actor);
  const thinkTankId = thinkTankIdOf(input);
  const db = await getDb();
  const { mail, result } = await db.transaction(async (tx) => {
    const { thinkTank, context } = await thinkTankAccess(tx, actor, thinkTankId);
    assertCanInThinkTank(actor, context, "participants.invite");
    const data = parseInput(ZAddParticipant, input);
    await lockThinkTank(tx, thinkTank.id);
    const person = await userById(tx, data.userId);
    if (!person || person.disabledAt) throw new AppError("invalid_input", "Unknown person", { fields: { userId: ["personUnknown"] } });
    const [existing] = await tx
      .select({ role: thinkTankParticipants.role })
      .from(thinkTankParticipants)
      .where(and(eq(thinkTankParticipants.thinkTankId, thinkTank.id), eq(thinkTankParticipants.userId, person.id)));
    if (existing) throw new AppError("conflict", "Already a participant", { fields: { userId: ["alreadyParticipant"] } });
    await assertDelegateAllowed(tx, thinkTank.id, person.id, data.role, "role");
    await tx.insert(thinkTankParticipants).values({ thinkTankId: thinkTank.id, userId: person.id, role: data.role, invitedById: actor.id });
    await recordAudit(tx, { actorId: actor.id, action: "thinkTank.participant_added", subjectType: "think_tank", subjectId: thinkTank.id, data: { userId: person.id, role: data.role } });
    const inviter = await userById(tx, actor.id);
    const mail: ParticipantMail = {
      kind: "added",
      to: person.email,
      locale: person.locale ?? "de",
      params: { thinkTank: thinkTank.title, question: thinkTank.question, inviter: inviter?.name ?? "Netzwerkstatt", role: data.role, thinkTankId: thinkTank.id },
    };
    return { mail, result: { userId: person.id, role: data.role } };
  });
  await sendAll([mail]);
  announce(thinkTankId);
  return result;
}

export async function changeParticipantRole({ actor, input }: Command): Promise<{ userId: string; from: ThinkTankRole; to: ThinkTankRole }> {
  assertSignedIn(actor);
  const thinkTankId = thinkTankIdOf(input);
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    const { thinkTank, context } = await thinkTankAccess(tx, actor, thinkTankId);
    assertCanInThinkTank(actor, context, "participants.changeRole");
    const data = parseInput(ZChangeParticipantRole, input);
    await lockThinkTank(tx, thinkTank.id);
    const participants = await participantsOf(tx, thinkTank.id);
    const target = participants.find((p) => p.userId === data.userId);
    if (!target) throw new AppError("not_found", "Not a participant");
    if (target.role === data.role) return { userId: target.userId, from: target.role, to: data.role };
    if (wouldLoseLastModerator(participants, target.userId, data.role)) {
      throw new AppError("conflict", "The last moderator keeps the role", { fields: { role: ["lastModerator"] } });
    }
    await assertDelegateAllowed(tx, thinkTank.id, target.userId, data.role, "role");
    await tx
      .update(thinkTankParticipants)
      .set({ role: data.role })
      .where(and(eq(thinkTankParticipants.thinkTankId, thinkTank.id), eq(thinkTankParticipants.userId, target.userId)));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "thinkTank.participant_role_changed",
      subjectType: "think_tank",
      subjectId: thinkTank.id,
      data: { userId: target.userId, from: target.role, to: data.role },
    });
    return { userId: target.userId, from: target.role, to: data.role };
  });
  announce(thinkTankId);
  return result;
}

export async function removeParticipant({ actor, input }: Command): Promise<void> {
  assertSignedIn(actor);
  const thinkTankId = thinkTankIdOf(input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { thinkTank, context } = await thinkTankAccess(tx, actor, thinkTankId);
    assertCanInThinkTank(actor, context, "participants.remove");
    const data = parseInput(ZRemoveParticipant, input);
    await lockThinkTank(tx, thinkTank.id);
    const participants = await participantsOf(tx, thinkTank.id);
    const target = participants.find((p) => p.userId === data.userId);
    if (!target) throw new AppError("not_found", "Not a participant");
    if (wouldLoseLastModerator(participants, target.userId, null)) {
      throw new AppError("conflict", "The last moderator cannot be removed", { fields: { userId: ["lastModerator"] } });
    }
    await tx.delete(thinkTankParticipants).where(and(eq(thinkTankParticipants.thinkTankId, thinkTank.id), eq(thinkTankParticipants.userId, target.userId)));
    await recordAudit(tx, { actorId: actor.id, action: "thinkTank.participant_removed", subjectType: "think_tank", subjectId: thinkTank.id, data: { userId: target.userId, role: target.role } });
  });
  announce(thinkTankId);
}

/** Knowledge-givers, delegates and observers may leave; moderators hand over first (policy). */
export async function leaveThinkTank({ actor, input }: Command): Promise<void> {
  assertSignedIn(actor);
  const thinkTankId = thinkTankIdOf(input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { thinkTank, context } = await thinkTankAccess(tx, actor, thinkTankId);
    assertCanInThinkTank(actor, context, "thinkTank.leave");
    await tx.delete(thinkTankParticipants).where(and(eq(thinkTankParticipants.thinkTankId, thinkTank.id), eq(thinkTankParticipants.userId, actor.id)));
    await recordAudit(tx, { actorId: actor.id, action: "thinkTank.participant_left", subjectType: "think_tank", subjectId: thinkTank.id, data: { role: context.thinkTankRole } });
  });
  announce(thinkTankId);
}

// ---------------------------------------------------------------------------------------------
// E-mail invitations of new people
// ---------------------------------------------------------------------------------------------

async function recipientLocale(tx: DbOrTx, email: string): Promise<Locale> {
  const [row] = await tx.select({ locale: users.locale }).from(users).where(eq(users.email, email));
  return row?.locale ?? "de";
}

async function userIdByEmail(tx: DbOrTx, email: string): Promise<string | null> {
  const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row?.id ?? null;
}

function invitationMail(thinkTank: ThinkTank, params: { email: string; locale: Locale; inviter: string; role: ThinkTankRole; token: string; expiresAt: Date; message: string }): ParticipantMail {
  return {
    kind: "invitation",
    to: params.email,
    locale: params.locale,
    params: { thinkTank: thinkTank.title, question: thinkTank.question, inviter: params.inviter, role: params.role, token: params.token, expiresAt: params.expiresAt, message: params.message },
  };
}

export async function inviteToThinkTank({ actor, input }: Command): Promise<{ invitationId: string; token: string }> {
  assertSignedIn(actor);
  const thinkTankId = thinkTankIdOf(input);
  const db = await getDb();
  const { mail, invitationId, token } = await db.transaction(async (tx) => {
    const { thinkTank, context } = await thinkTankAccess(tx, actor, thinkTankId);
    assertCanInThinkTank(actor, context, "participants.invite");
    const data = parseInput(ZInviteToThinkTank, input);
    await lockThinkTank(tx, thinkTank.id);
    const existingUserId = await userIdByEmail(tx, data.email);
    if (existingUserId) {
      const [participant] = await tx
        .select({ role: thinkTankParticipants.role })
        .from(thinkTankParticipants)
        .where(and(eq(thinkTankParticipants.thinkTankId, thinkTank.id), eq(thinkTankParticipants.userId, existingUserId)));
      if (participant) throw new AppError("conflict", "Already a participant", { fields: { email: ["alreadyParticipant"] } });
    }
    // A new person cannot be a member of an origin network yet, so cannot be invited as its delegate.
    await assertDelegateAllowed(tx, thinkTank.id, existingUserId, data.role, "role");
    const open = await tx
      .select()
      .from(thinkTankInvitations)
      .where(and(eq(thinkTankInvitations.thinkTankId, thinkTank.id), eq(thinkTankInvitations.email, data.email), isNull(thinkTankInvitations.acceptedAt), isNull(thinkTankInvitations.revokedAt)));
    if (open.some((i) => thinkTankInvitationState(i) === "valid")) {
      throw new AppError("conflict", "Already invited", { fields: { email: ["alreadyInvited"] } });
    }
    const inviter = await userById(tx, actor.id);
    const { token, hash } = newToken();
    const expiresAt = invitationExpiry();
    const [row] = await tx
      .insert(thinkTankInvitations)
      .values({ thinkTankId: thinkTank.id, email: data.email, role: data.role, message: data.message, tokenHash: hash, invitedById: actor.id, expiresAt })
      .returning({ id: thinkTankInvitations.id });
    if (!row) throw new Error("invitation insert returned nothing");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "thinkTank.invitation_sent",
      subjectType: "think_tank",
      subjectId: thinkTank.id,
      data: { invitationId: row.id, email: data.email, role: data.role },
    });
    const mail = invitationMail(thinkTank, {
      email: data.email,
      locale: await recipientLocale(tx, data.email),
      inviter: inviter?.name ?? "Netzwerkstatt",
      role: data.role,
      token,
      expiresAt,
      message: data.message,
    });
    return { mail, invitationId: row.id, token };
  });
  await sendAll([mail]);
  return { invitationId, token };
}

async function openInvitation(tx: Tx, thinkTankId: string, invitationId: string) {
  const [invitation] = await tx
    .select()
    .from(thinkTankInvitations)
    .where(and(eq(thinkTankInvitations.id, invitationId), eq(thinkTankInvitations.thinkTankId, thinkTankId)))
    .for("update");
  if (!invitation) throw new AppError("not_found", "Invitation not found");
  const state = thinkTankInvitationState(invitation);
  // Expired and declined invitations can still be resent or revoked; used and revoked ones are final.
  if (state === "accepted" || state === "revoked") {
    throw new AppError("conflict", `Invitation ${state}`, { fields: { invitationId: [state === "accepted" ? "invitationUsed" : "invitationRevoked"] } });
  }
  return invitation;
}

/** A new link replaces the old one (which stops working) and the 14 days start again. */
export async function resendThinkTankInvitation({ actor, input }: Command): Promise<{ token: string }> {
  assertSignedIn(actor);
  const thinkTankId = thinkTankIdOf(input);
  const db = await getDb();
  const { mail, token } = await db.transaction(async (tx) => {
    const { thinkTank, context } = await thinkTankAccess(tx, actor, thinkTankId);
    assertCanInThinkTank(actor, context, "participants.invite");
    const data = parseInput(ZThinkTankInvitationRef, input);
    const invitation = await openInvitation(tx, thinkTank.id, data.invitationId);
    const inviter = await userById(tx, actor.id);
    const { token, hash } = newToken();
    const expiresAt = invitationExpiry();
    await tx
      .update(thinkTankInvitations)
      .set({ tokenHash: hash, expiresAt, invitedById: actor.id, declinedAt: null, sentAt: new Date() })
      .where(eq(thinkTankInvitations.id, invitation.id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "thinkTank.invitation_resent",
      subjectType: "think_tank",
      subjectId: thinkTank.id,
      data: { invitationId: invitation.id, email: invitation.email },
    });
    const mail = invitationMail(thinkTank, {
      email: invitation.email,
      locale: await recipientLocale(tx, invitation.email),
      inviter: inviter?.name ?? "Netzwerkstatt",
      role: invitation.role,
      token,
      expiresAt,
      message: invitation.message,
    });
    return { mail, token };
  });
  await sendAll([mail]);
  return { token };
}

export async function revokeThinkTankInvitation({ actor, input }: Command): Promise<void> {
  assertSignedIn(actor);
  const thinkTankId = thinkTankIdOf(input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { thinkTank, context } = await thinkTankAccess(tx, actor, thinkTankId);
    assertCanInThinkTank(actor, context, "participants.invite");
    const data = parseInput(ZThinkTankInvitationRef, input);
    const invitation = await openInvitation(tx, thinkTank.id, data.invitationId);
    await tx.update(thinkTankInvitations).set({ revokedAt: new Date() }).where(eq(thinkTankInvitations.id, invitation.id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "thinkTank.invitation_revoked",
      subjectType: "think_tank",
      subjectId: thinkTank.id,
      data: { invitationId: invitation.id, email: invitation.email },
    });
  });
}

/** The invitation behind a link, locked; anything but a valid one is `token_invalid` with the reason. */
async function validInvitation(tx: Tx, token: string) {
  const [invitation] = await tx.select().from(thinkTankInvitations).where(eq(thinkTankInvitations.tokenHash, hashToken(token))).for("update");
  if (!invitation) throw new AppError("token_invalid", "Unknown invitation", { fields: { token: ["invitationUnknown"] } });
  const state = thinkTankInvitationState(invitation);
  if (state !== "valid") {
    const key = { accepted: "invitationUsed", revoked: "invitationRevoked", expired: "invitationExpired", declined: "invitationDeclined" }[state];
    throw new AppError("token_invalid", `Invitation ${state}`, { fields: { token: [key] } });
  }
  const [thinkTank] = await tx.select().from(thinkTanks).where(eq(thinkTanks.id, invitation.thinkTankId)).for("no key update");
  if (!thinkTank) throw new AppError("token_invalid", "Think-tank gone", { fields: { token: ["invitationUnknown"] } });
  // Concluded and archived think-tanks take nobody new.
  if (!["convening", "active", "paused"].includes(thinkTank.status)) throw new AppError("think_tank_not_open", `The think-tank is ${thinkTank.status}`);
  return { invitation, thinkTank };
}

async function moderatorsToTell(tx: Tx, thinkTankId: string, inviterId: string | null) {
  const people = await participantsOf(tx, thinkTankId);
  const inviter = people.find((p) => p.userId === inviterId && p.role === "moderator");
  // The inviting moderator hears back; if they no longer moderate, every moderator does.
  return inviter ? [inviter] : people.filter((p) => p.role === "moderator");
}

/** Joins the person to the think-tank in the invitation's role, marks it used and tells the moderator. */
async function join(tx: Tx, params: { invitation: typeof thinkTankInvitations.$inferSelect; thinkTank: ThinkTank; userId: string; name: string }): Promise<ParticipantMail[]> {
  const { invitation, thinkTank } = params;
  await assertDelegateAllowed(tx, thinkTank.id, params.userId, invitation.role, "token");
  await tx.update(thinkTankInvitations).set({ acceptedAt: new Date() }).where(eq(thinkTankInvitations.id, invitation.id));
  await tx
    .insert(thinkTankParticipants)
    .values({ thinkTankId: thinkTank.id, userId: params.userId, role: invitation.role, invitedById: invitation.invitedById })
    .onConflictDoNothing();
  await recordAudit(tx, {
    actorId: params.userId,
    action: "thinkTank.invitation_accepted",
    subjectType: "think_tank",
    subjectId: thinkTank.id,
    data: { invitationId: invitation.id, role: invitation.role },
  });
  return (await moderatorsToTell(tx, thinkTank.id, invitation.invitedById)).map((m) => ({
    kind: "accepted" as const,
    to: m.email,
    locale: m.locale ?? "de",
    params: { thinkTank: thinkTank.title, person: params.name, role: invitation.role, thinkTankId: thinkTank.id },
  }));
}

/**
 * A signed-in person accepts. The token proves the invitation reached that mailbox; the account
 * must also have that address, so a forwarded link does not let somebody else in.
 */
export async function acceptThinkTankInvitation({ actor, input }: Command): Promise<{ thinkTankId: string }> {
  assertSignedIn(actor);
  const data = parseInput(ZInvitationToken, input);
  const db = await getDb();
  const { thinkTankId, mails } = await db.transaction(async (tx) => {
    const { invitation, thinkTank } = await validInvitation(tx, data.token);
    const me = await userById(tx, actor.id);
    if (!me) throw new AppError("unauthenticated", "Unknown user");
    if (!sameEmail(invitation.email, me.email)) {
      throw new AppError("forbidden", "Invitation is for another e-mail address", { fields: { token: ["invitationWrongEmail"] } });
    }
    const mails = await join(tx, { invitation, thinkTank, userId: me.id, name: me.name });
    return { thinkTankId: thinkTank.id, mails };
  });
  await sendAll(mails);
  announce(thinkTankId);
  return { thinkTankId };
}

/**
 * A new person accepts: the account is created with the invitation's address (verified by the
 * token) in the same transaction as the participation, so a failure leaves neither behind.
 */
export async function acceptThinkTankInvitationWithSignUp({ input, locale }: { input: unknown; locale: Locale }): Promise<{ thinkTankId: string; email: string }> {
  const data = parseInput(ZAcceptWithSignUp, input);
  const passwordHash = await hashPassword(data.password);
  const db = await getDb();
  const { thinkTankId, email, mails } = await db.transaction(async (tx) => {
    const { invitation, thinkTank } = await validInvitation(tx, data.token);
    if (await userIdByEmail(tx, invitation.email)) {
      throw new AppError("email_taken", "An account with this address exists: sign in instead", { fields: { name: ["accountExists"] } });
    }
    const [user] = await tx
      .insert(users)
      .values({ name: data.name, email: invitation.email, passwordHash, locale, emailVerified: new Date() })
      .returning({ id: users.id, name: users.name, email: users.email });
    if (!user) throw new Error("user insert returned nothing");
    await recordAudit(tx, { actorId: user.id, action: "user.signed_up", subjectType: "user", subjectId: user.id, data: { via: "thinkTankInvitation" } });
    const mails = await join(tx, { invitation, thinkTank, userId: user.id, name: user.name });
    return { thinkTankId: thinkTank.id, email: user.email, mails };
  });
  await sendAll(mails);
  announce(thinkTankId);
  return { thinkTankId, email };
}

/** One click, no account needed: the link itself is the proof. The moderator hears about it. */
export async function declineThinkTankInvitation({ actor, input }: Command): Promise<{ thinkTankTitle: string }> {
  const data = parseInput(ZInvitationToken, input);
  const db = await getDb();
  const { mails, title } = await db.transaction(async (tx) => {
    const [invitation] = await tx.select().from(thinkTankInvitations).where(eq(thinkTankInvitations.tokenHash, hashToken(data.token))).for("update");
    if (!invitation) throw new AppError("token_invalid", "Unknown invitation", { fields: { token: ["invitationUnknown"] } });
    const state = thinkTankInvitationState(invitation);
    if (state !== "valid") {
      const key = { accepted: "invitationUsed", revoked: "invitationRevoked", expired: "invitationExpired", declined: "invitationDeclined" }[state];
      throw new AppError("token_invalid", `Invitation ${state}`, { fields: { token: [key] } });
    }
    const [thinkTank] = await tx.select().from(thinkTanks).where(eq(thinkTanks.id, invitation.thinkTankId));
    if (!thinkTank) throw new AppError("token_invalid", "Think-tank gone", { fields: { token: ["invitationUnknown"] } });
    await tx.update(thinkTankInvitations).set({ declinedAt: new Date() }).where(eq(thinkTankInvitations.id, invitation.id));
    await recordAudit(tx, {
      actorId: actor?.id ?? null,
      action: "thinkTank.invitation_declined",
      subjectType: "think_tank",
      subjectId: thinkTank.id,
      data: { invitationId: invitation.id, email: invitation.email },
    });
    const mails: ParticipantMail[] = (await moderatorsToTell(tx, thinkTank.id, invitation.invitedById)).map((m) => ({
      kind: "declined",
      to: m.email,
      locale: m.locale ?? "de",
      params: { thinkTank: thinkTank.title, person: invitation.email, role: invitation.role, thinkTankId: thinkTank.id },
    }));
    return { mails, title: thinkTank.title };
  });
  await sendAll(mails);
  return { thinkTankTitle: title };
}
