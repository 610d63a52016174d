import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { thinkTankInvitations, thinkTankParticipants, thinkTanks, users, type User } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { hashToken } from "@/lib/auth/tokens";
import { getTaskBoard } from "@/lib/tasks/queries";
import { listProblems } from "@/lib/problems/queries";
import {
  acceptThinkTankInvitation,
  acceptThinkTankInvitationWithSignUp,
  addParticipant,
  changeParticipantRole,
  declineThinkTankInvitation,
  inviteToThinkTank,
  leaveThinkTank,
  removeParticipant,
  resendThinkTankInvitation,
  revokeThinkTankInvitation,
} from "@/lib/participants/commands";
import { listParticipants, searchKnowledgeGivers, thinkTankInvitationByToken } from "@/lib/participants/queries";
import { withTestDatabase, testDriver } from "../support/database";
import { appError } from "../support/errors";
import { actorOf, auditEntries, createNetwork, createProblemRow, createThinkTankRow, createUser, outboxFor, uniqueEmail } from "../support/factories";

vi.mock("@/lib/auth/password", async (importOriginal) => (await import("../support/password")).cheapPasswordHashing(importOriginal));

const t = withTestDatabase();

beforeEach(() => {
  vi.spyOn(console, "info").mockImplementation(() => {});
});

type World = {
  moderator: User;
  coModerator: User;
  expert: User;
  observer: User;
  binetMember: User;
  outsider: User;
  host: User;
  network: { id: string; slug: string };
};
let w: World;

beforeAll(async () => {
  const [moderator, coModerator, expert, observer, binetMember, outsider, host] = await Promise.all([
    createUser({ name: "Mona Moderation", sector: "ngo_civil_society", organisation: "Netzwerkstatt e. V." }),
    createUser({ name: "Conrad Co", sector: "public_administration" }),
    createUser({ name: "Erika Expertin", sector: "research", organisation: "Hochschule München", expertise: ["Elternarbeit", "Mehrsprachigkeit"] }),
    createUser({ name: "Olga Observer", sector: "school_education" }),
    createUser({ name: "Bernd BiNet", sector: "school_education" }),
    createUser({ name: "Otto Außen" }),
    createUser({ role: "moderator", name: "Hanna Host" }),
  ]);
  const network = await createNetwork({ name: "BiNet", members: [{ userId: binetMember.id, role: "member" }] });
  w = { moderator, coModerator, expert, observer, binetMember, outsider, host, network };
});

async function thinkTankWith(extra: Partial<Parameters<typeof createThinkTankRow>[0]> = {}) {
  const problem = await createProblemRow(w.network.id);
  const { thinkTank } = await createThinkTankRow({
    participants: [
      { userId: w.moderator.id, role: "moderator" },
      { userId: w.expert.id, role: "knowledge_giver" },
    ],
    problemIds: [problem.id],
    ...extra,
  });
  return thinkTank;
}

async function participantRows(thinkTankId: string) {
  return t.db.select().from(thinkTankParticipants).where(eq(thinkTankParticipants.thinkTankId, thinkTankId));
}

async function invitationRows(thinkTankId: string) {
  return t.db.select().from(thinkTankInvitations).where(eq(thinkTankInvitations.thinkTankId, thinkTankId));
}

