import { randomBytes } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  auditLog,
  boards,
  networkMembers,
  networks,
  outboxEmails,
  phases,
  problems,
  thinkTankParticipants,
  thinkTankProblems,
  thinkTanks,
  users,
  type Locale,
  type PlatformRole,
  type Sector,
  type User,
} from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/policy";

/** The password of every factory user. */
export const TEST_PASSWORD = "correct horse battery staple";

/*
 * A real scrypt hash with small parameters: verifyPassword reads N/r/p from the hash, so factory
 * users sign in like anyone else, while the suite hashes once per file instead of ~0.3 s per user
 * at the production cost. Commands that hash (signUp, changePassword, resetPassword) still use
 * the production parameters.
 */
let cheapHash: Promise<string> | undefined;
export function testPasswordHash(): Promise<string> {
  return (cheapHash ??= hashPassword(TEST_PASSWORD, { N: 2 ** 10, r: 8, p: 1, keylen: 64 }));
}

export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${randomBytes(5).toString("hex")}@example.test`;
}

export type UserOptions = {
  role?: PlatformRole;
  email?: string;
  name?: string;
  locale?: Locale | null;
  organisation?: string | null;
  sector?: Sector | null;
  expertise?: string[];
  disabled?: boolean;
};

/**
 * A user row with the given platform role. Inserted directly: no command creates an admin (the
 * first one comes from the seed or the database), and signUp would cost a production hash.
 */
export async function createUser(options: UserOptions = {}): Promise<User> {
  const db = await getDb();
  const [row] = await db
    .insert(users)
    .values({
      name: options.name ?? "Test Person",
      email: (options.email ?? uniqueEmail(options.role ?? "member")).toLowerCase(),
      passwordHash: await testPasswordHash(),
      role: options.role ?? "member",
      locale: options.locale === undefined ? "de" : options.locale,
      organisation: options.organisation ?? null,
      sector: options.sector ?? null,
      expertise: options.expertise ?? [],
      emailVerified: new Date(),
      disabledAt: options.disabled ? new Date() : null,
    })
    .returning();
  if (!row) throw new Error("user insert returned nothing");
  return row;
}

export function actorOf(user: Pick<User, "id" | "role">): Actor {
  return { id: user.id, role: user.role };
}

export async function reloadUser(id: string): Promise<User | undefined> {
  const db = await getDb();
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function createNetwork(options: { slug?: string; name?: string; members?: Array<{ userId: string; role: "coordinator" | "member" }> } = {}) {
  const db = await getDb();
  const slug = options.slug ?? `net-${randomBytes(4).toString("hex")}`;
  const [network] = await db
    .insert(networks)
    .values({ slug, name: options.name ?? `Network ${slug}` })
    .returning();
  if (!network) throw new Error("network insert returned nothing");
  for (const m of options.members ?? []) {
    await db.insert(networkMembers).values({ networkId: network.id, userId: m.userId, role: m.role });
  }
  return network;
}

export async function auditEntries(filter: { action?: string; subjectId?: string } = {}) {
  const db = await getDb();
  return db
    .select()
    .from(auditLog)
    .where(
      and(
        filter.action ? eq(auditLog.action, filter.action) : undefined,
        filter.subjectId ? eq(auditLog.subjectId, filter.subjectId) : undefined,
      ),
    )
    .orderBy(asc(auditLog.id));
}

export async function outboxFor(to: string) {
  const db = await getDb();
  return db.select().from(outboxEmails).where(eq(outboxEmails.to, to)).orderBy(asc(outboxEmails.createdAt));
}

/**
 * A think-tank inserted directly (for tests of code that works on existing think-tanks): with
 * participants, origin problems and one phase with one free-canvas board. Commands that create
 * think-tanks are tested on their own.
 */
export async function createThinkTankRow(
  options: {
    title?: string;
    question?: string;
    status?: "convening" | "active" | "paused" | "concluded" | "archived";
    visibility?: "participants" | "origin_networks";
    participants?: Array<{ userId: string; role: "moderator" | "knowledge_giver" | "delegate" | "observer" }>;
    problemIds?: string[];
    createdById?: string;
  } = {},
) {
  const db = await getDb();
  const [thinkTank] = await db
    .insert(thinkTanks)
    .values({
      title: options.title ?? `Think-Tank ${randomBytes(3).toString("hex")}`,
      question: options.question ?? "Wie könnten wir …?",
      status: options.status ?? "active",
      visibility: options.visibility ?? "participants",
      pausedReason: options.status === "paused" ? "Sommerpause" : null,
      createdById: options.createdById ?? null,
    })
    .returning();
  if (!thinkTank) throw new Error("think-tank insert returned nothing");
  for (const p of options.participants ?? []) await db.insert(thinkTankParticipants).values({ thinkTankId: thinkTank.id, userId: p.userId, role: p.role });
  for (const problemId of options.problemIds ?? []) await db.insert(thinkTankProblems).values({ thinkTankId: thinkTank.id, problemId });
  const [phase] = await db.insert(phases).values({ thinkTankId: thinkTank.id, position: 0, name: "Ideen finden", status: "running" }).returning();
  if (!phase) throw new Error("phase insert returned nothing");
  const [board] = await db.insert(boards).values({ thinkTankId: thinkTank.id, phaseId: phase.id, title: "Ideen", kind: "canvas", template: "canvas" }).returning();
  if (!board) throw new Error("board insert returned nothing");
  return { thinkTank, phase, board };
}

/** A problem row in a network with the given status (e.g. already `in_think_tank`). */
export async function createProblemRow(networkId: string, options: { title?: string; status?: "open" | "escalated" | "in_think_tank" | "resolved" | "withdrawn" } = {}) {
  const db = await getDb();
  const [problem] = await db
    .insert(problems)
    .values({ networkId, title: options.title ?? "Ein Problem", description: "Beschreibung", status: options.status ?? "in_think_tank" })
    .returning();
  if (!problem) throw new Error("problem insert returned nothing");
  return problem;
}
