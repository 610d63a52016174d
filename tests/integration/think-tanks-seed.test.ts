import { and, count, eq, isNotNull } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { seedDemoData } from "@/db/seed";
import { IDEATE_THINK_TANK_TITLE, seedThinkTanks } from "@/db/seed-think-tanks";
import { boards, cards, networks, phases, problemStatusChanges, problems, tasks, thinkTankParticipants, thinkTankProblems, thinkTanks, users } from "@/db/schema";
import { getOutcome, networkOutcomes } from "@/lib/outcomes/queries";
import { listParticipants } from "@/lib/participants/queries";
import { testDriver, withTestDatabase } from "../support/database";
import { actorOf } from "../support/factories";

// The demo seed hashes seven passwords; cheaper (still real) scrypt parameters keep this fast.
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/password")>();
  return { ...real, hashPassword: (password: string) => real.hashPassword(password, { N: 2 ** 10, r: 8, p: 1, keylen: 64 }) };
});

const t = withTestDatabase();

async function userByEmail(email: string) {
  const [row] = await t.db.select().from(users).where(eq(users.email, email));
  if (!row) throw new Error(`no ${email}`);
  return row;
}

describe(`seedThinkTanks (${testDriver()})`, () => {
  it("seeds a running Ideate think-tank, a concluded one with BiNet tasks and a paused one, once", async () => {
    await seedDemoData(t.db);
    const [binet] = await t.db.select().from(networks).where(eq(networks.slug, "binet"));
    const moderator = await userByEmail("moderation@netzwerkstatt.test");
    const expertin = await userByEmail("expertin@netzwerkstatt.test");
    const coordinator = await userByEmail("koordination@binet.test");

    const [ideate] = await t.db.select().from(thinkTanks).where(eq(thinkTanks.title, IDEATE_THINK_TANK_TITLE));
    expect(ideate?.status).toBe("active");
    const [current] = await t.db.select().from(phases).where(eq(phases.id, ideate!.currentPhaseId ?? ""));
    expect(current).toMatchObject({ name: "Ideate", status: "running" });
    expect(current?.runningSince).toBeInstanceOf(Date);
    const earlier = await t.db.select().from(phases).where(and(eq(phases.thinkTankId, ideate!.id)));
    expect(earlier.filter((p) => p.position < current!.position).every((p) => p.status === "completed")).toBe(true);
    const view = await listParticipants(actorOf(moderator), ideate!.id);
    expect(view.participants.find((p) => p.userId === moderator.id)?.role).toBe("moderator");
    expect(view.participants.find((p) => p.userId === expertin.id)?.role).toBe("knowledge_giver");
    const [cardCount] = await t.db.select({ n: count() }).from(cards).innerJoin(boards, eq(boards.id, cards.boardId)).where(eq(boards.phaseId, current!.id));
    expect(cardCount?.n).toBeGreaterThanOrEqual(3);
    const [origin] = await t.db.select({ status: problems.status, networkId: problems.networkId }).from(thinkTankProblems).innerJoin(problems, eq(problems.id, thinkTankProblems.problemId)).where(eq(thinkTankProblems.thinkTankId, ideate!.id));
    expect(origin).toEqual({ status: "in_think_tank", networkId: binet!.id });

    const [concluded] = await t.db.select().from(thinkTanks).where(eq(thinkTanks.status, "concluded"));
    expect(concluded?.outcomeSummary).not.toBe("");
    const handedBack = await t.db.select().from(tasks).where(and(eq(tasks.networkId, binet!.id), isNotNull(tasks.thinkTankId)));
    expect(handedBack.length).toBeGreaterThanOrEqual(2);
    expect(handedBack.every((task) => task.thinkTankId === concluded!.id && task.assigneeId && task.dueDate)).toBe(true);
    const outcome = await getOutcome(actorOf(moderator), concluded!.id);
    expect(outcome.ideas.some((i) => i.boardId)).toBe(true);
    expect(outcome.origin[0]?.status).toBe("resolved");
    expect((await networkOutcomes(actorOf(coordinator), "binet")).map((o) => o.id)).toContain(concluded!.id);

    const [paused] = await t.db.select().from(thinkTanks).where(eq(thinkTanks.status, "paused"));
    expect(paused?.pausedReason).toBeTruthy();

    // Every seeded problem's history starts with "open" and ends in its current status.
    const seededProblems = await t.db.select({ id: problems.id, status: problems.status }).from(thinkTankProblems).innerJoin(problems, eq(problems.id, thinkTankProblems.problemId));
    for (const p of seededProblems) {
      const history = await t.db.select().from(problemStatusChanges).where(eq(problemStatusChanges.problemId, p.id)).orderBy(problemStatusChanges.at);
      expect(history[0]?.toStatus).toBe("open");
      expect(history.at(-1)?.toStatus).toBe(p.status);
    }

    const before = {
      thinkTanks: (await t.db.select({ n: count() }).from(thinkTanks))[0]?.n,
      participants: (await t.db.select({ n: count() }).from(thinkTankParticipants))[0]?.n,
      tasks: (await t.db.select({ n: count() }).from(tasks))[0]?.n,
    };
    await t.db.transaction((tx) => seedThinkTanks(tx));
    await seedDemoData(t.db);
    expect({
      thinkTanks: (await t.db.select({ n: count() }).from(thinkTanks))[0]?.n,
      participants: (await t.db.select({ n: count() }).from(thinkTankParticipants))[0]?.n,
      tasks: (await t.db.select({ n: count() }).from(tasks))[0]?.n,
    }).toEqual(before);
    expect(before.thinkTanks).toBe(3);
  });
});
