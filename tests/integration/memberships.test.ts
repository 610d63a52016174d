import { and, count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { networkActivity, networkInvitations, networkJoinRequests, networkMembers, networks, users, workingGroupMembers, workingGroups } from "@/db/schema";
import { activityFeed } from "@/lib/activity/queries";
import {
  acceptInvitation,
  changeMemberRole,
  decideJoinRequest,
  inviteMember,
  leaveNetwork,
  removeMember,
  requestToJoin,
  resendInvitation,
  revokeInvitation,
  setAnnouncementsMuted,
  withdrawJoinRequest,
} from "@/lib/memberships/commands";
import { invitationByToken, joinStatus, membersPage, pendingForUser } from "@/lib/memberships/queries";
import { testDriver, withTestDatabase } from "../support/database";
import { envPerTest } from "../support/env";
import { actorOf, auditEntries, createNetwork, createUser, outboxFor, uniqueEmail } from "../support/factories";
import { appError } from "../support/errors";

const t = withTestDatabase();
const setEnv = envPerTest();

beforeEach(() => {
  vi.spyOn(console, "info").mockImplementation(() => {});
  setEnv({ SMTP_URL: undefined, APP_URL: "https://nzw.example" });
});


/** A network with one coordinator and one member (and optionally more people). */
async function setup() {
  const coordinator = await createUser({ name: "Klara Koch" });
  const member = await createUser({ name: "Mehmet Demir" });
  const network = await createNetwork({
    name: "BiNet Test",
    members: [
      { userId: coordinator.id, role: "coordinator" },
      { userId: member.id, role: "member" },
    ],
  });
  return { coordinator, member, network, c: actorOf(coordinator), m: actorOf(member) };
}

async function roleOf(networkId: string, userId: string) {
  const [row] = await t.db
    .select({ role: networkMembers.role })
    .from(networkMembers)
    .where(and(eq(networkMembers.networkId, networkId), eq(networkMembers.userId, userId)));
  return row?.role ?? null;
}

async function activityVerbs(networkId: string) {
  const rows = await t.db.select({ verb: networkActivity.verb }).from(networkActivity).where(eq(networkActivity.networkId, networkId)).orderBy(networkActivity.id);
  return rows.map((r) => r.verb);
}

function tokenFromMail(text: string): string {
  const match = /\/invitations\/([A-Za-z0-9_-]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no invitation link in ${text}`);
  return match[1];
}

describe(`invitations (${testDriver()})`, () => {
  it("a coordinator invites by e-mail: hashed single-use token, 14 days, a mail naming network and inviter, audit and activity", async () => {
    const { network, c } = await setup();
    const email = uniqueEmail("invitee");
    const before = Date.now();
    const { invitationId, token } = await inviteMember({ actor: c, input: { network: network.slug, email: email.toUpperCase(), role: "member" } });
    const [row] = await t.db.select().from(networkInvitations).where(eq(networkInvitations.id, invitationId));
    expect(row).toMatchObject({ email, role: "member", acceptedAt: null, revokedAt: null, invitedById: c.id });
    expect(row?.tokenHash).not.toContain(token);
    const days = ((row?.expiresAt.getTime() ?? 0) - before) / 86_400_000;
    expect(days).toBeGreaterThan(13.99);
    expect(days).toBeLessThan(14.01);

    const [mail] = await outboxFor(email);
    expect(mail?.subject).toBe("Einladung in das Netzwerk BiNet Test");
    expect(mail?.text).toContain("Klara Koch");
    expect(mail?.text).toContain(`https://nzw.example/invitations/${token}`);
    expect(tokenFromMail(mail?.text ?? "")).toBe(token);

    expect(await auditEntries({ action: "network.member_invited", subjectId: network.id })).toHaveLength(1);
    expect(await activityVerbs(network.id)).toEqual(["invitation.sent"]);
  });

  it("accepting makes the invitee a member once; the link then says it was used", async () => {
    const { network, c } = await setup();
    const invitee = await createUser({ email: uniqueEmail("acc"), name: "Ina Invited" });
    const { token, invitationId } = await inviteMember({ actor: c, input: { network: network.id, email: invitee.email, role: "coordinator" } });

    expect(await invitationByToken(token, null)).toMatchObject({ state: "valid", email: invitee.email, role: "coordinator", inviter: "Klara Koch", viewer: null });
    expect(await invitationByToken(token, actorOf(invitee))).toMatchObject({ viewer: { emailMatches: true, isMember: false } });

    const result = await acceptInvitation({ actor: actorOf(invitee), input: { token } });
    expect(result.networkSlug).toBe(network.slug);
    expect(await roleOf(network.id, invitee.id)).toBe("coordinator");
    const [inv] = await t.db.select().from(networkInvitations).where(eq(networkInvitations.id, invitationId));
    expect(inv?.acceptedAt).toBeInstanceOf(Date);
    expect(await auditEntries({ action: "network.invitation_accepted", subjectId: network.id })).toEqual([expect.objectContaining({ actorId: invitee.id })]);
    expect(await activityVerbs(network.id)).toEqual(["invitation.sent", "member.joined"]);

    const again = await appError(acceptInvitation({ actor: actorOf(invitee), input: { token } }));
    expect(again).toMatchObject({ code: "token_invalid", fields: { token: ["invitationUsed"] } });
    expect(await invitationByToken(token, null)).toMatchObject({ state: "accepted" });
    const [n] = await t.db.select({ n: count() }).from(networkMembers).where(eq(networkMembers.networkId, network.id));
    expect(n?.n).toBe(3);
  });

  it("refuses an account with another e-mail address and changes nothing", async () => {
    const { network, c } = await setup();
    const { token, invitationId } = await inviteMember({ actor: c, input: { network: network.id, email: uniqueEmail("someone"), role: "member" } });
    const other = await createUser({ email: uniqueEmail("other") });
    expect(await invitationByToken(token, actorOf(other))).toMatchObject({ viewer: { emailMatches: false } });
    const error = await appError(acceptInvitation({ actor: actorOf(other), input: { token } }));
    expect(error).toMatchObject({ code: "forbidden", fields: { token: ["invitationWrongEmail"] } });
    expect(await roleOf(network.id, other.id)).toBeNull();
    const [inv] = await t.db.select().from(networkInvitations).where(eq(networkInvitations.id, invitationId));
    expect(inv?.acceptedAt).toBeNull();
  });

  it("refuses an expired invitation, a revoked one and an unknown token", async () => {
    const { network, c } = await setup();
    const invitee = await createUser({ email: uniqueEmail("late") });
    const expired = await inviteMember({ actor: c, input: { network: network.id, email: invitee.email, role: "member" } });
    await t.db.update(networkInvitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(networkInvitations.id, expired.invitationId));
    expect(await appError(acceptInvitation({ actor: actorOf(invitee), input: { token: expired.token } }))).toMatchObject({
      code: "token_invalid",
      fields: { token: ["invitationExpired"] },
    });
    expect(await invitationByToken(expired.token, null)).toMatchObject({ state: "expired" });

    const revoked = await inviteMember({ actor: c, input: { network: network.id, email: invitee.email, role: "member" } });
    await revokeInvitation({ actor: c, input: { network: network.id, invitationId: revoked.invitationId } });
    expect(await appError(acceptInvitation({ actor: actorOf(invitee), input: { token: revoked.token } }))).toMatchObject({
      code: "token_invalid",
      fields: { token: ["invitationRevoked"] },
    });
    expect(await invitationByToken(revoked.token, null)).toMatchObject({ state: "revoked" });
    expect(await activityVerbs(network.id)).toContain("invitation.revoked");
    expect(await auditEntries({ action: "network.invitation_revoked", subjectId: network.id })).toHaveLength(1);

    expect(await appError(acceptInvitation({ actor: actorOf(invitee), input: { token: "x".repeat(43) } }))).toMatchObject({ code: "token_invalid" });
    expect(await invitationByToken("x".repeat(43), null)).toEqual({ state: "unknown" });
    expect(await roleOf(network.id, invitee.id)).toBeNull();
  });

  it("resending replaces the link: the old token stops working, the new one works", async () => {
    const { network, c } = await setup();
    const invitee = await createUser({ email: uniqueEmail("resend") });
    const first = await inviteMember({ actor: c, input: { network: network.id, email: invitee.email, role: "member" } });
    const { token } = await resendInvitation({ actor: c, input: { network: network.id, invitationId: first.invitationId } });
    expect(token).not.toBe(first.token);
    expect(await outboxFor(invitee.email)).toHaveLength(2);
    expect(await appError(acceptInvitation({ actor: actorOf(invitee), input: { token: first.token } }))).toMatchObject({ code: "token_invalid" });
    await acceptInvitation({ actor: actorOf(invitee), input: { token } });
    expect(await roleOf(network.id, invitee.id)).toBe("member");
  });

  it("refuses to invite a member or an address with a valid invitation, and bad input, writing nothing", async () => {
    const { network, c, member } = await setup();
    expect(await appError(inviteMember({ actor: c, input: { network: network.id, email: member.email, role: "member" } }))).toMatchObject({
      code: "conflict",
      fields: { email: ["alreadyMember"] },
    });
    const email = uniqueEmail("twice");
    await inviteMember({ actor: c, input: { network: network.id, email, role: "member" } });
    expect(await appError(inviteMember({ actor: c, input: { network: network.id, email, role: "member" } }))).toMatchObject({
      fields: { email: ["alreadyInvited"] },
    });
    expect(await appError(inviteMember({ actor: c, input: { network: network.id, email: "nope", role: "boss" } }))).toMatchObject({
      code: "invalid_input",
      fields: { email: ["email"], role: ["invalidChoice"] },
    });
    const rows = await t.db.select().from(networkInvitations).where(eq(networkInvitations.networkId, network.id));
    expect(rows).toHaveLength(1);
  });

  it("only coordinators and admins invite; members get forbidden, outsiders not_found, paused networks network_not_active", async () => {
    const { network, m } = await setup();
    const outsider = await createUser();
    const admin = await createUser({ role: "admin" });
    const input = { network: network.id, email: uniqueEmail("x"), role: "member" };
    expect(await appError(inviteMember({ actor: m, input }))).toMatchObject({ code: "forbidden" });
    expect(await appError(inviteMember({ actor: actorOf(outsider), input }))).toMatchObject({ code: "not_found" });
    expect(await appError(inviteMember({ actor: null, input }))).toMatchObject({ code: "unauthenticated" });
    await inviteMember({ actor: actorOf(admin), input });
    await t.db.update(networks).set({ status: "paused" }).where(eq(networks.id, network.id));
    expect(await appError(inviteMember({ actor: actorOf(admin), input: { ...input, email: uniqueEmail("y") } }))).toMatchObject({ code: "network_not_active" });
  });

  it("lists the actor's pending invitations and lets a verified account accept by id", async () => {
    const { network, c } = await setup();
    const invitee = await createUser({ email: uniqueEmail("mine") });
    const { invitationId } = await inviteMember({ actor: c, input: { network: network.id, email: invitee.email, role: "member" } });
    const pending = await pendingForUser(actorOf(invitee));
    expect(pending.invitations).toEqual([expect.objectContaining({ id: invitationId, network: "BiNet Test", inviter: "Klara Koch" })]);
    // Somebody else cannot use the id.
    const other = await createUser();
    expect(await appError(acceptInvitation({ actor: actorOf(other), input: { invitationId } }))).toMatchObject({ code: "not_found" });
    // An unverified address must use the link.
    await t.db.update(users).set({ emailVerified: null }).where(eq(users.id, invitee.id));
    expect(await appError(acceptInvitation({ actor: actorOf(invitee), input: { invitationId } }))).toMatchObject({ code: "forbidden", fields: { token: ["emailNotVerified"] } });
    await t.db.update(users).set({ emailVerified: new Date() }).where(eq(users.id, invitee.id));
    await acceptInvitation({ actor: actorOf(invitee), input: { invitationId } });
    expect(await roleOf(network.id, invitee.id)).toBe("member");
    expect((await pendingForUser(actorOf(invitee))).invitations).toEqual([]);
  });
});

