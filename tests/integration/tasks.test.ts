import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { networkActivity, networks, taskComments, tasks, type User } from "@/db/schema";
import { addTaskComment, createTask, deleteTask, moveTask, updateTask } from "@/lib/tasks/commands";
import { getTaskBoard, getTaskDetail, listTasks } from "@/lib/tasks/queries";
import { parseTaskFilters } from "@/lib/tasks/rules";
import { createWorkingGroup } from "@/lib/working-groups/commands";
// Renamed on import: the React hooks lint rule reads any "use…" call as a hook.
import { testDriver, useTestDatabase as withTestDatabase } from "../support/database";
import { actorOf, auditEntries, createNetwork, createUser } from "../support/factories";
import { appError } from "../support/errors";

const t = withTestDatabase();


type Net = Awaited<ReturnType<typeof createNetwork>>;
let coordinator: User, member: User, otherMember: User, outsider: User, admin: User, moderator: User;
let net: Net, otherNet: Net;

async function taskCount(networkId: string) {
  return (await t.db.select({ id: tasks.id }).from(tasks).where(eq(tasks.networkId, networkId))).length;
}

async function activity(networkId: string, subjectId?: string) {
  return t.db
    .select()
    .from(networkActivity)
    .where(and(eq(networkActivity.networkId, networkId), subjectId ? eq(networkActivity.subjectId, subjectId) : undefined))
    .orderBy(asc(networkActivity.id));
}

async function setStatus(network: Net, status: "active" | "paused" | "archived") {
  await t.db.update(networks).set({ status }).where(eq(networks.id, network.id));
}

beforeAll(async () => {
  [coordinator, member, otherMember, outsider, admin, moderator] = await Promise.all([
    createUser({ name: "Klara Koordination" }),
    createUser({ name: "Mehmet Mitglied" }),
    createUser({ name: "Jonas Huber" }),
    createUser({ name: "Olga Outsider" }),
    createUser({ role: "admin", name: "Anna Admin" }),
    createUser({ role: "moderator", name: "Moritz Moderation" }),
  ]);
  net = await createNetwork({
    members: [
      { userId: coordinator.id, role: "coordinator" },
      { userId: member.id, role: "member" },
      { userId: otherMember.id, role: "member" },
    ],
  });
  otherNet = await createNetwork({ members: [{ userId: outsider.id, role: "coordinator" }] });
});

