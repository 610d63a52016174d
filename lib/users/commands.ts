import "server-only";
import { and, count, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { outboxEmails, passwordResetTokens, signInAttempts, users, type Locale } from "@/db/schema";
import { recordAudit } from "@/lib/audit/commands";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { appUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { composeMail } from "@/lib/mail/templates";
import { sendMail } from "@/lib/mail/send";
import { assertCan, type Actor } from "@/lib/policy";
import { parseInput } from "@/lib/validation";
import {
  ZChangePassword,
  ZChangeRole,
  ZDeleteAccount,
  ZProfile,
  ZRequestEmailLink,
  ZResetPassword,
  ZSetDisabled,
  ZSignUp,
} from "./schemas";

const RESET_TTL_MS = 60 * 60 * 1000;

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string; cause?: { code?: string } })?.code ?? (error as { cause?: { code?: string } })?.cause?.code;
  return code === "23505";
}

export async function signUp({ input, locale }: { input: unknown; locale: Locale }) {
  const data = parseInput(ZSignUp, input);
  const passwordHash = await hashPassword(data.password);
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ name: data.name, email: data.email, passwordHash, locale })
        .returning({ id: users.id, email: users.email, name: users.name });
      if (!user) throw new Error("insert returned nothing");
      await recordAudit(tx, { actorId: user.id, action: "user.signed_up", subjectType: "user", subjectId: user.id });
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("email_taken", "E-mail already registered", { fields: { email: ["emailTaken"] } });
    throw error;
  }
}

export async function updateProfile({ actor, input }: { actor: Actor | null; input: unknown }) {
  assertCan(actor, "profile.edit");
  const data = parseInput(ZProfile, input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.update(users).set(data).where(eq(users.id, actor.id));
    await recordAudit(tx, { actorId: actor.id, action: "profile.updated", subjectType: "user", subjectId: actor.id });
  });
  return data;
}

/** Ends all of the actor's sessions, including this one: they sign in again with the new password. */
export async function changePassword({ actor, input }: { actor: Actor | null; input: unknown }) {
  assertCan(actor, "profile.edit");
  const data = parseInput(ZChangePassword, input);
  const db = await getDb();
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id));
  if (!user?.passwordHash || !(await verifyPassword(data.current, user.passwordHash))) {
    throw new AppError("invalid_input", "Current password is wrong", { fields: { current: ["currentPasswordWrong"] } });
  }
  const passwordHash = await hashPassword(data.password);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, actor.id));
    await recordAudit(tx, { actorId: actor.id, action: "user.password_changed", subjectType: "user", subjectId: actor.id });
  });
}

/** Same answer whether or not the address is known, so the form cannot be used to probe accounts. */
export async function requestPasswordReset({ input }: { input: unknown }) {
  const { email } = parseInput(ZRequestEmailLink, input);
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.email, email));
  if (!user || user.disabledAt) return;
  const { token, hash } = newToken();
  await db.insert(passwordResetTokens).values({ tokenHash: hash, userId: user.id, expiresAt: new Date(Date.now() + RESET_TTL_MS) });
  await sendMail(
    composeMail("passwordReset", user.locale ?? "de", user.email, {
      name: user.name,
      url: `${appUrl()}/reset-password?token=${encodeURIComponent(token)}`,
    }),
  );
}

export async function resetPassword({ input }: { input: unknown }) {
  const data = parseInput(ZResetPassword, input);
  const passwordHash = await hashPassword(data.password);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(passwordResetTokens)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(passwordResetTokens.tokenHash, hashToken(data.token)),
          isNull(passwordResetTokens.usedAt),
          gt(passwordResetTokens.expiresAt, new Date()),
        ),
      )
      .returning({ userId: passwordResetTokens.userId });
    if (!claimed) throw new AppError("token_invalid", "Reset link invalid or expired");
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, emailVerified: new Date() })
      .where(eq(users.id, claimed.userId));
    await recordAudit(tx, { actorId: claimed.userId, action: "user.password_reset", subjectType: "user", subjectId: claimed.userId });
  });
}

/** Arbitrary but fixed: changes that could remove an admin take turns (see assertNotLastAdmin). */
const ADMIN_CHANGE_LOCK = 7_341_003;

