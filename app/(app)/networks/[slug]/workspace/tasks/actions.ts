"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { MoveState } from "@/components/tasks/move-state";
import { currentUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { toFormState, type FormState } from "@/lib/forms";
import { addTaskComment, createTask, deleteTask, moveTask, updateTask } from "@/lib/tasks/commands";
import { formDataToObject } from "@/lib/validation";

/* Thin wrappers: the commands decide everything; these translate results into form state and paths. */

function tasksPath(form: FormData): string {
  return `/networks/${encodeURIComponent(String(form.get("network") ?? ""))}/workspace/tasks`;
}

export async function createTaskAction(_prev: FormState, form: FormData): Promise<FormState> {
  let id: string;
  try {
    ({ id } = await createTask({ actor: await currentUser(), input: formDataToObject(form) }));
  } catch (error) {
    return toFormState(error, form);
  }
  revalidatePath(tasksPath(form), "layout");
  redirect(`${tasksPath(form)}/${encodeURIComponent(id)}`);
}

export async function updateTaskAction(_prev: FormState, form: FormData): Promise<FormState> {
  let id: string;
  try {
    ({ id } = await updateTask({ actor: await currentUser(), input: formDataToObject(form) }));
  } catch (error) {
    return toFormState(error, form);
  }
  revalidatePath(tasksPath(form), "layout");
  redirect(`${tasksPath(form)}/${encodeURIComponent(id)}`);
}

export async function deleteTaskAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await deleteTask({ actor: await currentUser(), input: formDataToObject(form) });
  } catch (error) {
    return toFormState(error, form);
  }
  revalidatePath(tasksPath(form), "layout");
  redirect(tasksPath(form));
}

export async function commentTaskAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await addTaskComment({ actor: await currentUser(), input: formDataToObject(form) });
  } catch (error) {
    return toFormState(error, form);
  }
  revalidatePath(tasksPath(form), "layout");
  const t = await getTranslations("tasks");
  return { ok: true, notice: t("commentAdded") };
}

/** Used by every card's move buttons (with or without JavaScript); the board announces `message`. */
export async function moveTaskAction(prev: MoveState, form: FormData): Promise<MoveState> {
  const [t, ts, te] = await Promise.all([getTranslations("taskBoard"), getTranslations("tasks.status"), getTranslations("errors")]);
  const seq = (prev.seq ?? 0) + 1;
  const direction = String(form.get("direction") ?? "");
  try {
    const result = await moveTask({ actor: await currentUser(), input: formDataToObject(form) });
    revalidatePath(tasksPath(form), "layout");
    const message = result.moved
      ? t("moved", { title: result.task.title, status: ts(result.status), position: result.index + 1, count: result.columnSize })
      : t("notMoved", { title: result.task.title });
    return { message, taskId: result.task.id, direction, status: result.status, seq };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { failed: true, message: t("moveFailed", { reason: te(error.code) }), taskId: String(form.get("taskId") ?? ""), direction, seq };
  }
}
