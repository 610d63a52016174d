import { and, count, eq, isNull } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { networkMembers, outboxEmails, passwordResetTokens, signInAttempts, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { hashToken, newToken } from "@/lib/auth/tokens";
import {
  changePassword,
  changeUserRole,
  deleteAccount,
  requestPasswordReset,
  resetPassword,
  setPreferredLocale,
  setUserDisabled,
  signUp,
  updateProfile,
} from "@/lib/users/commands";
import { exportAccountData, findUserByEmail, getProfile, listUsers } from "@/lib/users/queries";
import { testDriver, withTestDatabase } from "../support/database";
import { envPerTest } from "../support/env";
import { hashing } from "../support/password";
import { TEST_PASSWORD, actorOf, auditEntries, createNetwork, createUser, outboxFor, reloadUser, uniqueEmail } from "../support/factories";
import { appError } from "../support/errors";

// Commands hash at small scrypt parameters here, except where a test asks for the production cost.
vi.mock("@/lib/auth/password", async (importOriginal) => (await import("../support/password")).cheapPasswordHashing(importOriginal));

const t = withTestDatabase();
const setEnv = envPerTest();

beforeEach(() => {
  // sendMail logs every outbox mail; keep the test output readable.
  vi.spyOn(console, "info").mockImplementation(() => {});
  setEnv({ SMTP_URL: undefined, APP_URL: "https://nzw.example" });
});


/** Makes `keep` the only active admin (other tests in this file create admins too). */
async function onlyAdmins(...keep: string[]) {
  const others = await t.db.select({ id: users.id }).from(users).where(eq(users.role, "admin"));
  for (const { id } of others) if (!keep.includes(id)) await t.db.update(users).set({ role: "member" }).where(eq(users.id, id));
}

async function activeAdminCount() {
  const [row] = await t.db.select({ n: count() }).from(users).where(and(eq(users.role, "admin"), isNull(users.disabledAt)));
  return row?.n ?? 0;
}

afterEach(() => {
  hashing.production = false;
});

describe(`signUp (${testDriver()})`, () => {
  it("creates a member with a production scrypt hash, a normalised e-mail and an audit entry", async () => {
    hashing.production = true;
    const email = uniqueEmail("Signup").replace("signup", "SignUp");
    const created = await signUp({ input: { name: " Klara Koch ", email: `  ${email.toUpperCase()} `, password: "zehn-zeichen-lang" }, locale: "en" });
    expect(created.email).toBe(email.toLowerCase());
    const row = await reloadUser(created.id);
    expect(row).toMatchObject({ name: "Klara Koch", email: email.toLowerCase(), role: "member", locale: "en", sessionVersion: 1, disabledAt: null });
    expect(row?.passwordHash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(row?.passwordHash).not.toContain("zehn-zeichen-lang");
    expect(await verifyPassword("zehn-zeichen-lang", row?.passwordHash)).toBe(true);
    expect(await auditEntries({ action: "user.signed_up", subjectId: created.id })).toEqual([
      expect.objectContaining({ actorId: created.id, subjectType: "user" }),
    ]);
  });

  it("refuses an e-mail that is already registered, whatever its case, with a field error", async () => {
    const existing = await createUser({ email: uniqueEmail("taken") });
    const error = await appError(signUp({ input: { name: "Copy", email: existing.email.toUpperCase(), password: "zehn-zeichen-lang" }, locale: "de" }));
    expect(error).toMatchObject({ code: "email_taken", status: 409, fields: { email: ["emailTaken"] } });
    const [row] = await t.db.select({ n: count() }).from(users).where(eq(users.email, existing.email));
    expect(row?.n).toBe(1);
  });

  it("rejects invalid input with field errors and writes nothing", async () => {
    const [before] = await t.db.select({ n: count() }).from(users);
    const error = await appError(signUp({ input: { name: "", email: "nope", password: "short" }, locale: "de" }));
    expect(error).toMatchObject({ code: "invalid_input", fields: { name: ["required"], email: ["email"], password: ["passwordTooShort"] } });
    const [after] = await t.db.select({ n: count() }).from(users);
    expect(after?.n).toBe(before?.n);
  });
});

describe(`updateProfile (${testDriver()})`, () => {
  it("saves the profile and records it in the audit log", async () => {
    const user = await createUser();
    await updateProfile({
      actor: actorOf(user),
      input: { name: "Eva Engel", organisation: "Hochschule", sector: "research", expertise: "Migration, partizipation, migration", bio: "Forscht.", locale: "en" },
    });
    expect(await getProfile(actorOf(user))).toMatchObject({
      name: "Eva Engel",
      organisation: "Hochschule",
      sector: "research",
      expertise: ["migration", "partizipation"],
      bio: "Forscht.",
      locale: "en",
    });
    expect(await auditEntries({ action: "profile.updated", subjectId: user.id })).toHaveLength(1);
  });

  it("rejects an unknown sector with invalid_input and writes nothing", async () => {
    const user = await createUser({ organisation: "Before", sector: "health" });
    const error = await appError(updateProfile({ actor: actorOf(user), input: { name: "Changed", organisation: "After", sector: "military", locale: "de" } }));
    expect(error).toMatchObject({ code: "invalid_input", fields: { sector: ["invalidChoice"] } });
    expect(await reloadUser(user.id)).toMatchObject({ name: user.name, organisation: "Before", sector: "health" });
    expect(await auditEntries({ action: "profile.updated", subjectId: user.id })).toEqual([]);
  });

  it("needs a signed-in actor", async () => {
    expect(await appError(updateProfile({ actor: null, input: { name: "X", locale: "de" } }))).toMatchObject({ code: "unauthenticated" });
  });

  it("stores the preferred language", async () => {
    const user = await createUser({ locale: null });
    await setPreferredLocale({ actor: actorOf(user), locale: "en" });
    expect((await reloadUser(user.id))?.locale).toBe("en");
  });
});

describe(`changePassword (${testDriver()})`, () => {
  it("refuses a wrong current password with a field error and changes nothing", async () => {
    const user = await createUser();
    const error = await appError(
      changePassword({ actor: actorOf(user), input: { current: "not the password", password: "neues-passwort-1", confirm: "neues-passwort-1" } }),
    );
    expect(error).toMatchObject({ code: "invalid_input", fields: { current: ["currentPasswordWrong"] } });
    const row = await reloadUser(user.id);
    expect(row).toMatchObject({ passwordHash: user.passwordHash, sessionVersion: user.sessionVersion });
    expect(await auditEntries({ action: "user.password_changed", subjectId: user.id })).toEqual([]);
  });

  it("sets the new password, ends older sessions (sessionVersion + 1) and writes an audit entry", async () => {
    const user = await createUser();
    await changePassword({ actor: actorOf(user), input: { current: TEST_PASSWORD, password: "neues-passwort-1", confirm: "neues-passwort-1" } });
    const row = await reloadUser(user.id);
    expect(row?.sessionVersion).toBe(user.sessionVersion + 1);
    expect(await verifyPassword("neues-passwort-1", row?.passwordHash)).toBe(true);
    expect(await verifyPassword(TEST_PASSWORD, row?.passwordHash)).toBe(false);
    expect(await auditEntries({ action: "user.password_changed", subjectId: user.id })).toEqual([
      expect.objectContaining({ actorId: user.id }),
    ]);
  });
});

describe(`password reset (${testDriver()})`, () => {
  it("sends nothing for an unknown or disabled e-mail", async () => {
    const disabled = await createUser({ disabled: true });
    const [before] = await t.db.select({ n: count() }).from(outboxEmails);
    await requestPasswordReset({ input: { email: uniqueEmail("nobody") } });
    await requestPasswordReset({ input: { email: disabled.email } });
    const [after] = await t.db.select({ n: count() }).from(outboxEmails);
    expect(after?.n).toBe(before?.n);
    expect(await t.db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, disabled.id))).toEqual([]);
  });

  it("mails a single-use link that resets the password", async () => {
    const user = await createUser({ locale: "en" });
    await requestPasswordReset({ input: { email: user.email.toUpperCase() } });

    const mails = await outboxFor(user.email);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail).toMatchObject({ kind: "passwordReset", transport: "outbox", error: null });
    expect(mail.sentAt).toBeInstanceOf(Date);
    const link = /https:\/\/nzw\.example\/reset-password\?token=([A-Za-z0-9_%-]+)/.exec(mail.text);
    expect(link, mail.text).not.toBeNull();
    const token = decodeURIComponent(link![1]!);

    // Only the token's hash is stored.
    const [stored] = await t.db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, user.id));
    expect(stored?.tokenHash).toBe(hashToken(token));
    expect(stored?.tokenHash).not.toContain(token);
    expect(stored?.expiresAt.getTime()).toBeGreaterThan(Date.now() + 55 * 60 * 1000);

    await resetPassword({ input: { token, password: "ganz-neues-passwort", confirm: "ganz-neues-passwort" } });
    const row = await reloadUser(user.id);
    expect(await verifyPassword("ganz-neues-passwort", row?.passwordHash)).toBe(true);
    expect(row?.sessionVersion).toBe(user.sessionVersion + 1);
    expect(await auditEntries({ action: "user.password_reset", subjectId: user.id })).toHaveLength(1);

    // Single use: the same link does not work twice.
    const again = await appError(resetPassword({ input: { token, password: "noch-ein-passwort", confirm: "noch-ein-passwort" } }));
    expect(again).toMatchObject({ code: "token_invalid", status: 400 });
    expect((await reloadUser(user.id))?.passwordHash).toBe(row?.passwordHash);
  });

  it("rejects an expired token and an unknown one", async () => {
    const user = await createUser();
    const { token, hash } = newToken();
    await t.db.insert(passwordResetTokens).values({ tokenHash: hash, userId: user.id, expiresAt: new Date(Date.now() - 1000) });
    const expired = await appError(resetPassword({ input: { token, password: "ganz-neues-passwort", confirm: "ganz-neues-passwort" } }));
    expect(expired).toMatchObject({ code: "token_invalid" });
    const unknown = await appError(resetPassword({ input: { token: newToken().token, password: "ganz-neues-passwort", confirm: "ganz-neues-passwort" } }));
    expect(unknown).toMatchObject({ code: "token_invalid" });
    expect(await reloadUser(user.id)).toMatchObject({ passwordHash: user.passwordHash, sessionVersion: user.sessionVersion });
  });
});