describe(`createTask (${testDriver()})`, () => {
  it("creates a task with all fields, appends it to its column and records activity", async () => {
    const group = await createWorkingGroup({ actor: actorOf(coordinator), input: { network: net.slug, name: "AK Elternarbeit" } });
    const first = await createTask({ actor: actorOf(member), input: { network: net.slug, title: "Erste" } });
    const task = await createTask({
      actor: actorOf(member),
      input: {
        network: net.slug,
        title: "  Elternabend planen ",
        description: "**Wichtig**: Raum buchen",
        assigneeId: otherMember.id,
        dueDate: "2030-03-01",
        labels: "Eltern, schule, eltern, ",
        workingGroupId: group.id,
      },
    });
    expect(task).toMatchObject({
      networkId: net.id,
      title: "Elternabend planen",
      status: "open",
      assigneeId: otherMember.id,
      dueDate: "2030-03-01",
      labels: ["Eltern", "schule"],
      workingGroupId: group.id,
      createdById: member.id,
    });
    expect(task.position).toBe(first.position + 1);
    const rows = await activity(net.id, task.id);
    expect(rows).toMatchObject([{ verb: "task.created", actorId: member.id, subjectType: "task", summary: "Elternabend planen" }]);
  });

  it("accepts German dates and the network id instead of the slug", async () => {
    const task = await createTask({ actor: actorOf(member), input: { network: net.id, title: "Datum", dueDate: "5.4.2031" } });
    expect(task.dueDate).toBe("2031-04-05");
  });

  it("rejects invalid input with field errors and writes nothing", async () => {
    const before = await taskCount(net.id);
    const activityBefore = (await activity(net.id)).length;
    const error = await appError(
      createTask({
        actor: actorOf(member),
        input: { network: net.slug, title: " ", dueDate: "2030-02-30", labels: ["x".repeat(41)], status: "later", description: "d".repeat(20_001) },
      }),
    );
    expect(error.code).toBe("invalid_input");
    expect(error.fields).toMatchObject({ title: ["required"], dueDate: ["invalidDate"], labels: ["labelTooLong"], status: ["invalidChoice"], description: ["tooLong"] });
    const tooLong = await appError(createTask({ actor: actorOf(member), input: { network: net.slug, title: "t".repeat(201) } }));
    expect(tooLong.fields).toEqual({ title: ["tooLong"] });
    expect(await taskCount(net.id)).toBe(before);
    expect((await activity(net.id)).length).toBe(activityBefore);
  });

  it("only lets members of the network be assignees, and only its own working groups be chosen", async () => {
    const foreignGroup = await createWorkingGroup({ actor: actorOf(outsider), input: { network: otherNet.slug, name: "Fremder AK" } });
    const before = await taskCount(net.id);
    const error = await appError(
      createTask({ actor: actorOf(member), input: { network: net.slug, title: "X", assigneeId: outsider.id, workingGroupId: foreignGroup.id } }),
    );
    expect(error.code).toBe("invalid_input");
    expect(error.fields).toEqual({ assigneeId: ["assigneeNotMember"], workingGroupId: ["workingGroupNotInNetwork"] });
    expect(await taskCount(net.id)).toBe(before);
  });

  it("hides the network from outsiders (not_found), asks anonymous people to sign in, and keeps moderators out", async () => {
    expect((await appError(createTask({ actor: actorOf(outsider), input: { network: net.slug, title: "X" } }))).code).toBe("not_found");
    expect((await appError(createTask({ actor: null, input: { network: net.slug, title: "X" } }))).code).toBe("unauthenticated");
    // An outsider learns nothing, even from invalid input.
    expect((await appError(createTask({ actor: actorOf(outsider), input: { network: net.slug, title: "" } }))).code).toBe("not_found");
    expect((await appError(createTask({ actor: actorOf(member), input: { network: "no-such-network", title: "X" } }))).code).toBe("not_found");
    expect((await appError(createTask({ actor: actorOf(moderator), input: { network: net.slug, title: "X" } }))).code).toBe("forbidden");
    const byAdmin = await createTask({ actor: actorOf(admin), input: { network: net.slug, title: "Vom Admin" } });
    expect(byAdmin.createdById).toBe(admin.id);
  });

  it("starts nothing new in a paused network but allows edits, moves and comments; an archived one is read-only", async () => {
    const task = await createTask({ actor: actorOf(member), input: { network: net.slug, title: "Vor der Pause" } });
    await setStatus(net, "paused");
    try {
      expect((await appError(createTask({ actor: actorOf(member), input: { network: net.slug, title: "X" } }))).code).toBe("network_not_active");
      await updateTask({ actor: actorOf(member), input: { network: net.slug, taskId: task.id, title: "In der Pause bearbeitet" } });
      await moveTask({ actor: actorOf(member), input: { network: net.slug, taskId: task.id, direction: "right" } });
      await addTaskComment({ actor: actorOf(member), input: { network: net.slug, taskId: task.id, body: "Notiz" } });
      await setStatus(net, "archived");
      for (const attempt of [
        () => createTask({ actor: actorOf(member), input: { network: net.slug, title: "X" } }),
        () => updateTask({ actor: actorOf(member), input: { network: net.slug, taskId: task.id, title: "Y" } }),
        () => moveTask({ actor: actorOf(member), input: { network: net.slug, taskId: task.id, direction: "left" } }),
        () => addTaskComment({ actor: actorOf(member), input: { network: net.slug, taskId: task.id, body: "Z" } }),
        () => deleteTask({ actor: actorOf(coordinator), input: { network: net.slug, taskId: task.id } }),
      ]) {
        expect((await appError(attempt())).code).toBe("network_not_active");
      }
      // Reading stays possible.
      const board = await getTaskBoard({ actor: actorOf(member), network: net.slug });
      expect(board.columns.in_progress.map((c) => c.title)).toContain("In der Pause bearbeitet");
      expect(board.permissions).toEqual({ create: false, edit: false, comment: false });
    } finally {
      await setStatus(net, "active");
    }
  });
});