describe(`join requests (${testDriver()})`, () => {
  it("a non-member asks to join; coordinators are mailed; approval makes a member and mails the requester", async () => {
    const { network, c, coordinator } = await setup();
    const requester = await createUser({ name: "Rita Request", email: uniqueEmail("req") });
    expect(await joinStatus(actorOf(requester), network.slug)).toEqual({ status: "open", slug: network.slug });
    const { requestId } = await requestToJoin({ actor: actorOf(requester), input: { network: network.slug, message: "Ich arbeite an einer Grundschule." } });
    expect(await joinStatus(actorOf(requester), network.slug)).toMatchObject({ status: "pending" });
    expect((await outboxFor(coordinator.email)).map((m) => m.subject)).toEqual(["Neue Beitrittsanfrage für BiNet Test"]);
    expect(await appError(requestToJoin({ actor: actorOf(requester), input: { network: network.slug } }))).toMatchObject({
      code: "conflict",
      fields: { message: ["alreadyRequested"] },
    });

    const page = await membersPage(c, network.slug);
    expect(page.joinRequests).toEqual([expect.objectContaining({ id: requestId, name: "Rita Request", message: "Ich arbeite an einer Grundschule." })]);

    await decideJoinRequest({ actor: c, input: { network: network.id, requestId, decision: "approve" } });
    expect(await roleOf(network.id, requester.id)).toBe("member");
    const [req] = await t.db.select().from(networkJoinRequests).where(eq(networkJoinRequests.id, requestId));
    expect(req).toMatchObject({ status: "approved", decidedById: c.id });
    expect((await outboxFor(requester.email)).map((m) => m.subject)).toEqual(["Willkommen im Netzwerk BiNet Test"]);
    expect(await auditEntries({ action: "network.join_approved", subjectId: network.id })).toHaveLength(1);
    expect(await activityVerbs(network.id)).toEqual(["joinRequest.created", "joinRequest.approved"]);
    expect(await joinStatus(actorOf(requester), network.slug)).toMatchObject({ status: "member" });
    // Decided once.
    expect(await appError(decideJoinRequest({ actor: c, input: { network: network.id, requestId, decision: "decline" } }))).toMatchObject({ code: "conflict" });
  });

  it("declining leaves the person outside and mails them; the feed does not name them", async () => {
    const { network, c } = await setup();
    const requester = await createUser({ name: "Dora Declined", email: uniqueEmail("dec") });
    const { requestId } = await requestToJoin({ actor: actorOf(requester), input: { network: network.id } });
    await decideJoinRequest({ actor: c, input: { network: network.id, requestId, decision: "decline" } });
    expect(await roleOf(network.id, requester.id)).toBeNull();
    expect((await outboxFor(requester.email)).map((m) => m.subject)).toEqual(["Ihre Anfrage an BiNet Test"]);
    const [declined] = await t.db.select().from(networkActivity).where(and(eq(networkActivity.networkId, network.id), eq(networkActivity.verb, "joinRequest.declined")));
    expect(declined?.summary).toBe("");
    expect(await auditEntries({ action: "network.join_declined", subjectId: network.id })).toHaveLength(1);
  });

  it("members cannot decide; unlisted networks cannot be asked; members cannot ask; requests can be withdrawn", async () => {
    const { network, m } = await setup();
    const requester = await createUser();
    const { requestId } = await requestToJoin({ actor: actorOf(requester), input: { network: network.id } });
    expect(await appError(decideJoinRequest({ actor: m, input: { network: network.id, requestId, decision: "approve" } }))).toMatchObject({ code: "forbidden" });
    expect(await appError(decideJoinRequest({ actor: actorOf(requester), input: { network: network.id, requestId, decision: "approve" } }))).toMatchObject({
      code: "not_found",
    });
    expect(await appError(requestToJoin({ actor: m, input: { network: network.id } }))).toMatchObject({ code: "conflict", fields: { message: ["alreadyMember"] } });
    expect(await appError(requestToJoin({ actor: null, input: { network: network.id } }))).toMatchObject({ code: "unauthenticated" });

    await withdrawJoinRequest({ actor: actorOf(requester), input: { requestId } });
    const [req] = await t.db.select().from(networkJoinRequests).where(eq(networkJoinRequests.id, requestId));
    expect(req?.status).toBe("withdrawn");

    const hidden = await createNetwork();
    await t.db.update(networks).set({ listed: false }).where(eq(networks.id, hidden.id));
    expect(await appError(requestToJoin({ actor: actorOf(requester), input: { network: hidden.id } }))).toMatchObject({ code: "not_found" });
    expect(await joinStatus(actorOf(requester), hidden.slug)).toBeNull();
    const paused = await createNetwork();
    await t.db.update(networks).set({ status: "paused" }).where(eq(networks.id, paused.id));
    expect(await appError(requestToJoin({ actor: actorOf(requester), input: { network: paused.id } }))).toMatchObject({ code: "network_not_active" });
  });
});