describe(`changeUserRole (${testDriver()})`, () => {
  it.each(["member", "moderator"] as const)("is forbidden for a %s", async (role) => {
    const actor = await createUser({ role });
    const target = await createUser();
    const error = await appError(changeUserRole({ actor: actorOf(actor), input: { userId: target.id, role: "admin" } }));
    expect(error).toMatchObject({ code: "forbidden", status: 403 });
    expect((await reloadUser(target.id))?.role).toBe("member");
  });

  it("needs a signed-in actor", async () => {
    const target = await createUser();
    expect(await appError(changeUserRole({ actor: null, input: { userId: target.id, role: "admin" } }))).toMatchObject({ code: "unauthenticated" });
  });

  it("lets an admin walk a user through every role, auditing each change with from and to", async () => {
    const admin = await createUser({ role: "admin" });
    const target = await createUser();
    const steps = [
      ["member", "moderator"],
      ["moderator", "admin"],
      ["admin", "moderator"],
      ["moderator", "member"],
      ["member", "admin"],
      ["admin", "member"],
    ] as const;
    for (const [, to] of steps) {
      await changeUserRole({ actor: actorOf(admin), input: { userId: target.id, role: to } });
      expect((await reloadUser(target.id))?.role).toBe(to);
    }
    const entries = await auditEntries({ action: "user.role_changed", subjectId: target.id });
    expect(entries.map((e) => ({ actorId: e.actorId, ...e.data }))).toEqual(steps.map(([from, to]) => ({ actorId: admin.id, from, to })));
  });

  it("does nothing (and audits nothing) when the role is already set", async () => {
    const admin = await createUser({ role: "admin" });
    const target = await createUser({ role: "moderator" });
    await changeUserRole({ actor: actorOf(admin), input: { userId: target.id, role: "moderator" } });
    expect(await auditEntries({ action: "user.role_changed", subjectId: target.id })).toEqual([]);
  });

  it("reports an unknown user as not_found and a bad role as invalid_input", async () => {
    const admin = await createUser({ role: "admin" });
    expect(await appError(changeUserRole({ actor: actorOf(admin), input: { userId: "no-such-user", role: "member" } }))).toMatchObject({ code: "not_found" });
    expect(await appError(changeUserRole({ actor: actorOf(admin), input: { userId: admin.id, role: "owner" } }))).toMatchObject({
      code: "invalid_input",
      fields: { role: ["invalidChoice"] },
    });
  });

  it("never demotes the last active admin, and disabled admins do not count", async () => {
    const admin = await createUser({ role: "admin" });
    const disabledAdmin = await createUser({ role: "admin", disabled: true });
    await onlyAdmins(admin.id, disabledAdmin.id);
    const error = await appError(changeUserRole({ actor: actorOf(admin), input: { userId: admin.id, role: "member" } }));
    expect(error).toMatchObject({ code: "last_admin", status: 409 });
    expect((await reloadUser(admin.id))?.role).toBe("admin");
    expect(await auditEntries({ action: "user.role_changed", subjectId: admin.id })).toEqual([]);

    // With a second active admin the demotion goes through.
    const second = await createUser({ role: "admin" });
    await changeUserRole({ actor: actorOf(second), input: { userId: admin.id, role: "member" } });
    expect((await reloadUser(admin.id))?.role).toBe("member");
    expect(await activeAdminCount()).toBe(1);
  });

  it("keeps exactly one admin when two admins demote each other at the same moment", async () => {
    // Without serialisation both checks see the other admin and both demotions commit (and
    // FOR UPDATE row locks deadlocked against the audit entry's foreign key): repeat to catch it.
    for (let round = 0; round < 10; round++) {
      const a = await createUser({ role: "admin" });
      const b = await createUser({ role: "admin" });
      await onlyAdmins(a.id, b.id);
      const results = await Promise.allSettled([
        changeUserRole({ actor: actorOf(a), input: { userId: b.id, role: "member" } }),
        changeUserRole({ actor: actorOf(b), input: { userId: a.id, role: "member" } }),
      ]);
      expect(await activeAdminCount(), `round ${round}`).toBe(1);
      const rejected = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
      expect(rejected, `round ${round}`).toEqual([expect.objectContaining({ code: "last_admin" })]);
    }
  });
});

