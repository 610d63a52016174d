import "server-only";
import { and, arrayContains, asc, desc, eq, lt, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type DbOrTx } from "@/db/client";
import { networkMembers, taskComments, tasks, users, workingGroups, type TaskStatus } from "@/db/schema";
import { networkAccess } from "@/lib/networks/access";
import { AppError } from "@/lib/errors";
import { canInNetwork, type Actor, type NetworkContext } from "@/lib/policy";
import { STATUS_ORDER, canDeleteTask, isOverdue, todayIn, type TaskFilters } from "./rules";

/*
 * Every read starts with networkAccess: whoever may not see the Work-Space gets not_found, and a
 * task id is only ever looked up together with its network's id.
 */

export type TaskCard = {
  id: string;
  title: string;
  status: TaskStatus;
  position: number;
  dueDate: string | null;
  labels: string[];
  assignee: { id: string; name: string } | null;
  workingGroup: { id: string; name: string } | null;
  createdById: string | null;
  commentCount: number;
  overdue: boolean;
};

export type WorkspaceRef = { id: string; slug: string; name: string; status: "active" | "paused" | "archived" };

export type TaskPermissions = { create: boolean; edit: boolean; comment: boolean };

function permissionsOf(actor: Actor | null, context: NetworkContext): TaskPermissions {
  return {
    create: canInNetwork(actor, context, "task.create"),
    edit: canInNetwork(actor, context, "task.edit"),
    comment: canInNetwork(actor, context, "task.comment"),
  };
}

const assignee = alias(users, "assignee");

function cardSelection() {
  return {
    id: tasks.id,
    title: tasks.title,
    status: tasks.status,
    position: tasks.position,
    dueDate: tasks.dueDate,
    labels: tasks.labels,
    createdById: tasks.createdById,
    createdAt: tasks.createdAt,
    assigneeId: assignee.id,
    assigneeName: assignee.name,
    groupId: workingGroups.id,
    groupName: workingGroups.name,
    commentCount: sql<number>`(select count(*) from "task_comments" c where c."task_id" = "tasks"."id")`.mapWith(Number),
  };
}

type CardRow = {
  id: string;
  title: string;
  status: TaskStatus;
  position: number;
  dueDate: string | null;
  labels: string[];
  createdById: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  groupId: string | null;
  groupName: string | null;
  commentCount: number;
};

function toCard(row: CardRow, today: string): TaskCard {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    position: row.position,
    dueDate: row.dueDate,
    labels: row.labels,
    createdById: row.createdById,
    assignee: row.assigneeId ? { id: row.assigneeId, name: row.assigneeName ?? "" } : null,
    workingGroup: row.groupId ? { id: row.groupId, name: row.groupName ?? "" } : null,
    commentCount: row.commentCount,
    overdue: isOverdue(row, today),
  };
}

function workspaceRef(network: { id: string; slug: string; name: string; status: WorkspaceRef["status"] }): WorkspaceRef {
  return { id: network.id, slug: network.slug, name: network.name, status: network.status };
}

/** The board: three columns in board order, each sorted by position. */
export async function getTaskBoard({ actor, network: ref, today = todayIn() }: { actor: Actor | null; network: string; today?: string }) {
  const db = await getDb();
  const { network, context } = await networkAccess(db, actor, ref);
  const rows = await db
    .select(cardSelection())
    .from(tasks)
    .leftJoin(assignee, eq(assignee.id, tasks.assigneeId))
    .leftJoin(workingGroups, eq(workingGroups.id, tasks.workingGroupId))
    .where(eq(tasks.networkId, network.id))
    .orderBy(asc(tasks.position), asc(tasks.createdAt), asc(tasks.id));
  const columns = Object.fromEntries(STATUS_ORDER.map((s) => [s, [] as TaskCard[]])) as Record<TaskStatus, TaskCard[]>;
  for (const row of rows) columns[row.status].push(toCard(row, today));
  return { network: workspaceRef(network), context, permissions: permissionsOf(actor, context), columns, today };
}

/**
 * The filtered list. Sorted for getting things done: unfinished before done, then by due date
 * (earliest first, no date last), then newest first.
 */
