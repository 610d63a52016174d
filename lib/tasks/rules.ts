import { taskStatuses, type TaskStatus } from "@/db/schema";
import { canInNetwork, type Actor, type NetworkContext } from "@/lib/policy";
import type { MoveDirection } from "./schemas";

/*
 * Pure rules of the task board: dates, overdue, where a move lands, who may delete.
 * No database, no framework: the commands, the pages and the unit tests share them.
 */

/** The board's columns, left to right. */
export const STATUS_ORDER: readonly TaskStatus[] = taskStatuses;

/** The networks work in German local time: "today" is the calendar day in Europe/Berlin. */
export const WORKSPACE_TIME_ZONE = "Europe/Berlin";

/** Today's calendar date (YYYY-MM-DD) in the given time zone. */
export function todayIn(timeZone: string = WORKSPACE_TIME_ZONE, now: Date = new Date()): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** Overdue: a due date strictly before today, and not done yet. Due today is not overdue. */
export function isOverdue(task: { dueDate: string | null; status: TaskStatus }, today: string): boolean {
  return task.status !== "done" && task.dueDate !== null && task.dueDate < today;
}

/** Ordered task ids per status column. */
export type Columns = Record<TaskStatus, string[]>;

export type MoveTarget = { status: TaskStatus; index: number };

export function findTask(columns: Columns, taskId: string): { status: TaskStatus; index: number } | null {
  for (const status of STATUS_ORDER) {
    const index = columns[status].indexOf(taskId);
    if (index >= 0) return { status, index };
  }
  return null;
}

/**
 * Where one keyboard step takes a task: up/down swap it with its neighbour; left/right put it
 * into the neighbouring column at the same height (or at the end when that column is shorter),
 * so repeated steps keep the task where the eye is. `null`: it cannot go further that way.
 */
export function resolveMove(columns: Columns, taskId: string, direction: MoveDirection): MoveTarget | null {
  const from = findTask(columns, taskId);
  if (!from) return null;
  const col = STATUS_ORDER.indexOf(from.status);
  switch (direction) {
    case "up":
      return from.index > 0 ? { status: from.status, index: from.index - 1 } : null;
    case "down":
      return from.index < columns[from.status].length - 1 ? { status: from.status, index: from.index + 1 } : null;
    case "left":
    case "right": {
      const next = STATUS_ORDER[col + (direction === "left" ? -1 : 1)];
      if (!next) return null;
      return { status: next, index: Math.min(from.index, columns[next].length) };
    }
  }
}

/** The columns after moving the task to the target (index clamped into the target column). */
export function applyMove(columns: Columns, taskId: string, target: MoveTarget): Columns {
  const out = Object.fromEntries(STATUS_ORDER.map((s) => [s, columns[s].filter((id) => id !== taskId)])) as Columns;
  const list = out[target.status];
  const index = Math.max(0, Math.min(target.index, list.length));
  list.splice(index, 0, taskId);
  return out;
}

/**
 * Position values to write so a column has exactly this order: 0, 1, 2, … Only rows whose
 * position actually changes are returned, so a small move touches few rows.
 */
export function positionUpdates(order: string[], current: ReadonlyMap<string, { status: TaskStatus; position: number }>, status: TaskStatus) {
  const updates: Array<{ id: string; position: number; status: TaskStatus }> = [];
  order.forEach((id, position) => {
    const now = current.get(id);
    if (!now || now.position !== position || now.status !== status) updates.push({ id, position, status });
  });
  return updates;
}

/**
 * Deleting is final, so it is narrower than editing: the network's coordinators, platform admins
 * (who may edit too) and the person who created the task. Everybody else who may edit can still
 * mark a task done.
 */
export function canDeleteTask(actor: Actor | null | undefined, context: NetworkContext, task: { createdById: string | null }): boolean {
  if (!actor || !canInNetwork(actor, context, "task.edit")) return false;
  return context.networkRole === "coordinator" || actor.role === "admin" || (task.createdById !== null && task.createdById === actor.id);
}

// ---------------------------------------------------------------------------------------------
// List filters from the URL (GET parameters, so a filtered list can be shared as a link)
// ---------------------------------------------------------------------------------------------

export type TaskFilters = {
  mine: boolean;
  overdue: boolean;
  label: string | null;
  group: string | null;
  status: TaskStatus | null;
};

type SearchParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).trim();
const flag = (v: string | string[] | undefined): boolean => ["1", "true", "on", "yes"].includes(first(v).toLowerCase());

/** Never fails: anything unknown in the URL is simply no filter. */
export function parseTaskFilters(params: SearchParams): TaskFilters {
  const status = first(params.status);
  return {
    mine: flag(params.mine),
    overdue: flag(params.overdue),
    label: first(params.label).slice(0, 40) || null,
    group: first(params.group).slice(0, 100) || null,
    status: (STATUS_ORDER as readonly string[]).includes(status) ? (status as TaskStatus) : null,
  };
}

/** The query string for a set of filters (only the active ones), e.g. for links and the form. */
export function taskFiltersQuery(filters: Partial<TaskFilters>): string {
  const params = new URLSearchParams();
  if (filters.mine) params.set("mine", "1");
  if (filters.overdue) params.set("overdue", "1");
  if (filters.label) params.set("label", filters.label);
  if (filters.group) params.set("group", filters.group);
  if (filters.status) params.set("status", filters.status);
  const q = params.toString();
  return q ? `?${q}` : "";
}