describe(`setUserDisabled (${testDriver()})`, () => {
  it("is forbidden for members and moderators", async () => {
    const target = await createUser();
    for (const role of ["member", "moderator"] as const) {
      const actor = await createUser({ role });
      expect(await appError(setUserDisabled({ actor: actorOf(actor), input: { userId: target.id, disabled: true } }))).toMatchObject({ code: "forbidden" });
    }
    expect((await reloadUser(target.id))?.disabledAt).toBeNull();
  });

  it("disables a user, ending their sessions, and enables them again", async () => {
    const admin = await createUser({ role: "admin" });
    const target = await createUser();
    await setUserDisabled({ actor: actorOf(admin), input: { userId: target.id, disabled: "true" } });
    const disabled = await reloadUser(target.id);
    expect(disabled?.disabledAt).toBeInstanceOf(Date);
    expect(disabled?.sessionVersion).toBe(target.sessionVersion + 1);

    // Disabling twice is a no-op.
    await setUserDisabled({ actor: actorOf(admin), input: { userId: target.id, disabled: true } });
    expect((await reloadUser(target.id))?.sessionVersion).toBe(target.sessionVersion + 1);

    await setUserDisabled({ actor: actorOf(admin), input: { userId: target.id, disabled: false } });
    expect(await reloadUser(target.id)).toMatchObject({ disabledAt: null, sessionVersion: target.sessionVersion + 1 });

    const entries = await auditEntries({ subjectId: target.id });
    expect(entries.map((e) => [e.action, e.actorId])).toEqual([
      ["user.disabled", admin.id],
      ["user.enabled", admin.id],
    ]);
  });

  it("does not let an admin disable themselves", async () => {
    const admin = await createUser({ role: "admin" });
    const error = await appError(setUserDisabled({ actor: actorOf(admin), input: { userId: admin.id, disabled: true } }));
    expect(error).toMatchObject({ code: "conflict" });
    expect((await reloadUser(admin.id))?.disabledAt).toBeNull();
  });

  it("never disables the last active admin", async () => {
    // The acting admin has just been demoted in another tab: the target is the last admin.
    const target = await createUser({ role: "admin" });
    const staleActor = await createUser({ role: "member" });
    await onlyAdmins(target.id);
    const error = await appError(setUserDisabled({ actor: { id: staleActor.id, role: "admin" }, input: { userId: target.id, disabled: true } }));
    expect(error).toMatchObject({ code: "last_admin" });
    expect(await reloadUser(target.id)).toMatchObject({ disabledAt: null, sessionVersion: target.sessionVersion });
  });
});

