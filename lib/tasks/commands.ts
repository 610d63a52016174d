import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Tx } from "@/db/client";
import { networkMembers, taskComments, tasks, workingGroups, type TaskStatus } from "@/db/schema";
import { recordAudit } from "@/lib/audit/commands";
import { AppError, type FieldErrors } from "@/lib/errors";
import { networkAccess, type NetworkAccess } from "@/lib/networks/access";
import { recordActivity } from "@/lib/networks/activity";
import { assertCanInNetwork, assertSignedIn, type Actor, type NetworkAction } from "@/lib/policy";
import { parseInput } from "@/lib/validation";
import { STATUS_ORDER, applyMove, canDeleteTask, findTask, positionUpdates, resolveMove, type Columns } from "./rules";
import { ZAddTaskComment, ZCreateTask, ZMoveTask, ZNetworkRef, ZTaskRef, ZUpdateTask } from "./schemas";

/*
 * Task commands: plain functions for the web UI, the JSON API and anything else. Each one
 * resolves the network through networkAccess and asks the policy BEFORE it looks at the rest of
 * the input, so people outside the network learn nothing (not_found), whatever they send.
 * Everything a command writes, including its activity (and audit) rows, is one transaction.
 */

type Cmd = { actor: Actor | null; input: unknown };

const ZRef = z.object({ network: ZNetworkRef });

/** Who is asking, in which network, and may they do this there. */
export async function workspaceFor(tx: Tx, actor: Actor | null, input: unknown, action: NetworkAction): Promise<NetworkAccess & { actor: Actor }> {
  assertSignedIn(actor);
  const { network: ref } = parseInput(ZRef, input);
  const access = await networkAccess(tx, actor, ref);
  assertCanInNetwork(actor, access.context, action);
  return { ...access, actor };
}

async function loadTask(tx: Tx, networkId: string, taskId: string) {
  const [task] = await tx
    .select()
    .from(tasks)
    .where(and(eq(tasks.id, taskId), eq(tasks.networkId, networkId)))
    .limit(1);
  if (!task) throw new AppError("not_found", "Task not found");
  return task;
}

/** The assignee must be a member of this network; the working group must be one of its own. */
async function checkReferences(tx: Tx, networkId: string, refs: { assigneeId?: string | null; workingGroupId?: string | null }) {
  const fields: FieldErrors = {};
  if (refs.assigneeId) {
    const [member] = await tx
      .select({ userId: networkMembers.userId })
      .from(networkMembers)
      .where(and(eq(networkMembers.networkId, networkId), eq(networkMembers.userId, refs.assigneeId)))
      .limit(1);
    if (!member) fields.assigneeId = ["assigneeNotMember"];
  }
  if (refs.workingGroupId) {
    const [group] = await tx
      .select({ id: workingGroups.id })
      .from(workingGroups)
      .where(and(eq(workingGroups.id, refs.workingGroupId), eq(workingGroups.networkId, networkId)))
      .limit(1);
    if (!group) fields.workingGroupId = ["workingGroupNotInNetwork"];
  }
  if (Object.keys(fields).length) throw new AppError("invalid_input", "Invalid references", { fields });
}

async function nextPosition(tx: Tx, networkId: string, status: TaskStatus): Promise<number> {
  const [row] = await tx
    .select({ max: sql<number | null>`max(${tasks.position})`.mapWith((v) => (v === null ? null : Number(v))) })
    .from(tasks)
    .where(and(eq(tasks.networkId, networkId), eq(tasks.status, status)));
  return (row?.max ?? -1) + 1;
}

export async function createTask({ actor, input }: Cmd) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { network, actor: who } = await workspaceFor(tx, actor, input, "task.create");
    const data = parseInput(ZCreateTask, input);
    await checkReferences(tx, network.id, data);
    const [task] = await tx
      .insert(tasks)
      .values({
        networkId: network.id,
        title: data.title,
        description: data.description,
        status: data.status,
        assigneeId: data.assigneeId,
        dueDate: data.dueDate,
        labels: data.labels,
        workingGroupId: data.workingGroupId,
        position: await nextPosition(tx, network.id, data.status),
        createdById: who.id,
      })
      .returning();
    if (!task) throw new Error("task insert returned nothing");
    await recordActivity(tx, { networkId: network.id, actorId: who.id, verb: "task.created", subjectType: "task", subjectId: task.id, summary: task.title });
    return task;
  });
}