describe(`roles, removal, leaving and the last coordinator (${testDriver()})`, () => {
  it("the last coordinator cannot leave without a successor, and nothing changes", async () => {
    const { network, c, coordinator } = await setup();
    const error = await appError(leaveNetwork({ actor: c, input: { network: network.id } }));
    expect(error).toMatchObject({ code: "last_coordinator", status: 409, fields: { successorId: ["successorRequired"] } });
    expect(await roleOf(network.id, coordinator.id)).toBe("coordinator");
    expect(await activityVerbs(network.id)).toEqual([]);
    expect(await auditEntries({ subjectId: network.id })).toEqual([]);
  });

  it("with a successor, leaving promotes the successor and removes the coordinator in one step", async () => {
    const { network, c, coordinator, member } = await setup();
    const group = (await t.db.insert(workingGroups).values({ networkId: network.id, name: "AK Lesen" }).returning())[0];
    if (!group) throw new Error("no group");
    await t.db.insert(workingGroupMembers).values({ workingGroupId: group.id, userId: coordinator.id });
    await leaveNetwork({ actor: c, input: { network: network.id, successorId: member.id } });
    expect(await roleOf(network.id, coordinator.id)).toBeNull();
    expect(await roleOf(network.id, member.id)).toBe("coordinator");
    expect(await t.db.select().from(workingGroupMembers).where(eq(workingGroupMembers.userId, coordinator.id))).toEqual([]);
    expect(await activityVerbs(network.id)).toEqual(["member.promoted", "member.left"]);
    expect((await auditEntries({ subjectId: network.id })).map((a) => a.action)).toEqual(["network.member_role_changed", "network.member_left"]);
  });

  it("a successor who is not a member is refused and nothing changes", async () => {
    const { network, c, coordinator } = await setup();
    const outsider = await createUser();
    expect(await appError(leaveNetwork({ actor: c, input: { network: network.id, successorId: outsider.id } }))).toMatchObject({
      code: "invalid_input",
      fields: { successorId: ["successorNotMember"] },
    });
    expect(await appError(leaveNetwork({ actor: c, input: { network: network.id, successorId: coordinator.id } }))).toMatchObject({ code: "last_coordinator" });
    expect(await roleOf(network.id, coordinator.id)).toBe("coordinator");
  });

  it("demoting the last coordinator needs a successor; with one both roles change atomically", async () => {
    const { network, c, coordinator, member } = await setup();
    expect(await appError(changeMemberRole({ actor: c, input: { network: network.id, userId: coordinator.id, role: "member" } }))).toMatchObject({
      code: "last_coordinator",
    });
    expect(await roleOf(network.id, coordinator.id)).toBe("coordinator");
    expect(await roleOf(network.id, member.id)).toBe("member");
    await changeMemberRole({ actor: c, input: { network: network.id, userId: coordinator.id, role: "member", successorId: member.id } });
    expect(await roleOf(network.id, coordinator.id)).toBe("member");
    expect(await roleOf(network.id, member.id)).toBe("coordinator");
    expect(await activityVerbs(network.id)).toEqual(["member.promoted", "member.demoted"]);
  });

  it("an admin removing the last coordinator needs a successor too", async () => {
    const { network, coordinator, member } = await setup();
    const admin = actorOf(await createUser({ role: "admin" }));
    expect(await appError(removeMember({ actor: admin, input: { network: network.id, userId: coordinator.id } }))).toMatchObject({ code: "last_coordinator" });
    expect(await roleOf(network.id, coordinator.id)).toBe("coordinator");
    await removeMember({ actor: admin, input: { network: network.id, userId: coordinator.id, successorId: member.id } });
    expect(await roleOf(network.id, coordinator.id)).toBeNull();
    expect(await roleOf(network.id, member.id)).toBe("coordinator");
  });

  it("coordinators promote and remove members; with two coordinators one may step down freely", async () => {
    const { network, c, coordinator, member } = await setup();
    await changeMemberRole({ actor: c, input: { network: network.id, userId: member.id, role: "coordinator" } });
    expect(await roleOf(network.id, member.id)).toBe("coordinator");
    await changeMemberRole({ actor: c, input: { network: network.id, userId: coordinator.id, role: "member" } });
    expect(await roleOf(network.id, coordinator.id)).toBe("member");
    await removeMember({ actor: actorOf(member), input: { network: network.id, userId: coordinator.id } });
    expect(await roleOf(network.id, coordinator.id)).toBeNull();
    expect(await auditEntries({ action: "network.member_removed", subjectId: network.id })).toEqual([
      expect.objectContaining({ actorId: member.id, data: { userId: coordinator.id, role: "member" } }),
    ]);
    expect(await activityVerbs(network.id)).toEqual(["member.promoted", "member.demoted", "member.removed"]);
  });

  it("members cannot change roles or remove others, but can leave", async () => {
    const { network, m, member, coordinator } = await setup();
    expect(await appError(changeMemberRole({ actor: m, input: { network: network.id, userId: member.id, role: "coordinator" } }))).toMatchObject({ code: "forbidden" });
    expect(await appError(removeMember({ actor: m, input: { network: network.id, userId: coordinator.id } }))).toMatchObject({ code: "forbidden" });
    await leaveNetwork({ actor: m, input: { network: network.id } });
    expect(await roleOf(network.id, member.id)).toBeNull();
    expect(await auditEntries({ action: "network.member_left", subjectId: network.id })).toHaveLength(1);
    expect(await activityVerbs(network.id)).toEqual(["member.left"]);
    // Having left, the Work-Space is gone for them.
    expect(await appError(membersPage(m, network.slug))).toMatchObject({ code: "not_found" });
  });

  it("members mute and unmute announcement mails for themselves", async () => {
    const { network, m, member } = await setup();
    await setAnnouncementsMuted({ actor: m, input: { network: network.id, muted: "true" } });
    const [row] = await t.db.select().from(networkMembers).where(and(eq(networkMembers.networkId, network.id), eq(networkMembers.userId, member.id)));
    expect(row?.announcementsMuted).toBe(true);
    expect((await membersPage(m, network.slug)).me).toEqual({ role: "member", announcementsMuted: true });
    await setAnnouncementsMuted({ actor: m, input: { network: network.id, muted: false } });
    expect((await membersPage(m, network.slug)).me?.announcementsMuted).toBe(false);
    expect((await auditEntries({ subjectId: network.id })).map((a) => a.action)).toEqual(["network.announcements_muted", "network.announcements_unmuted"]);
    const admin = actorOf(await createUser({ role: "admin" }));
    expect(await appError(setAnnouncementsMuted({ actor: admin, input: { network: network.id, muted: true } }))).toMatchObject({ code: "forbidden" });
  });
});

