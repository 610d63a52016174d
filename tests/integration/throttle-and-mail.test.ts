import { randomBytes } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { outboxEmails, signInAttempts } from "@/db/schema";
import { recordSignInAttempt, signInThrottle, THROTTLE } from "@/lib/auth/throttle";
import { listOutbox } from "@/lib/mail/queries";
import { sendMail } from "@/lib/mail/send";
import { listAuditEntries } from "@/lib/audit/queries";
import { testDriver, withTestDatabase } from "../support/database";
import { envPerTest } from "../support/env";
import { actorOf, createUser, outboxFor, uniqueEmail } from "../support/factories";

const t = withTestDatabase();
const setEnv = envPerTest();

const NOW = new Date("2030-06-01T12:00:00Z");
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);
const ip = () => `198.51.100.${randomBytes(1)[0]}-${randomBytes(3).toString("hex")}`;

async function failures(rows: Array<{ email: string; ip: string; at: Date; succeeded?: boolean }>) {
  await t.db.insert(signInAttempts).values(rows.map((r) => ({ succeeded: false, ...r })));
}

describe(`sign-in throttle (${testDriver()})`, () => {
  it("allows four failures for an e-mail and locks at the fifth within 15 minutes", async () => {
    const email = uniqueEmail();
    const from = ip();
    await failures([14, 10, 6, 2].map((m) => ({ email, ip: from, at: minutesAgo(m) })));
    expect(await signInThrottle(email, from, NOW)).toEqual({ limited: false, retryAfterSeconds: 0 });

    await failures([{ email, ip: from, at: minutesAgo(1) }]);
    const state = await signInThrottle(email, from, NOW);
    expect(state.limited).toBe(true);
    // Locked until the oldest of the five (14 minutes ago) leaves the window: one minute.
    expect(state.retryAfterSeconds).toBe(60);
    expect(state.retryAfterSeconds).toBeLessThanOrEqual(THROTTLE.windowMs / 1000);
  });

  it("locks the e-mail from any IP, but not another e-mail from another IP", async () => {
    const email = uniqueEmail();
    await failures([1, 2, 3, 4, 5].map((m) => ({ email, ip: ip(), at: minutesAgo(m) })));
    const fromElsewhere = await signInThrottle(email, ip(), NOW);
    expect(fromElsewhere.limited).toBe(true);
    expect(fromElsewhere.retryAfterSeconds).toBeGreaterThan(0);
    expect(fromElsewhere.retryAfterSeconds).toBeLessThanOrEqual(900);
    expect(await signInThrottle(uniqueEmail(), ip(), NOW)).toEqual({ limited: false, retryAfterSeconds: 0 });
  });

  it("locks an IP that failed five times across different e-mails", async () => {
    const from = ip();
    await failures([1, 2, 3, 4, 5].map((m) => ({ email: uniqueEmail(), ip: from, at: minutesAgo(m) })));
    const state = await signInThrottle(uniqueEmail(), from, NOW);
    expect(state).toEqual({ limited: true, retryAfterSeconds: 10 * 60 });
  });

  it("does not count failures older than the window, or successes", async () => {
    const email = uniqueEmail();
    const from = ip();
    await failures([
      ...[15, 16, 30, 60 * 24].map((m) => ({ email, ip: from, at: minutesAgo(m) })), // exactly 15 minutes ago is out
      ...[1, 2, 3, 4].map((m) => ({ email, ip: from, at: minutesAgo(m) })),
      ...[1, 2, 3].map((m) => ({ email, ip: from, at: minutesAgo(m), succeeded: true })),
    ]);
    expect(await signInThrottle(email, from, NOW)).toEqual({ limited: false, retryAfterSeconds: 0 });
    // One more failure inside the window tips it over.
    await failures([{ email, ip: from, at: minutesAgo(14.5) }]);
    expect((await signInThrottle(email, from, NOW)).limited).toBe(true);
  });

  it("takes the later unlock time when both the e-mail and the IP are locked", async () => {
    const email = uniqueEmail();
    const from = ip();
    await failures([
      ...[1, 2, 3, 4, 5].map((m) => ({ email, ip: ip(), at: minutesAgo(m) })), // e-mail: unlocks in 10 min
      ...[6, 7, 8, 9, 12].map((m) => ({ email: uniqueEmail(), ip: from, at: minutesAgo(m) })), // IP: unlocks in 3 min
    ]);
    expect(await signInThrottle(email, from, NOW)).toEqual({ limited: true, retryAfterSeconds: 600 });
  });

  it("records attempts with the current time", async () => {
    const email = uniqueEmail();
    const from = ip();
    for (let i = 0; i < 5; i++) await recordSignInAttempt(email, from, false);
    await recordSignInAttempt(email, from, true);
    const [row] = await t.db.select({ n: count() }).from(signInAttempts).where(eq(signInAttempts.email, email));
    expect(row?.n).toBe(6);
    const state = await signInThrottle(email, from);
    expect(state.limited).toBe(true);
    expect(state.retryAfterSeconds).toBeGreaterThan(890);
    expect(state.retryAfterSeconds).toBeLessThanOrEqual(900);
  });
});

describe(`mail outbox (${testDriver()})`, () => {
  beforeEach(() => {
    vi.spyOn(console, "info").mockImplementation(() => {});
    vi.spyOn(console, "error").mockImplementation(() => {});
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("without SMTP_URL stores the mail as sent through the outbox and logs it", async () => {
    setEnv({ SMTP_URL: undefined });
    const to = uniqueEmail("mail");
    const { id } = await sendMail({ to, subject: "Hallo", text: "Ein Link: https://nzw.example/x", kind: "welcome" });
    const [row] = await t.db.select().from(outboxEmails).where(eq(outboxEmails.id, id));
    expect(row).toMatchObject({ to, subject: "Hallo", text: "Ein Link: https://nzw.example/x", kind: "welcome", transport: "outbox", error: null });
    expect(row?.sentAt).toBeInstanceOf(Date);
    expect(console.info).toHaveBeenCalledWith(expect.stringContaining(to));
  });

  it("with an unreachable SMTP server records the failure instead of throwing", async () => {
    setEnv({ SMTP_URL: "smtp://127.0.0.1:1" });
    const to = uniqueEmail("smtp");
    await sendMail({ to, subject: "Hallo", text: "Text", kind: "welcome" });
    const [row] = await outboxFor(to);
    expect(row).toMatchObject({ transport: "smtp", sentAt: null });
    expect(row?.error).toMatch(/ECONNREFUSED|connect/i);
  });

  it("is readable by admins only", async () => {
    setEnv({ SMTP_URL: undefined });
    const admin = await createUser({ role: "admin" });
    const moderator = await createUser({ role: "moderator" });
    const to = uniqueEmail("listed");
    await sendMail({ to, subject: "Für die Liste", text: "Text", kind: "welcome" });
    await expect(listOutbox(actorOf(moderator))).rejects.toMatchObject({ code: "forbidden" });
    await expect(listOutbox(null)).rejects.toMatchObject({ code: "unauthenticated" });
    expect((await listOutbox(actorOf(admin), { to: to.toUpperCase() })).map((m) => m.subject)).toEqual(["Für die Liste"]);
  });

  it("keeps the audit log for admins only", async () => {
    const admin = await createUser({ role: "admin" });
    const member = await createUser();
    await expect(listAuditEntries(actorOf(member))).rejects.toMatchObject({ code: "forbidden" });
    expect(Array.isArray(await listAuditEntries(actorOf(admin), { limit: 5 }))).toBe(true);
  });
});