describe(`deleteAccount (${testDriver()})`, () => {
  it("refuses a confirmation e-mail that does not match and deletes nothing", async () => {
    const user = await createUser();
    const network = await createNetwork({ members: [{ userId: user.id, role: "member" }] });
    const error = await appError(deleteAccount({ actor: actorOf(user), input: { confirmEmail: uniqueEmail("other") } }));
    expect(error).toMatchObject({ code: "invalid_input", fields: { confirmEmail: ["confirmEmailMismatch"] } });
    expect(await reloadUser(user.id)).toBeDefined();
    expect(await t.db.select().from(networkMembers).where(eq(networkMembers.networkId, network.id))).toHaveLength(1);
  });

  it("removes the person, their memberships, mails and sign-in attempts; the audit keeps a bare event", async () => {
    const user = await createUser({ name: "Delete Me Person", organisation: "Secret Org" });
    const other = await createUser();
    const network = await createNetwork({
      members: [
        { userId: user.id, role: "coordinator" },
        { userId: other.id, role: "member" },
      ],
    });
    await requestPasswordReset({ input: { email: user.email } });
    await requestPasswordReset({ input: { email: other.email } });
    await t.db.insert(signInAttempts).values({ email: user.email, ip: "203.0.113.9", succeeded: false });
    await updateProfile({ actor: actorOf(user), input: { name: "Delete Me Person", locale: "de" } });

    await deleteAccount({ actor: actorOf(user), input: { confirmEmail: ` ${user.email.toUpperCase()} ` } });

    expect(await reloadUser(user.id)).toBeUndefined();
    expect(await t.db.select().from(networkMembers).where(eq(networkMembers.networkId, network.id))).toEqual([
      expect.objectContaining({ userId: other.id }),
    ]);
    expect(await outboxFor(user.email)).toEqual([]);
    expect(await outboxFor(other.email)).toHaveLength(1);
    expect(await t.db.select().from(signInAttempts).where(eq(signInAttempts.email, user.email))).toEqual([]);
    expect(await t.db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, user.id))).toEqual([]);

    const [entry, ...more] = await auditEntries({ action: "user.deleted", subjectId: user.id });
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ actorId: null, subjectType: "user", subjectId: user.id, data: {} });
    // Earlier entries of the person stay, without pointing at them.
    const earlier = await auditEntries({ action: "profile.updated", subjectId: user.id });
    expect(earlier.map((e) => e.actorId)).toEqual([null]);
    const serialised = JSON.stringify(await auditEntries({ subjectId: user.id }));
    for (const personal of [user.email, user.name, "Secret Org"]) expect(serialised).not.toContain(personal);
  });

  it("does not let the last admin delete their account", async () => {
    const admin = await createUser({ role: "admin" });
    await onlyAdmins(admin.id);
    const error = await appError(deleteAccount({ actor: actorOf(admin), input: { confirmEmail: admin.email } }));
    expect(error).toMatchObject({ code: "last_admin" });
    expect(await reloadUser(admin.id)).toBeDefined();
  });
});

