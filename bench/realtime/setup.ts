import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import postgres from "postgres";
import { openDatabase, type Database, type DatabaseConfig } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { boardEvents, boards, cards, phases, thinkTankParticipants, thinkTanks, users } from "@/db/schema";

/*
 * Database side of the benchmark (and of the chaos test): a fresh PostgreSQL database or PGlite
 * directory, a think-tank with one running phase and one canvas board, people on it, and session
 * cookies for them minted exactly as Auth.js does (lib/realtime/session.ts decodes them).
 */

export const SESSION_COOKIE = "authjs.session-token";

export type BenchDatabase =
  | { kind: "postgres"; url: string; name: string; adminUrl: string; config: DatabaseConfig }
  | { kind: "pglite"; dataDir: string; config: DatabaseConfig };

function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** A new, empty database: `nzw_<prefix>_<hex>` on the PostgreSQL server of adminUrl, or a temp PGlite directory. */
export async function createFreshDatabase(kind: "postgres" | "pglite", options: { adminUrl?: string; prefix: string }): Promise<BenchDatabase> {
  if (kind === "pglite") {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `nzw-${options.prefix}-`));
    return { kind, dataDir, config: { kind: "pglite", dataDir } };
  }
  const adminUrl = options.adminUrl;
  if (!adminUrl) throw new Error("PostgreSQL needs an admin URL (DATABASE_URL or --pg-url)");
  const name = `nzw_${options.prefix}_${randomBytes(5).toString("hex")}`;
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`create database "${name}"`);
  } finally {
    await sql.end({ timeout: 5 });
  }
  const url = withDatabaseName(adminUrl, name);
  return { kind, url, name, adminUrl, config: { kind: "postgres", url, max: 4 } };
}

export async function dropFreshDatabase(database: BenchDatabase): Promise<void> {
  if (database.kind === "pglite") {
    fs.rmSync(database.dataDir, { recursive: true, force: true });
    return;
  }
  const sql = postgres(database.adminUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`drop database if exists "${database.name}" with (force)`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** The environment that points a server process (start.mjs or the chaos server) at this database. */
export function databaseEnv(database: BenchDatabase, base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  if (database.kind === "postgres") {
    env.DATABASE_URL = database.url;
    delete env.DATA_DIR;
  } else {
    delete env.DATABASE_URL;
    env.DATA_DIR = database.dataDir;
  }
  return env;
}

export type BoardPerson = { id: string; name: string; sessionVersion: number; role: "moderator" | "knowledge_giver" | "observer" };
export type BoardFixture = { thinkTankId: string; phaseId: string; boardId: string; people: BoardPerson[] };

/**
 * A think-tank (active) with one running phase and one board of the given kind, and `count`
 * people on it: the first is its moderator, the others knowledge-givers (they may write).
 */
export async function seedBoard(database: Database, count: number, options: { tag?: string; kind?: "canvas" | "columns" } = {}): Promise<BoardFixture> {
  const tag = options.tag ?? randomBytes(3).toString("hex");
  return database.db.transaction(async (tx) => {
    const people = await tx
      .insert(users)
      .values(
        Array.from({ length: count }, (_, i) => ({
          name: `Bench ${tag} ${i}`,
          email: `bench-${tag}-${i}-${randomBytes(3).toString("hex")}@bench.test`,
          role: "member" as const,
          emailVerified: new Date(),
        })),
      )
      .returning({ id: users.id, name: users.name, sessionVersion: users.sessionVersion });
    const [thinkTank] = await tx
      .insert(thinkTanks)
      .values({ title: `Benchmark ${tag}`, question: "Wie schnell ist das Board?", status: "active", createdById: people[0]!.id })
      .returning({ id: thinkTanks.id });
    const [phase] = await tx
      .insert(phases)
      .values({ thinkTankId: thinkTank!.id, position: 0, name: "Ideen", status: "running", startedAt: new Date(), runningSince: new Date() })
      .returning({ id: phases.id });
    await tx.update(thinkTanks).set({ currentPhaseId: phase!.id }).where(eq(thinkTanks.id, thinkTank!.id));
    const kind = options.kind ?? "canvas";
    const [board] = await tx
      .insert(boards)
      .values({ thinkTankId: thinkTank!.id, phaseId: phase!.id, title: `Board ${tag}`, kind, template: kind === "canvas" ? "canvas" : "feedback_grid" })
      .returning({ id: boards.id });
    const roles = people.map((_, i) => (i === 0 ? ("moderator" as const) : ("knowledge_giver" as const)));
    // Insert in chunks: one statement with thousands of parameters is slow on PGlite.
    for (let i = 0; i < people.length; i += 200) {
      await tx.insert(thinkTankParticipants).values(
        people.slice(i, i + 200).map((p, j) => ({ thinkTankId: thinkTank!.id, userId: p.id, role: roles[i + j]! })),
      );
    }
    return {
      thinkTankId: thinkTank!.id,
      phaseId: phase!.id,
      boardId: board!.id,
      people: people.map((p, i) => ({ ...p, role: roles[i]! })),
    };
  });
}

/** Opens, migrates and seeds; closes again so the server process can take the database (PGlite is single-process). */
export async function prepareBoard(database: BenchDatabase, count: number, options: { tag?: string } = {}): Promise<BoardFixture> {
  const handle = await openDatabase(database.config);
  try {
    await migrateDatabase(handle);
    return await seedBoard(handle, count, options);
  } finally {
    await handle.close();
  }
}

/** The session cookie header of a person, as Auth.js would set it after sign-in (JWT session strategy). */
export async function sessionCookie(person: Pick<BoardPerson, "id" | "sessionVersion">, secret: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const token = await encode({
    token: { uid: person.id, sv: person.sessionVersion, authTime: now, lastSeen: now },
    secret,
    salt: SESSION_COOKIE,
  });
  return `${SESSION_COOKIE}=${token}`;
}

export function newAuthSecret(): string {
  return randomBytes(36).toString("base64url");
}

export type PersistedCheck = { events: number; ackedFound: number; ackedMissing: number; duplicates: number; cards: number; boardSeq: number };

/** What the database holds for the board: every acknowledged clientOpId once, seq without gaps. */
export async function checkPersisted(database: BenchDatabase, boardId: string, acked: Iterable<string>): Promise<PersistedCheck> {
  const handle = await openDatabase(database.config);
  try {
    const rows = await handle.db.select({ clientOpId: boardEvents.clientOpId }).from(boardEvents).where(eq(boardEvents.boardId, boardId));
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(row.clientOpId, (counts.get(row.clientOpId) ?? 0) + 1);
    let ackedFound = 0;
    let ackedMissing = 0;
    for (const id of acked) {
      if (counts.has(id)) ackedFound++;
      else ackedMissing++;
    }
    const duplicates = [...counts.values()].filter((n) => n > 1).length;
    const cardRows = await handle.db.select({ id: cards.id }).from(cards).where(eq(cards.boardId, boardId));
    const [board] = await handle.db.select({ seq: boards.seq }).from(boards).where(eq(boards.id, boardId));
    return { events: rows.length, ackedFound, ackedMissing, duplicates, cards: cardRows.length, boardSeq: board?.seq ?? -1 };
  } finally {
    await handle.close();
  }
}

export function newId(): string {
  return randomUUID();
}