export async function listTasks({
  actor,
  network: ref,
  filters,
  today = todayIn(),
}: {
  actor: Actor | null;
  network: string;
  filters: TaskFilters;
  today?: string;
}) {
  const db = await getDb();
  const { network, context } = await networkAccess(db, actor, ref);
  const rows = await db
    .select(cardSelection())
    .from(tasks)
    .leftJoin(assignee, eq(assignee.id, tasks.assigneeId))
    .leftJoin(workingGroups, eq(workingGroups.id, tasks.workingGroupId))
    .where(
      and(
        eq(tasks.networkId, network.id),
        filters.mine ? eq(tasks.assigneeId, actor?.id ?? "") : undefined,
        filters.overdue ? and(lt(tasks.dueDate, today), ne(tasks.status, "done")) : undefined,
        filters.label ? arrayContains(tasks.labels, [filters.label]) : undefined,
        filters.group ? eq(tasks.workingGroupId, filters.group) : undefined,
        filters.status ? eq(tasks.status, filters.status) : undefined,
      ),
    )
    .orderBy(sql`(${tasks.status} = 'done')`, sql`${tasks.dueDate} asc nulls last`, desc(tasks.createdAt), asc(tasks.id));
  return { network: workspaceRef(network), context, permissions: permissionsOf(actor, context), tasks: rows.map((r) => toCard(r, today)), today };
}

/** Members of the network (who may be assigned), by name. */
export async function networkMemberOptions(db: DbOrTx, networkId: string) {
  return db
    .select({ id: users.id, name: users.name })
    .from(networkMembers)
    .innerJoin(users, eq(users.id, networkMembers.userId))
    .where(eq(networkMembers.networkId, networkId))
    .orderBy(asc(users.name), asc(users.id));
}

async function groupOptions(db: DbOrTx, networkId: string) {
  return db
    .select({ id: workingGroups.id, name: workingGroups.name })
    .from(workingGroups)
    .where(eq(workingGroups.networkId, networkId))
    .orderBy(asc(workingGroups.name));
}

async function labelOptions(db: DbOrTx, networkId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ label: sql<string>`unnest(${tasks.labels})` })
    .from(tasks)
    .where(eq(tasks.networkId, networkId));
  return rows.map((r) => r.label).sort((a, b) => a.localeCompare(b, "de"));
}

/** What the task form and the list filters offer: members, working groups, labels in use. */
export async function taskFormOptions({ actor, network: ref }: { actor: Actor | null; network: string }) {
  const db = await getDb();
  const { network, context } = await networkAccess(db, actor, ref);
  const [members, groups, labels] = await Promise.all([networkMemberOptions(db, network.id), groupOptions(db, network.id), labelOptions(db, network.id)]);
  return { network: workspaceRef(network), context, permissions: permissionsOf(actor, context), members, groups, labels };
}

const creator = alias(users, "creator");

/** One task with its comments; not_found unless it belongs to a network the actor may see. */
export async function getTaskDetail({ actor, network: ref, taskId, today = todayIn() }: { actor: Actor | null; network: string; taskId: string; today?: string }) {
  const db = await getDb();
  const { network, context } = await networkAccess(db, actor, ref);
  const [row] = await db
    .select({ ...cardSelection(), description: tasks.description, updatedAt: tasks.updatedAt, creatorName: creator.name })
    .from(tasks)
    .leftJoin(assignee, eq(assignee.id, tasks.assigneeId))
    .leftJoin(workingGroups, eq(workingGroups.id, tasks.workingGroupId))
    .leftJoin(creator, eq(creator.id, tasks.createdById))
    .where(and(eq(tasks.id, taskId), eq(tasks.networkId, network.id)))
    .limit(1);
  if (!row) throw new AppError("not_found", "Task not found");
  const comments = await db
    .select({ id: taskComments.id, body: taskComments.body, createdAt: taskComments.createdAt, authorId: taskComments.authorId, authorName: users.name })
    .from(taskComments)
    .leftJoin(users, eq(users.id, taskComments.authorId))
    .where(eq(taskComments.taskId, row.id))
    .orderBy(asc(taskComments.createdAt), asc(taskComments.id));
  return {
    network: workspaceRef(network),
    context,
    permissions: { ...permissionsOf(actor, context), delete: canDeleteTask(actor, context, row) },
    task: {
      ...toCard(row, today),
      description: row.description,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      creatorName: row.creatorName,
    },
    comments,
  };
}