describe(`Work-Space visibility (${testDriver()})`, () => {
  it("non-members and anonymous visitors get not_found; members, moderators and admins see members and activity", async () => {
    const { network, c, m } = await setup();
    await inviteMember({ actor: c, input: { network: network.id, email: uniqueEmail("v"), role: "member" } });
    const outsider = actorOf(await createUser());
    const moderator = actorOf(await createUser({ role: "moderator" }));
    const admin = actorOf(await createUser({ role: "admin" }));
    for (const who of [outsider, null]) {
      expect(await appError(membersPage(who, network.slug))).toMatchObject({ code: "not_found", status: 404 });
      expect(await appError(activityFeed(who, network.slug))).toMatchObject({ code: "not_found" });
    }
    for (const who of [m, moderator, admin, c]) {
      const page = await membersPage(who, network.slug);
      expect(page.members.map((x) => x.email)).not.toContain(null);
      expect((await activityFeed(who, network.slug)).entries).toHaveLength(1);
    }
    // Only coordinators and admins see open invitations.
    expect((await membersPage(m, network.slug)).invitations).toEqual([]);
    expect((await membersPage(moderator, network.slug)).invitations).toEqual([]);
    expect((await membersPage(c, network.slug)).invitations).toHaveLength(1);
    expect((await membersPage(admin, network.slug)).invitations).toHaveLength(1);
  });

  it("the activity feed pages newest first with a cursor", async () => {
    const { network, c } = await setup();
    for (let i = 0; i < 5; i++) await t.db.insert(networkActivity).values({ networkId: network.id, actorId: c.id, verb: "task.created", subjectType: "task", summary: `Aufgabe ${i}` });
    const first = await activityFeed(c, network.slug, { limit: 2 });
    expect(first.entries.map((e) => e.summary)).toEqual(["Aufgabe 4", "Aufgabe 3"]);
    expect(first.entries[0]?.actorName).toBe("Klara Koch");
    const second = await activityFeed(c, network.slug, { limit: 2, before: first.nextCursor });
    expect(second.entries.map((e) => e.summary)).toEqual(["Aufgabe 2", "Aufgabe 1"]);
    const third = await activityFeed(c, network.slug, { limit: 2, before: second.nextCursor });
    expect(third.entries.map((e) => e.summary)).toEqual(["Aufgabe 0"]);
    expect(third.nextCursor).toBeNull();
  });
});
