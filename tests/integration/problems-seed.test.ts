import { and, count, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { seedDemoData } from "@/db/seed";
import { seedProblems } from "@/db/seed-problems";
import { announcements, networks, problemComments, problemStatusChanges, problemSupports, problems } from "@/db/schema";
import { testDriver, useTestDatabase as setUpTestDatabase } from "../support/database";

// The demo seed hashes seven passwords; cheaper (still real) scrypt parameters keep this fast.
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/password")>();
  return { ...real, hashPassword: (password: string) => real.hashPassword(password, { N: 2 ** 10, r: 8, p: 1, keylen: 64 }) };
});

const t = setUpTestDatabase();

async function tally(networkId: string) {
  const n = async (q: Promise<Array<{ n: number }>>) => (await q)[0]?.n ?? 0;
  return {
    problems: await n(t.db.select({ n: count() }).from(problems).where(eq(problems.networkId, networkId))),
    supports: await n(t.db.select({ n: count() }).from(problemSupports)),
    comments: await n(t.db.select({ n: count() }).from(problemComments)),
    changes: await n(t.db.select({ n: count() }).from(problemStatusChanges)),
    announcements: await n(t.db.select({ n: count() }).from(announcements).where(eq(announcements.networkId, networkId))),
  };
}

describe(`seedProblems (${testDriver()})`, () => {
  it("gives BiNet a problem log in several states with one supported high-urgency open problem, once", async () => {
    await seedDemoData(t.db);
    const [binet] = await t.db.select().from(networks).where(eq(networks.slug, "binet"));
    if (!binet) throw new Error("seed has no BiNet");
    await t.db.transaction((tx) => seedProblems(tx));
    const first = await tally(binet.id);
    expect(first.problems).toBeGreaterThanOrEqual(4);
    expect(first.announcements).toBe(1);

    const rows = await t.db.select().from(problems).where(eq(problems.networkId, binet.id));
    expect(new Set(rows.map((r) => r.status)).size).toBeGreaterThanOrEqual(3);
    const highOpen = rows.filter((r) => r.status === "open" && r.urgency === "high");
    expect(highOpen.map((r) => r.title)).toEqual(["Eltern erreichen, die keine Elternabende besuchen"]);
    const [supporters] = await t.db.select({ n: count() }).from(problemSupports).where(eq(problemSupports.problemId, highOpen[0]?.id ?? ""));
    expect(supporters?.n).toBeGreaterThanOrEqual(3);
    // Every problem's history starts with "logged" and ends in its current status.
    for (const r of rows) {
      const history = await t.db.select().from(problemStatusChanges).where(eq(problemStatusChanges.problemId, r.id)).orderBy(problemStatusChanges.at);
      expect(history[0]).toMatchObject({ fromStatus: null, toStatus: "open" });
      expect(history.at(-1)?.toStatus).toBe(r.status);
    }
    const [escalated] = await t.db.select({ n: count() }).from(problems).where(and(eq(problems.networkId, binet.id), eq(problems.status, "escalated")));
    expect(escalated?.n).toBe(1);

    await t.db.transaction((tx) => seedProblems(tx));
    await seedDemoData(t.db);
    await t.db.transaction((tx) => seedProblems(tx));
    expect(await tally(binet.id)).toEqual(first);
  });
});
