import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { seedTasks } from "@/db/seed-tasks";
import { taskComments, tasks, workingGroups } from "@/db/schema";
import { getTaskBoard, listTasks } from "@/lib/tasks/queries";
import { parseTaskFilters } from "@/lib/tasks/rules";
import { listWorkingGroups } from "@/lib/working-groups/queries";
// Renamed on import: the React hooks lint rule reads any "use…" call as a hook.
import { testDriver, useTestDatabase as withTestDatabase } from "../support/database";
import { actorOf, createNetwork, createUser } from "../support/factories";

const t = withTestDatabase();

describe(`seedTasks (${testDriver()})`, () => {
  it("fills BiNet's Work-Space once: groups, tasks in every status, overdue ones, comments", async () => {
    await seedTasks(t.db, "2025-03-01"); // no BiNet yet: nothing happens
    expect(await t.db.select().from(tasks)).toEqual([]);

    const people = await Promise.all(
      ["koordination@binet.test", "mitglied@binet.test", "referat@binet.test", "verein@binet.test"].map((email) => createUser({ email })),
    );
    const [coordinator, member] = people as [(typeof people)[0], (typeof people)[0]];
    const binet = await createNetwork({
      slug: "binet",
      members: people.map((p, i) => ({ userId: p.id, role: i === 0 ? ("coordinator" as const) : ("member" as const) })),
    });

    await seedTasks(t.db, "2025-03-01");
    const first = await t.db.select().from(tasks).where(eq(tasks.networkId, binet.id));
    await seedTasks(t.db, "2025-03-01");
    expect(await t.db.select().from(tasks).where(eq(tasks.networkId, binet.id))).toHaveLength(first.length);

    expect(new Set(first.map((x) => x.status))).toEqual(new Set(["open", "in_progress", "done"]));
    expect((await t.db.select().from(taskComments)).length).toBeGreaterThanOrEqual(2);
    const groups = await t.db.select().from(workingGroups).where(eq(workingGroups.networkId, binet.id));
    expect(groups.map((g) => g.name).sort()).toEqual(["AK Elternarbeit", "AK Übergang Kita–Schule"]);

    const board = await getTaskBoard({ actor: actorOf(member), network: "binet", today: "2025-03-01" });
    expect(Object.values(board.columns).flat().filter((c) => c.overdue).length).toBeGreaterThanOrEqual(2);
    const mine = await listTasks({ actor: actorOf(member), network: "binet", filters: parseTaskFilters({ mine: "1" }), today: "2025-03-01" });
    expect(mine.tasks.length).toBeGreaterThan(0);
    const view = await listWorkingGroups({ actor: actorOf(coordinator), network: "binet" });
    expect(view.groups.every((g) => g.members.length > 0 && g.openTaskCount > 0)).toBe(true);
  });
});