/** Changes the fields that were sent; a new status puts the task at the end of that column. */
export async function updateTask({ actor, input }: Cmd) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { network, actor: who } = await workspaceFor(tx, actor, input, "task.edit");
    const data = parseInput(ZUpdateTask, input);
    const task = await loadTask(tx, network.id, data.taskId);
    await checkReferences(tx, network.id, data);
    const { network: _n, taskId: _t, ...changes } = data;
    const set: Partial<typeof tasks.$inferInsert> = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    if (data.status && data.status !== task.status) set.position = await nextPosition(tx, network.id, data.status);
    const [updated] = await tx.update(tasks).set(set).where(eq(tasks.id, task.id)).returning();
    if (!updated) throw new Error("task update returned nothing");
    await recordActivity(tx, {
      networkId: network.id,
      actorId: who.id,
      verb: updated.status !== task.status ? "task.status_changed" : "task.updated",
      subjectType: "task",
      subjectId: task.id,
      summary: updated.title,
    });
    return updated;
  });
}

/**
 * Moves a task one step (keyboard) or to an exact place (drag and drop, API) and renumbers the
 * affected columns 0, 1, 2, … The network's task rows are locked for the move, so two people
 * moving cards at the same moment cannot interleave their renumbering.
 */
export async function moveTask({ actor, input }: Cmd) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { network, actor: who } = await workspaceFor(tx, actor, input, "task.edit");
    const data = parseInput(ZMoveTask, input);
    const rows = await tx
      .select({ id: tasks.id, title: tasks.title, status: tasks.status, position: tasks.position })
      .from(tasks)
      .where(eq(tasks.networkId, network.id))
      .orderBy(asc(tasks.position), asc(tasks.createdAt), asc(tasks.id))
      .for("update");
    const task = rows.find((r) => r.id === data.taskId);
    if (!task) throw new AppError("not_found", "Task not found");
    const columns = Object.fromEntries(STATUS_ORDER.map((s) => [s, rows.filter((r) => r.status === s).map((r) => r.id)])) as Columns;
    const from = findTask(columns, task.id) ?? { status: task.status, index: 0 };
    const target = data.direction ? resolveMove(columns, task.id, data.direction) : { status: data.status ?? task.status, index: data.index ?? columns[data.status ?? task.status].length };
    const result = (moved: boolean, after: Columns) => {
      const now = findTask(after, task.id) ?? from;
      return { moved, task: { id: task.id, title: task.title }, from: from.status, status: now.status, index: now.index, columnSize: after[now.status].length };
    };
    if (!target) return result(false, columns);
    const after = applyMove(columns, task.id, target);
    const current = new Map(rows.map((r) => [r.id, { status: r.status, position: r.position }]));
    const updates = [...new Set([from.status, target.status])].flatMap((status) => positionUpdates(after[status], current, status));
    if (!updates.length) return result(false, after);
    for (const u of updates) await tx.update(tasks).set({ status: u.status, position: u.position }).where(eq(tasks.id, u.id));
    await recordActivity(tx, {
      networkId: network.id,
      actorId: who.id,
      verb: target.status !== from.status ? "task.moved" : "task.reordered",
      subjectType: "task",
      subjectId: task.id,
      summary: task.title,
    });
    return result(true, after);
  });
}

/** Coordinators, admins and the task's creator (lib/tasks/rules.ts canDeleteTask); audited. */
export async function deleteTask({ actor, input }: Cmd) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { network, context, actor: who } = await workspaceFor(tx, actor, input, "task.edit");
    const data = parseInput(ZTaskRef, input);
    const task = await loadTask(tx, network.id, data.taskId);
    if (!canDeleteTask(who, context, task)) throw new AppError("forbidden", "Only coordinators and the creator delete a task");
    await tx.delete(tasks).where(eq(tasks.id, task.id));
    await recordActivity(tx, { networkId: network.id, actorId: who.id, verb: "task.deleted", subjectType: "task", subjectId: task.id, summary: task.title });
    await recordAudit(tx, {
      actorId: who.id,
      action: "task.deleted",
      subjectType: "task",
      subjectId: task.id,
      data: { networkId: network.id, title: task.title, status: task.status, createdById: task.createdById },
    });
    return { id: task.id, title: task.title };
  });
}

export async function addTaskComment({ actor, input }: Cmd) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { network, actor: who } = await workspaceFor(tx, actor, input, "task.comment");
    const data = parseInput(ZAddTaskComment, input);
    const task = await loadTask(tx, network.id, data.taskId);
    const [comment] = await tx.insert(taskComments).values({ taskId: task.id, authorId: who.id, body: data.body }).returning();
    if (!comment) throw new Error("comment insert returned nothing");
    await recordActivity(tx, { networkId: network.id, actorId: who.id, verb: "task.commented", subjectType: "task", subjectId: task.id, summary: task.title });
    return comment;
  });
}