describe(`exportAccountData (${testDriver()})`, () => {
  it("contains the profile, memberships, activity and mails, but never the password hash", async () => {
    const user = await createUser({ name: "Export Person", organisation: "Lernpaten", sector: "volunteer", expertise: ["ehrenamt"] });
    const network = await createNetwork({ name: "Export Net", members: [{ userId: user.id, role: "coordinator" }] });
    await updateProfile({ actor: actorOf(user), input: { name: "Export Person", organisation: "Lernpaten", sector: "volunteer", expertise: "ehrenamt", locale: "de" } });
    await requestPasswordReset({ input: { email: user.email } });

    const data = await exportAccountData(actorOf(user));
    expect(data.profile).toMatchObject({ id: user.id, name: "Export Person", email: user.email, organisation: "Lernpaten", sector: "volunteer", expertise: ["ehrenamt"], hasPassword: true });
    expect(data.memberships).toEqual([expect.objectContaining({ network: "Export Net", slug: network.slug, role: "coordinator" })]);
    expect(data.activity.map((a) => a.action)).toContain("profile.updated");
    expect(data.mails).toEqual([expect.objectContaining({ kind: "passwordReset" })]);

    const json = JSON.stringify(data);
    expect(data.profile).not.toHaveProperty("passwordHash");
    expect(data.profile).not.toHaveProperty("sessionVersion");
    expect(json).not.toContain("passwordHash");
    expect(json).not.toContain(user.passwordHash!);
    expect(json).not.toContain("scrypt$");
  });
});

describe(`user queries (${testDriver()})`, () => {
  it("finds users by e-mail regardless of case and spacing", async () => {
    const user = await createUser();
    expect((await findUserByEmail(`  ${user.email.toUpperCase()} `))?.id).toBe(user.id);
    expect(await findUserByEmail(uniqueEmail("missing"))).toBeNull();
  });

  it("lists users for admins only, with search", async () => {
    const admin = await createUser({ role: "admin" });
    const needle = await createUser({ name: "Findable Needle", organisation: "Haystack e. V." });
    expect(await appError(listUsers(actorOf(needle)))).toMatchObject({ code: "forbidden" });
    expect(await appError(listUsers(null))).toMatchObject({ code: "unauthenticated" });
    expect((await listUsers(actorOf(admin), { q: "needle" })).map((u) => u.id)).toEqual([needle.id]);
    expect((await listUsers(actorOf(admin), { q: "haystack" })).map((u) => u.id)).toEqual([needle.id]);
    const all = await listUsers(actorOf(admin));
    expect(all.length).toBeGreaterThan(2);
    expect(all[0]).not.toHaveProperty("passwordHash");
  });
});