function tokenFrom(text: string): string {
  const match = /\/think-tank-invitations\/([A-Za-z0-9_-]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no invitation link in:\n${text}`);
  return match[1];
}

describe(`participants list and knowledge-giver search (${testDriver()})`, () => {
  it("lists participants with organisation, sector and the sector mix; outsiders get 404", async () => {
    const tt = await thinkTankWith();
    const view = await listParticipants(actorOf(w.expert), tt.id);
    expect(view.participants.map((p) => [p.name, p.role, p.organisation, p.sector])).toEqual([
      ["Mona Moderation", "moderator", "Netzwerkstatt e. V.", "ngo_civil_society"],
      ["Erika Expertin", "knowledge_giver", "Hochschule München", "research"],
    ]);
    expect(view.sectorMix).toEqual(expect.arrayContaining([{ sector: "ngo_civil_society", count: 1 }, { sector: "research", count: 1 }]));
    expect(view.participants[0]?.email).toBe(w.moderator.email);
    expect(view.can).toMatchObject({ invite: false, leave: true });
    expect(view.invitations).toEqual([]);
    expect((await appError(listParticipants(actorOf(w.outsider), tt.id))).code).toBe("not_found");
  });

  it("shows origin-network readers names but no e-mail addresses", async () => {
    const tt = await thinkTankWith({ visibility: "origin_networks" });
    const view = await listParticipants(actorOf(w.binetMember), tt.id);
    expect(view.participants.map((p) => p.email)).toEqual([null, null]);
  });

  it("ranks by matching expertise and shows each person's current load", async () => {
    const tt = await thinkTankWith();
    const both = await createUser({ name: "Zora Zwei", sector: "research", expertise: ["elternarbeit", "Mehrsprachigkeit"] });
    const one = await createUser({ name: "Anton Eins", sector: "business", organisation: "Stadtwerke", expertise: ["Elternarbeit"] });
    await createUser({ name: "Nina Nichts", expertise: ["Sport"] });
    await createThinkTankRow({ status: "active", participants: [{ userId: one.id, role: "knowledge_giver" }] });
    await createThinkTankRow({ status: "concluded", participants: [{ userId: one.id, role: "knowledge_giver" }] });
    const { results } = await searchKnowledgeGivers(actorOf(w.moderator), { thinkTankId: tt.id, expertise: "Elternarbeit, mehrsprach" });
    const names = results.map((r) => r.name);
    expect(names.indexOf("Zora Zwei")).toBeLessThan(names.indexOf("Anton Eins"));
    expect(names).not.toContain("Nina Nichts");
    const anton = results.find((r) => r.name === "Anton Eins");
    expect(anton).toMatchObject({ load: 1, matches: ["elternarbeit"] });
    const erika = results.find((r) => r.userId === w.expert.id);
    expect(erika?.participantRole).toBe("knowledge_giver");
    expect(results.find((r) => r.userId === both.id)?.matches).toHaveLength(2);

    const bySector = await searchKnowledgeGivers(actorOf(w.moderator), { thinkTankId: tt.id, sector: "business" });
    expect(bySector.results.map((r) => r.name)).toContain("Anton Eins");
    expect(bySector.results.every((r) => r.sector === "business")).toBe(true);
    const byOrg = await searchKnowledgeGivers(actorOf(w.moderator), { thinkTankId: tt.id, organisation: "stadtwerk" });
    expect(byOrg.results.map((r) => r.name)).toEqual(["Anton Eins"]);
    const byName = await searchKnowledgeGivers(actorOf(w.moderator), { thinkTankId: tt.id, name: "zor" });
    expect(byName.results.map((r) => r.name)).toEqual(["Zora Zwei"]);
  });

  it("search: bad sector → invalid_input; knowledge-givers may not search; outsiders get 404", async () => {
    const tt = await thinkTankWith();
    const bad = await appError(searchKnowledgeGivers(actorOf(w.moderator), { thinkTankId: tt.id, sector: "pirates" }));
    expect(bad.code).toBe("invalid_input");
    expect(bad.fields?.sector).toEqual(["invalidChoice"]);
    expect((await appError(searchKnowledgeGivers(actorOf(w.expert), { thinkTankId: tt.id, name: "a" }))).code).toBe("forbidden");
    expect((await appError(searchKnowledgeGivers(actorOf(w.outsider), { thinkTankId: tt.id, name: "a", sector: "pirates" }))).code).toBe("not_found");
  });
});

describe(`adding, role changes, removal, leaving (${testDriver()})`, () => {
  it("adds an existing person with a role, notifies them by e-mail and audits it", async () => {
    const tt = await thinkTankWith();
    await addParticipant({ actor: actorOf(w.moderator), input: { thinkTankId: tt.id, userId: w.observer.id, role: "observer" } });
    const rows = await participantRows(tt.id);
    expect(rows.find((r) => r.userId === w.observer.id)).toMatchObject({ role: "observer", invitedById: w.moderator.id });
    const mails = await outboxFor(w.observer.email);
    expect(mails.at(-1)?.subject).toContain(tt.title);
    expect(mails.at(-1)?.text).toContain(`/think-tanks/${tt.id}`);
    expect(mails.at(-1)?.text).toContain("Mona Moderation");
    expect(await auditEntries({ action: "thinkTank.participant_added", subjectId: tt.id })).toHaveLength(1);
  });

  it("bad input → invalid_input and nothing changed; twice → conflict", async () => {
    const tt = await thinkTankWith();
    const bad = await appError(addParticipant({ actor: actorOf(w.moderator), input: { thinkTankId: tt.id, userId: w.observer.id, role: "boss" } }));
    expect(bad.code).toBe("invalid_input");
    expect(bad.fields?.role).toEqual(["invalidChoice"]);
    const unknown = await appError(addParticipant({ actor: actorOf(w.moderator), input: { thinkTankId: tt.id, userId: "nobody", role: "observer" } }));
    expect(unknown.fields?.userId).toEqual(["personUnknown"]);
    expect(await participantRows(tt.id)).toHaveLength(2);
    const twice = await appError(addParticipant({ actor: actorOf(w.moderator), input: { thinkTankId: tt.id, userId: w.expert.id, role: "observer" } }));
    expect(twice.code).toBe("conflict");
    expect((await participantRows(tt.id)).find((r) => r.userId === w.expert.id)?.role).toBe("knowledge_giver");
  });

  it("delegates must be members of an origin network", async () => {
    const tt = await thinkTankWith();
    const notMember = await appError(addParticipant({ actor: actorOf(w.moderator), input: { thinkTankId: tt.id, userId: w.observer.id, role: "delegate" } }));
    expect(notMember.code).toBe("invalid_input");
    expect(notMember.fields?.role).toEqual(["delegateNotMember"]);
    await addParticipant({ actor: actorOf(w.moderator), input: { thinkTankId: tt.id, userId: w.binetMember.id, role: "delegate" } });
    expect((await participantRows(tt.id)).find((r) => r.userId === w.binetMember.id)?.role).toBe("delegate");
    const toDelegate = await appError(changeParticipantRole({ actor: actorOf(w.moderator), input: { thinkTankId: tt.id, userId: w.expert.id, role: "delegate" } }));
    expect(toDelegate.fields?.role).toEqual(["delegateNotMember"]);
  });

  it("changes a role (audited) but never takes the role from the last moderator", async () => {
    const tt = await thinkTankWith();
    await changeParticipantRole({ actor: actorOf(w.moderator), input: { thinkTankId: tt.id, userId: w.expert.id, role: "moderator" } });
    expect(await auditEntries({ action: "thinkTank.participant_role_changed", subjectId: tt.id })).toEqual([
      expect.objectContaining({ actorId: w.moderator.id, data: { userId: w.expert.id, from: "knowledge_giver", to: "moderator" } }),
    ]);
    await changeParticipantRole({ actor: actorOf(w.expert), input: { thinkTankId: tt.id, userId: w.moderator.id, role: "observer" } });
    const last = await appError(changeParticipantRole({ actor: actorOf(w.expert), input: { thinkTankId: tt.id, userId: w.expert.id, role: "knowledge_giver" } }));
    expect(last.code).toBe("conflict");
    expect(last.fields?.role).toEqual(["lastModerator"]);
    expect((await participantRows(tt.id)).find((r) => r.userId === w.expert.id)?.role).toBe("moderator");
  });

  it("removes participants (audited), never the last moderator", async () => {
    const tt = await thinkTankWith();
    await removeParticipant({ actor: actorOf(w.moderator), input: { thinkTankId: tt.id, userId: w.expert.id } });
    expect((await participantRows(tt.id)).map((r) => r.userId)).toEqual([w.moderator.id]);
    expect(await auditEntries({ action: "thinkTank.participant_removed", subjectId: tt.id })).toHaveLength(1);
    const last = await appError(removeParticipant({ actor: actorOf(w.host), input: { thinkTankId: tt.id, userId: w.moderator.id } }));
    expect(last.code).toBe("conflict");
    expect(last.fields?.userId).toEqual(["lastModerator"]);
    expect(await participantRows(tt.id)).toHaveLength(1);
    const gone = await appError(removeParticipant({ actor: actorOf(w.moderator), input: { thinkTankId: tt.id, userId: w.outsider.id } }));
    expect(gone.code).toBe("not_found");
  });

  it("knowledge-givers leave; moderators may not just leave", async () => {
    const tt = await thinkTankWith();
    await leaveThinkTank({ actor: actorOf(w.expert), input: { thinkTankId: tt.id } });
    expect((await participantRows(tt.id)).map((r) => r.userId)).toEqual([w.moderator.id]);
    expect(await auditEntries({ action: "thinkTank.participant_left", subjectId: tt.id })).toHaveLength(1);
    expect((await appError(leaveThinkTank({ actor: actorOf(w.moderator), input: { thinkTankId: tt.id } }))).code).toBe("forbidden");
    // Having left, the think-tank is invisible again.
    expect((await appError(listParticipants(actorOf(w.expert), tt.id))).code).toBe("not_found");
  });

  it("concluded and archived think-tanks take no participant changes", async () => {
    for (const status of ["concluded", "archived"] as const) {
      const tt = await thinkTankWith({ status });
      const e = await appError(addParticipant({ actor: actorOf(w.moderator), input: { thinkTankId: tt.id, userId: w.observer.id, role: "observer" } }));
      expect(e.code).toBe("think_tank_not_open");
      expect(await participantRows(tt.id)).toHaveLength(2);
    }
  });
});

describe(`e-mail invitations (${testDriver()})`, () => {
  it("invites by e-mail: the mail names think-tank, question, moderator and role; only the hash is stored", async () => {
    const tt = await thinkTankWith({ title: "Eltern erreichen", question: "Wie erreichen wir Eltern?" });
    const email = uniqueEmail("neu");
    const { token } = await inviteToThinkTank({ actor: actorOf(w.moderator), input: { thinkTankId: tt.id, email: email.toUpperCase(), role: "knowledge_giver", message: "Wir brauchen Sie!" } });
    const [mail] = await outboxFor(email);
    expect(mail?.subject).toContain("Eltern erreichen");
    expect(mail?.text).toContain("Wie erreichen wir Eltern?");
    expect(mail?.text).toContain("Mona Moderation");
    expect(mail?.text).toContain("Wissensgeber:in");
    expect(mail?.text).toContain("Wir brauchen Sie!");
    expect(tokenFrom(mail?.text ?? "")).toBe(token);
    const [row] = await invitationRows(tt.id);
    expect(row).toMatchObject({ email, role: "knowledge_giver", tokenHash: hashToken(token) });
    expect(JSON.stringify(row)).not.toContain(token);
    const days = (row!.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);
    expect(await auditEntries({ action: "thinkTank.invitation_sent", subjectId: tt.id })).toHaveLength(1);
  });

  it("bad input → invalid_input, nothing stored, nothing sent; duplicates and participants → conflict", async () => {
    const tt = await thinkTankWith();
    const bad = await appError(inviteToThinkTank({ actor: actorOf(w.moderator), input: { thinkTankId: tt.id, email: "not-an-address", role: "knowledge_giver" } }));
    expect(bad.code).toBe("invalid_input");
    expect(bad.fields?.email).toEqual(["email"]);
    const delegate = await appError(inviteToThinkTank({ actor: actorOf(w.moderator), input: { thinkTankId: tt.id, email: uniqueEmail(), role: "delegate" } }));
    expect(delegate.fields?.role).toEqual(["delegateNotMember"]);
    expect(await invitationRows(tt.id)).toHaveLength(0);
    const participant = await appError(inviteToThinkTank({ actor: actorOf(w.moderator), input: { thinkTankId: tt.id, email: w.expert.email } }));
    expect(participant.fields?.email).toEqual(["alreadyParticipant"]);
    const email = uniqueEmail();
    await inviteToThinkTank({ actor: actorOf(w.moderator), input: { thinkTankId: tt.id, email } });
    const twice = await appError(inviteToThinkTank({ actor: actorOf(w.moderator), input: { thinkTankId: tt.id, email } }));
    expect(twice.fields?.email).toEqual(["alreadyInvited"]);
    expect(await outboxFor(email)).toHaveLength(1);
  });

  it("a new person accepts by signing up: account, participation, used token, the moderator hears of it", async () => {
    const tt = await thinkTankWith();
    const email = uniqueEmail("gast");
    const { token } = await inviteToThinkTank({ actor: actorOf(w.moderator), input: { thinkTankId: tt.id, email, role: "observer" } });
    const bad = await appError(acceptThinkTankInvitationWithSignUp({ input: { token, name: "", password: "kurz" }, locale: "de" }));
    expect(bad.code).toBe("invalid_input");
    expect(bad.fields).toMatchObject({ name: ["required"], password: ["passwordTooShort"] });
    expect(await t.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);

    const result = await acceptThinkTankInvitationWithSignUp({ input: { token, name: "Gerda Gast", password: "ein langes Passwort" }, locale: "de" });
    expect(result).toEqual({ thinkTankId: tt.id, email });
    const [guest] = await t.db.select().from(users).where(eq(users.email, email));
    expect(guest).toMatchObject({ name: "Gerda Gast", role: "member" });
    expect(guest?.emailVerified).toBeInstanceOf(Date);
    expect(await verifyPassword("ein langes Passwort", guest!.passwordHash!)).toBe(true);
    expect((await participantRows(tt.id)).find((r) => r.userId === guest!.id)?.role).toBe("observer");
    expect((await invitationRows(tt.id))[0]?.acceptedAt).toBeInstanceOf(Date);
    const told = await outboxFor(w.moderator.email);
    expect(told.at(-1)?.subject).toContain("Gerda Gast");
    expect(await auditEntries({ action: "thinkTank.invitation_accepted", subjectId: tt.id })).toHaveLength(1);

    // Single use.
    const again = await appError(acceptThinkTankInvitationWithSignUp({ input: { token, name: "Noch mal", password: "ein langes Passwort" }, locale: "de" }));
    expect(again.code).toBe("token_invalid");
    expect(again.fields?.token).toEqual(["invitationUsed"]);
    expect((await appError(acceptThinkTankInvitation({ actor: actorOf(guest!), input: { token } }))).fields?.token).toEqual(["invitationUsed"]);

    // A guest sees this think-tank and nothing of any network.
    expect((await listParticipants(actorOf(guest!), tt.id)).myRole).toBe("observer");
    expect((await appError(getTaskBoard({ actor: actorOf(guest!), network: w.network.slug }))).code).toBe("not_found");
    expect((await appError(listProblems(actorOf(guest!), w.network.slug))).code).toBe("not_found");
    const otherTt = await thinkTankWith();
    expect((await appError(listParticipants(actorOf(guest!), otherTt.id))).code).toBe("not_found");
  });

  it("an existing account accepts signed in, only with the invited address; signing up again is refused", async () => {
    const tt = await thinkTankWith();
    const person = await createUser({ name: "Petra Vorhanden" });
    const { token } = await inviteToThinkTank({ actor: actorOf(w.moderator), input: { thinkTankId: tt.id, email: person.email } });
    const view = await thinkTankInvitationByToken(token, actorOf(person));
    expect(view).toMatchObject({ state: "valid", accountExists: true, viewer: { emailMatches: true, isParticipant: false }, inviter: "Mona Moderation" });
    const signUp = await appError(acceptThinkTankInvitationWithSignUp({ input: { token, name: "X", password: "ein langes Passwort" }, locale: "de" }));
    expect(signUp.code).toBe("email_taken");
    const wrong = await appError(acceptThinkTankInvitation({ actor: actorOf(w.outsider), input: { token } }));
    expect(wrong.code).toBe("forbidden");
    expect(await participantRows(tt.id)).toHaveLength(2);
    await acceptThinkTankInvitation({ actor: actorOf(person), input: { token } });
    expect((await participantRows(tt.id)).find((r) => r.userId === person.id)?.role).toBe("knowledge_giver");
  });

  it("expires after 14 days", async () => {
    const tt = await thinkTankWith();
    const email = uniqueEmail();
    const { token, invitationId } = await inviteToThinkTank({ actor: actorOf(w.moderator), input: { thinkTankId: tt.id, email } });
    await t.db.update(thinkTankInvitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(thinkTankInvitations.id, invitationId));
    const e = await appError(acceptThinkTankInvitationWithSignUp({ input: { token, name: "Zu spät", password: "ein langes Passwort" }, locale: "de" }));
    expect(e.fields?.token).toEqual(["invitationExpired"]);
    expect((await thinkTankInvitationByToken(token, null)).state).toBe("expired");
    expect(await t.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
  });

  it("resending issues a new link and kills the old one; revoking kills the link (both audited)", async () => {
    const tt = await thinkTankWith();
    const email = uniqueEmail();
    const first = await inviteToThinkTank({ actor: actorOf(w.moderator), input: { thinkTankId: tt.id, email } });
    const { token: second } = await resendThinkTankInvitation({ actor: actorOf(w.moderator), input: { thinkTankId: tt.id, invitationId: first.invitationId } });
    expect(second).not.toBe(first.token);
    expect(tokenFrom((await outboxFor(email)).at(-1)?.text ?? "")).toBe(second);
    expect((await thinkTankInvitationByToken(first.token, null)).state).toBe("unknown");
    expect(await auditEntries({ action: "thinkTank.invitation_resent", subjectId: tt.id })).toHaveLength(1);

    await revokeThinkTankInvitation({ actor: actorOf(w.moderator), input: { thinkTankId: tt.id, invitationId: first.invitationId } });
    const revoked = await appError(acceptThinkTankInvitationWithSignUp({ input: { token: second, name: "Zu spät", password: "ein langes Passwort" }, locale: "de" }));
    expect(revoked.fields?.token).toEqual(["invitationRevoked"]);
    expect(await auditEntries({ action: "thinkTank.invitation_revoked", subjectId: tt.id })).toHaveLength(1);
    const resendRevoked = await appError(resendThinkTankInvitation({ actor: actorOf(w.moderator), input: { thinkTankId: tt.id, invitationId: first.invitationId } }));
    expect(resendRevoked.code).toBe("conflict");
    // Another think-tank's moderator cannot touch it.
    const other = await createThinkTankRow({ participants: [{ userId: w.coModerator.id, role: "moderator" }] });
    const foreign = await appError(revokeThinkTankInvitation({ actor: actorOf(w.coModerator), input: { thinkTankId: other.thinkTank.id, invitationId: first.invitationId } }));
    expect(foreign.code).toBe("not_found");
  });

  it("declining is one click without an account and tells the moderator; the link is then used up", async () => {
    const tt = await thinkTankWith();
    const email = uniqueEmail();
    const { token } = await inviteToThinkTank({ actor: actorOf(w.moderator), input: { thinkTankId: tt.id, email } });
    await declineThinkTankInvitation({ actor: null, input: { token } });
    expect((await invitationRows(tt.id))[0]?.declinedAt).toBeInstanceOf(Date);
    const told = (await outboxFor(w.moderator.email)).at(-1);
    expect(told?.kind).toBe("thinkTank.declined");
    expect(told?.text).toContain(email);
    expect(await auditEntries({ action: "thinkTank.invitation_declined", subjectId: tt.id })).toHaveLength(1);
    const e = await appError(acceptThinkTankInvitationWithSignUp({ input: { token, name: "Doch", password: "ein langes Passwort" }, locale: "de" }));
    expect(e.fields?.token).toEqual(["invitationDeclined"]);
    expect((await appError(declineThinkTankInvitation({ actor: null, input: { token: "x".repeat(43) } }))).code).toBe("token_invalid");
  });

  it("a concluded think-tank's invitation can no longer be accepted", async () => {
    const tt = await thinkTankWith();
    const email = uniqueEmail();
    const { token } = await inviteToThinkTank({ actor: actorOf(w.moderator), input: { thinkTankId: tt.id, email } });
    await t.db.update(thinkTanks).set({ status: "concluded" }).where(eq(thinkTanks.id, tt.id));
    const e = await appError(acceptThinkTankInvitationWithSignUp({ input: { token, name: "Spät", password: "ein langes Passwort" }, locale: "de" }));
    expect(e.code).toBe("think_tank_not_open");
    expect(await t.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
  });
});

/*
 * Who may do what with participants, for every think-tank role and for outsiders, stewards and
 * origin-network readers: the expected outcome is the error code (or "ok").
 */
describe(`participants: role × action (${testDriver()})`, () => {
  type Who = "moderator" | "knowledge_giver" | "delegate" | "observer" | "originReader" | "outsider" | "steward";
  type Action = "list" | "search" | "add" | "invite" | "changeRole" | "remove" | "leave" | "resend" | "revoke";
  const expected: Record<Action, Record<Who, string>> = {
    list: { moderator: "ok", knowledge_giver: "ok", delegate: "ok", observer: "ok", originReader: "ok", outsider: "not_found", steward: "ok" },
    search: { moderator: "ok", knowledge_giver: "forbidden", delegate: "forbidden", observer: "forbidden", originReader: "forbidden", outsider: "not_found", steward: "ok" },
    add: { moderator: "ok", knowledge_giver: "forbidden", delegate: "forbidden", observer: "forbidden", originReader: "forbidden", outsider: "not_found", steward: "ok" },
    invite: { moderator: "ok", knowledge_giver: "forbidden", delegate: "forbidden", observer: "forbidden", originReader: "forbidden", outsider: "not_found", steward: "ok" },
    changeRole: { moderator: "ok", knowledge_giver: "forbidden", delegate: "forbidden", observer: "forbidden", originReader: "forbidden", outsider: "not_found", steward: "ok" },
    remove: { moderator: "ok", knowledge_giver: "forbidden", delegate: "forbidden", observer: "forbidden", originReader: "forbidden", outsider: "not_found", steward: "ok" },
    leave: { moderator: "forbidden", knowledge_giver: "ok", delegate: "ok", observer: "ok", originReader: "forbidden", outsider: "not_found", steward: "forbidden" },
    resend: { moderator: "ok", knowledge_giver: "forbidden", delegate: "forbidden", observer: "forbidden", originReader: "forbidden", outsider: "not_found", steward: "ok" },
    revoke: { moderator: "ok", knowledge_giver: "forbidden", delegate: "forbidden", observer: "forbidden", originReader: "forbidden", outsider: "not_found", steward: "ok" },
  };

  async function setting() {
    const delegateUser = await createUser({ name: "Dora Delegiert" });
    const reader = await createUser({ name: "Rita Lesend" });
    const network = await createNetwork({ members: [{ userId: delegateUser.id, role: "member" }, { userId: reader.id, role: "member" }] });
    const problem = await createProblemRow(network.id);
    const people = {
      moderator: await createUser(),
      knowledge_giver: await createUser(),
      delegate: delegateUser,
      observer: await createUser(),
      originReader: reader,
      outsider: await createUser(),
      steward: await createUser({ role: "moderator" }),
    };
    const extraModerator = await createUser();
    const target = await createUser();
    const { thinkTank } = await createThinkTankRow({
      visibility: "origin_networks",
      problemIds: [problem.id],
      participants: [
        { userId: people.moderator.id, role: "moderator" },
        { userId: extraModerator.id, role: "moderator" },
        { userId: people.knowledge_giver.id, role: "knowledge_giver" },
        { userId: people.delegate.id, role: "delegate" },
        { userId: people.observer.id, role: "observer" },
        { userId: target.id, role: "observer" },
      ],
    });
    const { invitationId } = await inviteToThinkTank({ actor: actorOf(extraModerator), input: { thinkTankId: thinkTank.id, email: uniqueEmail() } });
    return { people, thinkTank, target, invitationId };
  }

  const whos: Who[] = ["moderator", "knowledge_giver", "delegate", "observer", "originReader", "outsider", "steward"];
  for (const action of Object.keys(expected) as Action[]) {
    it(`${action}`, async () => {
      for (const who of whos) {
        const { people, thinkTank, target, invitationId } = await setting();
        const actor = actorOf(people[who]);
        const id = thinkTank.id;
        const newcomer = await createUser();
        const run: Record<Action, () => Promise<unknown>> = {
          list: () => listParticipants(actor, id),
          search: () => searchKnowledgeGivers(actor, { thinkTankId: id, name: "Test" }),
          add: () => addParticipant({ actor, input: { thinkTankId: id, userId: newcomer.id, role: "observer" } }),
          invite: () => inviteToThinkTank({ actor, input: { thinkTankId: id, email: uniqueEmail() } }),
          changeRole: () => changeParticipantRole({ actor, input: { thinkTankId: id, userId: target.id, role: "knowledge_giver" } }),
          remove: () => removeParticipant({ actor, input: { thinkTankId: id, userId: target.id } }),
          leave: () => leaveThinkTank({ actor, input: { thinkTankId: id } }),
          resend: () => resendThinkTankInvitation({ actor, input: { thinkTankId: id, invitationId } }),
          revoke: () => revokeThinkTankInvitation({ actor, input: { thinkTankId: id, invitationId } }),
        };
        const outcome = await run[action]().then(
          () => "ok",
          (e: unknown) => (e as { code?: string }).code ?? String(e),
        );
        expect(`${who}: ${outcome}`).toBe(`${who}: ${expected[action][who]}`);
        if (outcome !== "ok" && action === "remove") {
          const [still] = await t.db.select().from(thinkTankParticipants).where(and(eq(thinkTankParticipants.thinkTankId, id), eq(thinkTankParticipants.userId, target.id)));
          expect(still).toBeDefined();
        }
      }
    });
  }
});
