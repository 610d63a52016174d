import fs from "node:fs";
import path from "node:path";
import { count, eq, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { openDatabase } from "@/db/client";
import { migrateDatabase, migrationsFolder } from "@/db/migrate";
import { DEMO_PASSWORD, demoNetworks, demoUsers, seedDemoData, seedDemoDataIfEmpty } from "@/db/seed";
import { networkMembers, networks, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { createTestDatabase, testDriver, withTestDatabase } from "../support/database";

// The seed hashes seven demo passwords per run; cheaper (still real, self-describing) scrypt
// parameters keep this file fast. verifyPassword reads the parameters from the stored hash.
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/password")>();
  return { ...real, hashPassword: (password: string) => real.hashPassword(password, { N: 2 ** 10, r: 8, p: 1, keylen: 64 }) };
});

const t = withTestDatabase();

function migrationCount(): number {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as { entries: unknown[] };
  return journal.entries.length;
}

/** Rows of db.execute: postgres.js returns an array, PGlite an object with rows. */
function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

async function counts() {
  const [u] = await t.db.select({ n: count() }).from(users);
  const [n] = await t.db.select({ n: count() }).from(networks);
  const [m] = await t.db.select({ n: count() }).from(networkMembers);
  return { users: u?.n, networks: n?.n, members: m?.n };
}

describe(`migrations (${testDriver()})`, () => {
  it("created every table of the schema", async () => {
    const rows = await t.db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    const names = rowsOf<{ table_name: string }>(rows).map((r) => r.table_name);
    expect(names).toEqual(
      expect.arrayContaining([
        "accounts",
        "app_secrets",
        "audit_log",
        "network_members",
        "networks",
        "outbox_emails",
        "password_reset_tokens",
        "sessions",
        "sign_in_attempts",
        "users",
        "verification_tokens",
      ]),
    );
  });

  it("apply cleanly a second time (idempotent)", async () => {
    await migrateDatabase(t.database);
    await migrateDatabase(t.database);
    const applied = await t.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    expect(rowsOf<{ n: number }>(applied)[0]?.n).toBe(migrationCount());
    await t.db.insert(users).values({ name: "After migrations", email: "after-migrations@example.test" });
    const [row] = await t.db.select().from(users).where(eq(users.email, "after-migrations@example.test"));
    expect(row).toMatchObject({ role: "member", sessionVersion: 1, expertise: [] });
    await t.db.delete(users).where(eq(users.email, "after-migrations@example.test"));
  });

  it.runIf(testDriver() === "postgres")("let several instances starting at once migrate one after the other", async () => {
    const fresh = await createTestDatabase("postgres", { migrate: false });
    const others = await Promise.all([openDatabase(fresh.config), openDatabase(fresh.config)]);
    try {
      await Promise.all([fresh.database, ...others].map((d) => migrateDatabase(d)));
      const [row] = await fresh.database.db.select({ n: count() }).from(users);
      expect(row?.n).toBe(0);
      const applied = await fresh.database.db.execute<{ n: number }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      expect(rowsOf<{ n: number }>(applied)[0]?.n).toBe(migrationCount());
    } finally {
      await Promise.all(others.map((d) => d.close()));
      await fresh.dispose();
    }
  });

  it("enforce unique e-mail addresses", async () => {
    await t.db.insert(users).values({ name: "A", email: "unique@example.test" });
    await expect(t.db.insert(users).values({ name: "B", email: "unique@example.test" })).rejects.toThrow();
    await t.db.delete(users).where(eq(users.email, "unique@example.test"));
  });
});

/*
 * The seven demo users, the seven base networks (BiNet and the Hagen networks) plus the four of
 * db/seed-networks.ts (a stale entry, a proposal, an unlisted and a paused network), and BiNet's
 * four members plus the memberships of those extra networks.
 */
const SEEDED = { users: 7, networks: 11, members: 11 };

describe(`demo seed (${testDriver()})`, () => {
  it("seeds an empty database once: seedDemoDataIfEmpty returns true, then false", async () => {
    expect(await counts()).toEqual({ users: 0, networks: 0, members: 0 });
    expect(await seedDemoDataIfEmpty(t.db)).toBe(true);
    expect(await seedDemoDataIfEmpty(t.db)).toBe(false);
    expect(await counts()).toEqual(SEEDED);
  });

  it("is idempotent: running it again keeps the same rows and ids", async () => {
    const before = await t.db.select({ id: users.id, email: users.email }).from(users).orderBy(users.email);
    await seedDemoData(t.db);
    await seedDemoData(t.db);
    expect(await counts()).toEqual(SEEDED);
    expect(demoUsers).toHaveLength(7);
    expect(demoNetworks).toHaveLength(7);
    const after = await t.db.select({ id: users.id, email: users.email }).from(users).orderBy(users.email);
    expect(after).toEqual(before);
  });

  it("puts four members into BiNet with koordination@binet.test as coordinator", async () => {
    const members = await t.db
      .select({ email: users.email, role: networkMembers.role })
      .from(networkMembers)
      .innerJoin(networks, eq(networks.id, networkMembers.networkId))
      .innerJoin(users, eq(users.id, networkMembers.userId))
      .where(eq(networks.slug, "binet"))
      .orderBy(users.email);
    expect(members).toEqual([
      { email: "koordination@binet.test", role: "coordinator" },
      { email: "mitglied@binet.test", role: "member" },
      { email: "referat@binet.test", role: "member" },
      { email: "verein@binet.test", role: "member" },
    ]);
  });

  it("gives demo users their roles and a password that verifies", async () => {
    const rows = await t.db.select().from(users).orderBy(users.email);
    const byEmail = new Map(rows.map((r) => [r.email, r]));
    for (const demo of demoUsers) expect(byEmail.get(demo.email)?.role, demo.email).toBe(demo.role);
    const admin = byEmail.get("admin@netzwerkstatt.test");
    expect(admin?.passwordHash).toMatch(/^scrypt\$/);
    expect(await verifyPassword(DEMO_PASSWORD, admin?.passwordHash)).toBe(true);
    expect(await verifyPassword("wrong-password", admin?.passwordHash)).toBe(false);
  });

  it("restores edited demo rows on re-run without touching memberships of others", async () => {
    await t.db.update(users).set({ role: "member", name: "Changed" }).where(eq(users.email, "admin@netzwerkstatt.test"));
    await seedDemoData(t.db);
    const [admin] = await t.db.select().from(users).where(eq(users.email, "admin@netzwerkstatt.test"));
    expect(admin).toMatchObject({ role: "admin", name: "Anna Albrecht" });
    expect(await counts()).toEqual(SEEDED);
  });
});