describe(`updateTask (${testDriver()})`, () => {
  it("changes only the fields sent, clears with empty values, and puts a new status at the end of its column", async () => {
    const task = await createTask({
      actor: actorOf(member),
      input: { network: net.slug, title: "Bearbeiten", assigneeId: member.id, dueDate: "2030-01-01", labels: ["a"] },
    });
    const done = await createTask({ actor: actorOf(member), input: { network: net.slug, title: "Schon erledigt", status: "done" } });
    const updated = await updateTask({
      actor: actorOf(otherMember),
      input: { network: net.slug, taskId: task.id, description: "Neu", assigneeId: "", dueDate: "", status: "done" },
    });
    expect(updated).toMatchObject({ title: "Bearbeiten", description: "Neu", assigneeId: null, dueDate: null, labels: ["a"], status: "done" });
    expect(updated.position).toBeGreaterThan(done.position);
    expect((await activity(net.id, task.id)).map((a) => a.verb)).toEqual(["task.created", "task.status_changed"]);
  });

  it("looks the task up only inside the named network", async () => {
    const foreign = await createTask({ actor: actorOf(outsider), input: { network: otherNet.slug, title: "Fremd" } });
    // A member of `net` naming their own network but another network's task id: not_found.
    const error = await appError(updateTask({ actor: actorOf(member), input: { network: net.slug, taskId: foreign.id, title: "Gekapert" } }));
    expect(error.code).toBe("not_found");
    expect((await appError(updateTask({ actor: actorOf(member), input: { network: otherNet.slug, taskId: foreign.id, title: "Gekapert" } }))).code).toBe("not_found");
    const [row] = await t.db.select().from(tasks).where(eq(tasks.id, foreign.id));
    expect(row?.title).toBe("Fremd");
  });

  it("rejects a non-member assignee without writing anything", async () => {
    const task = await createTask({ actor: actorOf(member), input: { network: net.slug, title: "Zuweisen" } });
    const error = await appError(updateTask({ actor: actorOf(member), input: { network: net.slug, taskId: task.id, title: "Geändert", assigneeId: outsider.id } }));
    expect(error.fields).toEqual({ assigneeId: ["assigneeNotMember"] });
    const [row] = await t.db.select().from(tasks).where(eq(tasks.id, task.id));
    expect(row).toMatchObject({ title: "Zuweisen", assigneeId: null });
  });
});

describe(`moveTask (${testDriver()})`, () => {
  async function freshNetwork() {
    const n = await createNetwork({ members: [{ userId: member.id, role: "member" }, { userId: coordinator.id, role: "coordinator" }] });
    const make = (title: string, status: "open" | "in_progress" | "done" = "open") => createTask({ actor: actorOf(member), input: { network: n.slug, title, status } });
    const a = await make("A");
    const b = await make("B");
    const c = await make("C");
    const d = await make("D", "in_progress");
    return { n, a, b, c, d };
  }
  const titles = async (slug: string) => {
    const board = await getTaskBoard({ actor: actorOf(member), network: slug });
    return { open: board.columns.open.map((x) => x.title), in_progress: board.columns.in_progress.map((x) => x.title), done: board.columns.done.map((x) => x.title) };
  };

  it("moves one step at a time with the keyboard directions and persists the order", async () => {
    const { n, b, c } = await freshNetwork();
    const up = await moveTask({ actor: actorOf(member), input: { network: n.slug, taskId: c.id, direction: "up" } });
    expect(up).toMatchObject({ moved: true, status: "open", index: 1, columnSize: 3 });
    expect(await titles(n.slug)).toEqual({ open: ["A", "C", "B"], in_progress: ["D"], done: [] });

    const right = await moveTask({ actor: actorOf(member), input: { network: n.slug, taskId: b.id, direction: "right" } });
    // Same height in the next column, or its end when that column is shorter.
    expect(right).toMatchObject({ moved: true, from: "open", status: "in_progress", index: 1, columnSize: 2 });
    expect(await titles(n.slug)).toEqual({ open: ["A", "C"], in_progress: ["D", "B"], done: [] });

    const again = await moveTask({ actor: actorOf(member), input: { network: n.slug, taskId: b.id, direction: "right" } });
    expect(again).toMatchObject({ status: "done", index: 0, columnSize: 1 });
    const edge = await moveTask({ actor: actorOf(member), input: { network: n.slug, taskId: b.id, direction: "right" } });
    expect(edge).toMatchObject({ moved: false, status: "done", index: 0 });
    expect(await titles(n.slug)).toEqual({ open: ["A", "C"], in_progress: ["D"], done: ["B"] });

    const verbs = (await activity(n.id)).map((a) => a.verb).filter((v) => v !== "task.created");
    expect(verbs).toEqual(["task.reordered", "task.moved", "task.moved"]);
  });

  it("moves to an exact place (drag and drop, API) and clamps the index", async () => {
    const { n, a } = await freshNetwork();
    await moveTask({ actor: actorOf(member), input: { network: n.slug, taskId: a.id, status: "in_progress", index: 0 } });
    expect(await titles(n.slug)).toMatchObject({ open: ["B", "C"], in_progress: ["A", "D"] });
    await moveTask({ actor: actorOf(member), input: { network: n.slug, taskId: a.id, status: "open", index: "99" } });
    expect(await titles(n.slug)).toMatchObject({ open: ["B", "C", "A"], in_progress: ["D"] });
    const error = await appError(moveTask({ actor: actorOf(member), input: { network: n.slug, taskId: a.id, direction: "diagonal" } }));
    expect(error.code).toBe("invalid_input");
    expect((await appError(moveTask({ actor: actorOf(member), input: { network: n.slug, taskId: a.id } }))).fields).toEqual({ direction: ["required"] });
  });

  it("denies outsiders and moderators", async () => {
    const { n, a } = await freshNetwork();
    expect((await appError(moveTask({ actor: actorOf(outsider), input: { network: n.slug, taskId: a.id, direction: "right" } }))).code).toBe("not_found");
    expect((await appError(moveTask({ actor: null, input: { network: n.slug, taskId: a.id, direction: "right" } }))).code).toBe("unauthenticated");
    expect((await appError(moveTask({ actor: actorOf(moderator), input: { network: n.slug, taskId: a.id, direction: "right" } }))).code).toBe("forbidden");
    expect((await titles(n.slug)).open).toEqual(["A", "B", "C"]);
  });
});