async function assertNotLastAdmin(tx: Tx, userId: string) {
  // Two admins demoting each other at once would each still count the other and leave none:
  // the check and the change are serialised, and each count sees the previous change committed.
  await tx.execute(sql`select pg_advisory_xact_lock(${ADMIN_CHANGE_LOCK})`);
  const [others] = await tx
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.disabledAt), ne(users.id, userId)));
  if (!others?.n) throw new AppError("last_admin", "The last active admin cannot be removed");
}

/*
 * The target row is locked FOR NO KEY UPDATE, not FOR UPDATE: the audit entry's foreign key takes
 * a KEY SHARE lock on the actor's row, which FOR UPDATE blocks, so two admins changing each other
 * at once deadlocked.
 */
export async function changeUserRole({ actor, input }: { actor: Actor | null; input: unknown }) {
  assertCan(actor, "users.changeRole");
  const { userId, role } = parseInput(ZChangeRole, input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [target] = await tx.select({ role: users.role }).from(users).where(eq(users.id, userId)).for("no key update");
    if (!target) throw new AppError("not_found", "User not found");
    if (target.role === role) return;
    if (target.role === "admin") await assertNotLastAdmin(tx, userId);
    await tx.update(users).set({ role }).where(eq(users.id, userId));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.role_changed",
      subjectType: "user",
      subjectId: userId,
      data: { from: target.role, to: role },
    });
  });
}

export async function setUserDisabled({ actor, input }: { actor: Actor | null; input: unknown }) {
  assertCan(actor, "users.disable");
  const { userId, disabled } = parseInput(ZSetDisabled, input);
  if (userId === actor.id) throw new AppError("conflict", "You cannot disable yourself");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [target] = await tx.select({ role: users.role, disabledAt: users.disabledAt }).from(users).where(eq(users.id, userId)).for("no key update");
    if (!target) throw new AppError("not_found", "User not found");
    if (Boolean(target.disabledAt) === disabled) return;
    if (disabled && target.role === "admin") await assertNotLastAdmin(tx, userId);
    await tx
      .update(users)
      .set(disabled ? { disabledAt: new Date(), sessionVersion: sql`${users.sessionVersion} + 1` } : { disabledAt: null })
      .where(eq(users.id, userId));
    await recordAudit(tx, {
      actorId: actor.id,
      action: disabled ? "user.disabled" : "user.enabled",
      subjectType: "user",
      subjectId: userId,
    });
  });
}

/** DSGVO Art. 17: removes the person and what is only theirs; the audit trail keeps the bare event. */
export async function deleteAccount({ actor, input }: { actor: Actor | null; input: unknown }) {
  assertCan(actor, "profile.delete");
  const { confirmEmail } = parseInput(ZDeleteAccount, input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [me] = await tx.select().from(users).where(eq(users.id, actor.id)).for("update");
    if (!me) throw new AppError("not_found", "User not found");
    if (me.email !== confirmEmail) {
      throw new AppError("invalid_input", "E-mail does not match", { fields: { confirmEmail: ["confirmEmailMismatch"] } });
    }
    if (me.role === "admin") await assertNotLastAdmin(tx, me.id);
    await tx.delete(outboxEmails).where(eq(outboxEmails.to, me.email));
    await tx.delete(signInAttempts).where(eq(signInAttempts.email, me.email));
    await tx.delete(users).where(eq(users.id, me.id));
    await recordAudit(tx, { actorId: null, action: "user.deleted", subjectType: "user", subjectId: me.id });
  });
}

/**
 * Sign-out. A session is a signed token the server cannot delete, and a request still in flight
 * can put a deleted cookie back; bumping the session version makes every token issued so far
 * (this browser's, a copied one, other devices') fail at its next request.
 */
export async function endSessions({ actor }: { actor: Actor | null }) {
  assertCan(actor, "profile.edit");
  const db = await getDb();
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, actor.id));
}

export async function setPreferredLocale({ actor, locale }: { actor: Actor | null; locale: Locale }) {
  assertCan(actor, "profile.edit");
  const db = await getDb();
  await db.update(users).set({ locale }).where(eq(users.id, actor.id));
}
