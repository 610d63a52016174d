import { and, count, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { announcements, networkActivity, networkMembers, outboxEmails, users, type User } from "@/db/schema";
import { sendAnnouncement, unsubscribeFromAnnouncements } from "@/lib/announcements/commands";
import { describeUnsubscribeToken, listAnnouncements } from "@/lib/announcements/queries";
import { setAnnouncementsMuted } from "@/lib/memberships/commands";
import { signUnsubscribeToken } from "@/lib/unsubscribe";
// Renamed on import: they are Vitest set-up helpers, not React hooks (the lint rule goes by the name).
import { testDriver, useTestDatabase as setUpTestDatabase } from "../support/database";
import { resetAuthSecretCache, useEnv as setUpEnv } from "../support/env";
import { actorOf, auditEntries, createNetwork, createUser, outboxFor } from "../support/factories";
import { appError } from "../support/errors";

const t = setUpTestDatabase();
const setEnv = setUpEnv();
const SECRET = "announcements-test-secret-0123456789-abcdefghij";

beforeEach(() => {
  vi.spyOn(console, "info").mockImplementation(() => {});
  setEnv({ SMTP_URL: undefined, APP_URL: "https://nzw.example", AUTH_SECRET: SECRET });
  resetAuthSecretCache();
});


function unsubscribeLink(text: string): string {
  const match = /https:\/\/nzw\.example\/unsubscribe\/(\S+)/.exec(text);
  if (!match?.[1]) throw new Error(`no unsubscribe link in:\n${text}`);
  return match[1];
}

async function muted(networkId: string, userId: string) {
  const [row] = await t.db
    .select({ muted: networkMembers.announcementsMuted })
    .from(networkMembers)
    .where(and(eq(networkMembers.networkId, networkId), eq(networkMembers.userId, userId)));
  return row?.muted;
}

type World = { coordinator: User; german: User; english: User; quiet: User; disabled: User; outsider: User; admin: User; network: { id: string; slug: string; name: string } };
let w: World;

beforeAll(async () => {
  const [coordinator, german, english, quiet, disabled, outsider, admin] = await Promise.all([
    createUser({ name: "Klara Koch" }),
    createUser({ name: "Mehmet Demir", locale: "de" }),
    createUser({ name: "Jane Doe", locale: "en" }),
    createUser({ name: "Stella Still" }),
    createUser({ name: "Dora Deaktiviert", disabled: true }),
    createUser({ name: "Otto Außen" }),
    createUser({ role: "admin", name: "Anna Admin" }),
  ]);
  const network = await createNetwork({
    name: "BiNet Ankündigungen",
    members: [
      { userId: coordinator.id, role: "coordinator" },
      { userId: german.id, role: "member" },
      { userId: english.id, role: "member" },
      { userId: quiet.id, role: "member" },
      { userId: disabled.id, role: "member" },
    ],
  });
  w = { coordinator, german, english, quiet, disabled, outsider, admin, network };
});

describe(`sendAnnouncement (${testDriver()})`, () => {
  it("stores the announcement and mails every member who has not muted, in their language, with a working unsubscribe link", async () => {
    await setAnnouncementsMuted({ actor: actorOf(w.quiet), input: { network: w.network.slug, muted: true } });
    const subject = `Netzwerktreffen ${Date.now()}`;
    const result = await sendAnnouncement({
      actor: actorOf(w.coordinator),
      input: { network: w.network.slug, subject, body: "Am Donnerstag um 16 Uhr.\nBitte {nicht} vergessen!" },
    });
    expect(result.recipients).toBe(3);

    const [stored] = await t.db.select().from(announcements).where(eq(announcements.id, result.announcement.id));
    expect(stored).toMatchObject({ networkId: w.network.id, authorId: w.coordinator.id, subject });
    const [activity] = await t.db
      .select({ n: count() })
      .from(networkActivity)
      .where(and(eq(networkActivity.subjectId, stored?.id ?? ""), eq(networkActivity.verb, "announcement.sent")));
    expect(activity?.n).toBe(1);

    const mails = await t.db.select().from(outboxEmails).where(eq(outboxEmails.kind, "announcement"));
    const mine = mails.filter((m) => m.subject.includes(subject));
    expect(mine.map((m) => m.to).sort()).toEqual([w.coordinator.email, w.german.email, w.english.email].sort());
    // Muted and disabled members get nothing.
    expect(await outboxFor(w.quiet.email)).toHaveLength(0);
    expect(await outboxFor(w.disabled.email)).toHaveLength(0);

    const [german] = await outboxFor(w.german.email);
    expect(german?.subject).toBe(`[BiNet Ankündigungen] ${subject}`);
    expect(german?.text).toContain("Hallo Mehmet Demir");
    expect(german?.text).toContain("Klara Koch schreibt an alle Mitglieder von BiNet Ankündigungen");
    expect(german?.text).toContain("Bitte {nicht} vergessen!");
    expect(german?.text).toContain(`https://nzw.example/networks/${w.network.slug}/workspace/announcements`);
    const [english] = await outboxFor(w.english.email);
    expect(english?.text).toContain("Hello Jane Doe");
    expect(english?.text).toContain("Stop receiving announcements by e-mail: https://nzw.example/unsubscribe/");

    // The German member's link mutes exactly that member for exactly this network.
    const token = unsubscribeLink(german?.text ?? "");
    expect(await describeUnsubscribeToken(token)).toEqual({ networkName: "BiNet Ankündigungen", isMember: true, muted: false });
    const other = await createNetwork({ members: [{ userId: w.german.id, role: "member" }] });
    expect(await unsubscribeFromAnnouncements({ input: { token } })).toEqual({ networkName: "BiNet Ankündigungen", muted: true, wasMember: true });
    expect(await muted(w.network.id, w.german.id)).toBe(true);
    expect(await muted(other.id, w.german.id)).toBe(false);
    expect(await muted(w.network.id, w.english.id)).toBe(false);
    expect(await muted(w.network.id, w.coordinator.id)).toBe(false);
    expect(await describeUnsubscribeToken(token)).toMatchObject({ muted: true });
    const audit = await auditEntries({ action: "announcements.unsubscribed", subjectId: w.network.id });
    expect(audit.map((a) => a.actorId)).toEqual([w.german.id]);
    // Clicking twice is fine.
    expect((await unsubscribeFromAnnouncements({ input: { token } })).muted).toBe(true);

    // The next announcement no longer reaches the German member.
    const next = await sendAnnouncement({ actor: actorOf(w.coordinator), input: { network: w.network.slug, subject: `${subject} (2)`, body: "Nachtrag" } });
    expect(next.recipients).toBe(2);
    expect((await outboxFor(w.german.email)).filter((m) => m.subject.includes("(2)"))).toHaveLength(0);

    await setAnnouncementsMuted({ actor: actorOf(w.german), input: { network: w.network.slug, muted: false } });
    await setAnnouncementsMuted({ actor: actorOf(w.quiet), input: { network: w.network.slug, muted: false } });
  });

  it("refuses members, outsiders and anonymous senders, and bad input, storing and mailing nothing", async () => {
    const before = await t.db.select({ n: count() }).from(announcements);
    const mailsBefore = await t.db.select({ n: count() }).from(outboxEmails);
    const input = { network: w.network.slug, subject: "Hallo", body: "Text" };
    expect((await appError(sendAnnouncement({ actor: actorOf(w.german), input }))).code).toBe("forbidden");
    expect((await appError(sendAnnouncement({ actor: actorOf(w.outsider), input }))).code).toBe("not_found");
    expect((await appError(sendAnnouncement({ actor: null, input }))).code).toBe("unauthenticated");
    const invalid = await appError(sendAnnouncement({ actor: actorOf(w.coordinator), input: { ...input, subject: " ", body: "" } }));
    expect(invalid.code).toBe("invalid_input");
    expect(invalid.fields).toMatchObject({ subject: ["required"], body: ["required"] });
    expect(await t.db.select({ n: count() }).from(announcements)).toEqual(before);
    expect(await t.db.select({ n: count() }).from(outboxEmails)).toEqual(mailsBefore);
  });

  it("lets an admin send (not a member: no mail to the admin)", async () => {
    const result = await sendAnnouncement({ actor: actorOf(w.admin), input: { network: w.network.id, subject: "Vom Host", body: "Wartung am Samstag" } });
    expect(result.recipients).toBe(4);
    expect(await outboxFor(w.admin.email)).toHaveLength(0);
  });
});

describe(`listAnnouncements (${testDriver()})`, () => {
  it("shows newest first to members, with send and mute rights by role; 404 for outsiders", async () => {
    const net = await createNetwork({ members: [{ userId: w.coordinator.id, role: "coordinator" }, { userId: w.german.id, role: "member" }] });
    await sendAnnouncement({ actor: actorOf(w.coordinator), input: { network: net.slug, subject: "Erste", body: "1" } });
    await sendAnnouncement({ actor: actorOf(w.coordinator), input: { network: net.slug, subject: "Zweite", body: "2" } });
    const asMember = await listAnnouncements(actorOf(w.german), net.slug);
    expect(asMember.announcements.map((a) => [a.subject, a.authorName])).toEqual([
      ["Zweite", "Klara Koch"],
      ["Erste", "Klara Koch"],
    ]);
    expect(asMember).toMatchObject({ canSend: false, canMute: true, muted: false });
    expect(await listAnnouncements(actorOf(w.coordinator), net.slug)).toMatchObject({ canSend: true });
    expect(await listAnnouncements(actorOf(w.admin), net.slug)).toMatchObject({ canSend: true, canMute: false, muted: null });
    expect((await appError(listAnnouncements(actorOf(w.outsider), net.slug))).code).toBe("not_found");
    expect((await appError(listAnnouncements(null, net.slug))).code).toBe("unauthenticated");
  });
});

describe(`unsubscribe tokens in the database (${testDriver()})`, () => {
  it("rejects tampered and foreign tokens without muting anybody", async () => {
    const genuine = signUnsubscribeToken(SECRET, { userId: w.english.id, networkId: w.network.id });
    const tampered = `${genuine.slice(0, -1)}${genuine.endsWith("A") ? "B" : "A"}`;
    const foreign = signUnsubscribeToken("some-other-secret-some-other-secret-0000", { userId: w.english.id, networkId: w.network.id });
    for (const token of [tampered, foreign, "", "nonsense"]) {
      const error = await appError(unsubscribeFromAnnouncements({ input: { token } }));
      expect(error.code === "token_invalid" || error.code === "invalid_input").toBe(true);
      expect(await describeUnsubscribeToken(token)).toBeNull();
    }
    expect(await muted(w.network.id, w.english.id)).toBe(false);
  });

  it("treats a person who has left the network as already unsubscribed", async () => {
    const leaver = await createUser();
    const net = await createNetwork({ name: "Verlassen", members: [{ userId: leaver.id, role: "member" }] });
    const token = signUnsubscribeToken(SECRET, { userId: leaver.id, networkId: net.id });
    await t.db.delete(networkMembers).where(eq(networkMembers.userId, leaver.id));
    expect(await describeUnsubscribeToken(token)).toEqual({ networkName: "Verlassen", isMember: false, muted: true });
    expect(await unsubscribeFromAnnouncements({ input: { token } })).toEqual({ networkName: "Verlassen", muted: true, wasMember: false });
    const [row] = await t.db.select({ n: count() }).from(users).where(eq(users.id, leaver.id));
    expect(row?.n).toBe(1);
  });
});