describe(`deleteTask (${testDriver()})`, () => {
  it("lets the creator delete their task, with activity and audit entries", async () => {
    const task = await createTask({ actor: actorOf(member), input: { network: net.slug, title: "Löschen" } });
    await addTaskComment({ actor: actorOf(otherMember), input: { network: net.slug, taskId: task.id, body: "Kommentar" } });
    await deleteTask({ actor: actorOf(member), input: { network: net.slug, taskId: task.id } });
    expect(await t.db.select().from(tasks).where(eq(tasks.id, task.id))).toEqual([]);
    expect(await t.db.select().from(taskComments).where(eq(taskComments.taskId, task.id))).toEqual([]);
    expect((await activity(net.id, task.id)).map((a) => a.verb)).toContain("task.deleted");
    expect(await auditEntries({ action: "task.deleted", subjectId: task.id })).toMatchObject([{ actorId: member.id, data: { networkId: net.id, title: "Löschen" } }]);
  });

  it("lets coordinators and admins delete anybody's task, but not other members", async () => {
    const t1 = await createTask({ actor: actorOf(member), input: { network: net.slug, title: "Von Mehmet 1" } });
    const t2 = await createTask({ actor: actorOf(member), input: { network: net.slug, title: "Von Mehmet 2" } });
    const denied = await appError(deleteTask({ actor: actorOf(otherMember), input: { network: net.slug, taskId: t1.id } }));
    expect(denied.code).toBe("forbidden");
    expect(await auditEntries({ action: "task.deleted", subjectId: t1.id })).toEqual([]);
    expect((await appError(deleteTask({ actor: actorOf(outsider), input: { network: net.slug, taskId: t1.id } }))).code).toBe("not_found");
    expect((await appError(deleteTask({ actor: actorOf(moderator), input: { network: net.slug, taskId: t1.id } }))).code).toBe("forbidden");
    await deleteTask({ actor: actorOf(coordinator), input: { network: net.slug, taskId: t1.id } });
    await deleteTask({ actor: actorOf(admin), input: { network: net.slug, taskId: t2.id } });
    expect(await t.db.select().from(tasks).where(eq(tasks.id, t1.id))).toEqual([]);
    expect(await t.db.select().from(tasks).where(eq(tasks.id, t2.id))).toEqual([]);
  });

  it("tells the page who may delete", async () => {
    const task = await createTask({ actor: actorOf(member), input: { network: net.slug, title: "Wer darf löschen" } });
    expect((await getTaskDetail({ actor: actorOf(member), network: net.slug, taskId: task.id })).permissions.delete).toBe(true);
    expect((await getTaskDetail({ actor: actorOf(otherMember), network: net.slug, taskId: task.id })).permissions.delete).toBe(false);
    expect((await getTaskDetail({ actor: actorOf(coordinator), network: net.slug, taskId: task.id })).permissions.delete).toBe(true);
  });
});

