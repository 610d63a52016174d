import "server-only";
import { asc, eq, ilike, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLog, networkMembers, networks, outboxEmails, users } from "@/db/schema";
import { assertCan, type Actor } from "@/lib/policy";

export async function findUserByEmail(email: string) {
  const db = await getDb();
  const [row] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  return row ?? null;
}

export async function findUserById(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

export type Profile = {
  id: string;
  name: string;
  email: string;
  role: "admin" | "moderator" | "member";
  organisation: string | null;
  sector: string | null;
  expertise: string[];
  bio: string | null;
  locale: "de" | "en" | null;
};

export async function getProfile(actor: Actor): Promise<Profile> {
  const row = await findUserById(actor.id);
  if (!row) throw new Error("signed-in user vanished");
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    organisation: row.organisation,
    sector: row.sector,
    expertise: row.expertise,
    bio: row.bio,
    locale: row.locale,
  };
}

export async function listUsers(actor: Actor | null, options: { q?: string } = {}) {
  assertCan(actor, "users.list");
  const db = await getDb();
  const q = options.q?.trim();
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      organisation: users.organisation,
      sector: users.sector,
      disabledAt: users.disabledAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(q ? or(ilike(users.name, `%${q}%`), ilike(users.email, `%${q}%`), ilike(users.organisation, `%${q}%`)) : undefined)
    .orderBy(asc(users.name))
    .limit(500);
}

/** Everything Netzwerkstatt stores about the actor (DSGVO Art. 15/20), without secrets. */
export async function exportAccountData(actor: Actor) {
  assertCan(actor, "profile.export");
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, actor.id));
  if (!user) throw new Error("signed-in user vanished");
  const { passwordHash: _omit, sessionVersion: _internal, ...profile } = user;
  const [memberships, activity, mails] = await Promise.all([
    db
      .select({ network: networks.name, slug: networks.slug, role: networkMembers.role, joinedAt: networkMembers.joinedAt })
      .from(networkMembers)
      .innerJoin(networks, eq(networks.id, networkMembers.networkId))
      .where(eq(networkMembers.userId, actor.id)),
    db
      .select({ action: auditLog.action, subjectType: auditLog.subjectType, subjectId: auditLog.subjectId, at: auditLog.at })
      .from(auditLog)
      .where(eq(auditLog.actorId, actor.id))
      .orderBy(asc(auditLog.at)),
    db
      .select({ subject: outboxEmails.subject, kind: outboxEmails.kind, createdAt: outboxEmails.createdAt })
      .from(outboxEmails)
      .where(eq(outboxEmails.to, user.email))
      .orderBy(asc(outboxEmails.createdAt)),
  ]);
  return { exportedAt: new Date().toISOString(), profile: { ...profile, hasPassword: Boolean(user.passwordHash) }, memberships, activity, mails };
}