describe(`comments (${testDriver()})`, () => {
  it("adds and lists comments in order; moderators may comment; empty comments are refused", async () => {
    const task = await createTask({ actor: actorOf(member), input: { network: net.slug, title: "Kommentare" } });
    await addTaskComment({ actor: actorOf(member), input: { network: net.slug, taskId: task.id, body: "Erster" } });
    await addTaskComment({ actor: actorOf(moderator), input: { network: net.slug, taskId: task.id, body: "Zweiter" } });
    const error = await appError(addTaskComment({ actor: actorOf(member), input: { network: net.slug, taskId: task.id, body: "   " } }));
    expect(error.fields).toEqual({ body: ["required"] });
    expect((await appError(addTaskComment({ actor: actorOf(outsider), input: { network: net.slug, taskId: task.id, body: "Hallo" } }))).code).toBe("not_found");
    expect((await appError(addTaskComment({ actor: null, input: { network: net.slug, taskId: task.id, body: "Hallo" } }))).code).toBe("unauthenticated");
    const detail = await getTaskDetail({ actor: actorOf(member), network: net.slug, taskId: task.id });
    expect(detail.comments.map((c) => [c.body, c.authorName])).toEqual([
      ["Erster", "Mehmet Mitglied"],
      ["Zweiter", "Moritz Moderation"],
    ]);
    expect(detail.task.commentCount).toBe(2);
    expect((await activity(net.id, task.id)).filter((a) => a.verb === "task.commented")).toHaveLength(2);
  });

  it("does not show a task to outsiders", async () => {
    const task = await createTask({ actor: actorOf(member), input: { network: net.slug, title: "Geheim" } });
    expect((await appError(getTaskDetail({ actor: actorOf(outsider), network: net.slug, taskId: task.id }))).code).toBe("not_found");
    expect((await appError(getTaskDetail({ actor: actorOf(outsider), network: otherNet.slug, taskId: task.id }))).code).toBe("not_found");
    expect((await appError(getTaskBoard({ actor: null, network: net.slug }))).code).toBe("not_found");
  });
});

describe(`list filters (${testDriver()})`, () => {
  it("filters by mine, overdue, label, working group and status", async () => {
    const n = await createNetwork({ members: [{ userId: member.id, role: "member" }, { userId: coordinator.id, role: "coordinator" }] });
    const group = await createWorkingGroup({ actor: actorOf(coordinator), input: { network: n.slug, name: "AK Übergang Kita–Schule" } });
    const make = (input: Record<string, unknown>) => createTask({ actor: actorOf(member), input: { network: n.slug, ...input } });
    await make({ title: "Meine überfällig", assigneeId: member.id, dueDate: "2024-05-01", labels: ["eltern"] });
    await make({ title: "Meine heute fällig", assigneeId: member.id, dueDate: "2024-05-10" });
    await make({ title: "Überfällig aber erledigt", dueDate: "2024-01-01", status: "done", labels: ["eltern"] });
    await make({ title: "Koordination später", assigneeId: coordinator.id, dueDate: "2024-06-01", workingGroupId: group.id, status: "in_progress" });
    await make({ title: "Ohne Datum", workingGroupId: group.id, labels: ["Kita"] });
    const today = "2024-05-10";
    const list = async (query: Record<string, string>) =>
      (await listTasks({ actor: actorOf(member), network: n.slug, filters: parseTaskFilters(query), today })).tasks.map((x) => x.title);

    // Sorted: unfinished first, then by due date (none last); done at the end.
    expect(await list({})).toEqual(["Meine überfällig", "Meine heute fällig", "Koordination später", "Ohne Datum", "Überfällig aber erledigt"]);
    expect(await list({ mine: "1" })).toEqual(["Meine überfällig", "Meine heute fällig"]);
    expect(await list({ overdue: "1" })).toEqual(["Meine überfällig"]);
    expect(await list({ mine: "1", overdue: "1" })).toEqual(["Meine überfällig"]);
    expect(await list({ label: "eltern" })).toEqual(["Meine überfällig", "Überfällig aber erledigt"]);
    expect(await list({ group: group.id })).toEqual(["Koordination später", "Ohne Datum"]);
    expect(await list({ status: "in_progress" })).toEqual(["Koordination später"]);
    expect(await list({ status: "nonsense" })).toHaveLength(5);
    const coordList = await listTasks({ actor: actorOf(coordinator), network: n.slug, filters: parseTaskFilters({ mine: "1" }), today });
    expect(coordList.tasks.map((x) => x.title)).toEqual(["Koordination später"]);
    const overdueFlags = (await listTasks({ actor: actorOf(member), network: n.slug, filters: parseTaskFilters({}), today })).tasks.filter((x) => x.overdue);
    expect(overdueFlags.map((x) => x.title)).toEqual(["Meine überfällig"]);
    // A filtered list of another network is still not_found for outsiders.
    expect((await appError(listTasks({ actor: actorOf(outsider), network: n.slug, filters: parseTaskFilters({}), today }))).code).toBe("not_found");
  });
});
