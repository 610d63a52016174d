"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createTaskAction, updateTaskAction } from "@/app/(app)/networks/[slug]/workspace/tasks/actions";
import { FormMessage, SelectField, SubmitButton, TextArea, TextField } from "@/components/ui/form";
import type { TaskStatus } from "@/db/schema";
import type { FormState } from "@/lib/forms";

type Option = { id: string; name: string };
export type TaskFormValues = {
  id?: string;
  title: string;
  description: string;
  status: TaskStatus;
  assigneeId: string | null;
  dueDate: string | null;
  labels: string[];
  workingGroupId: string | null;
};

const STATUSES: TaskStatus[] = ["open", "in_progress", "done"];

/** Create and edit share one form; a failed submission keeps everything that was typed. */
export function TaskForm({ slug, members, groups, task }: { slug: string; members: Option[]; groups: Option[]; task?: TaskFormValues }) {
  const t = useTranslations("tasks");
  const [state, action] = useActionState<FormState, FormData>(task?.id ? updateTaskAction : createTaskAction, {});
  return (
    <form action={action} noValidate aria-label={task?.id ? t("editTitle") : t("newTitle")} className="max-w-2xl">
      <FormMessage state={state} />
      <input type="hidden" name="network" value={slug} />
      {task?.id ? <input type="hidden" name="taskId" value={task.id} /> : null}
      <TextField label={t("fields.title")} name="title" state={state} defaultValue={task?.title} required maxLength={200} autoComplete="off" />
      <TextArea label={t("fields.description")} name="description" state={state} defaultValue={task?.description} hint={t("fields.descriptionHint")} rows={8} />
      <SelectField
        label={t("fields.status")}
        name="status"
        state={state}
        defaultValue={task?.status ?? "open"}
        options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
      />
      <SelectField
        label={t("fields.assignee")}
        name="assigneeId"
        state={state}
        defaultValue={task?.assigneeId ?? ""}
        options={[{ value: "", label: t("fields.nobody") }, ...members.map((m) => ({ value: m.id, label: m.name }))]}
      />
      <TextField label={t("fields.dueDate")} name="dueDate" type="date" state={state} defaultValue={task?.dueDate ?? ""} />
      <TextField label={t("fields.labels")} name="labels" state={state} defaultValue={task?.labels.join(", ")} hint={t("fields.labelsHint")} autoComplete="off" />
      <SelectField
        label={t("fields.workingGroup")}
        name="workingGroupId"
        state={state}
        defaultValue={task?.workingGroupId ?? ""}
        options={[{ value: "", label: t("fields.noGroup") }, ...groups.map((g) => ({ value: g.id, label: g.name }))]}
      />
      <SubmitButton>{task?.id ? t("save") : t("create")}</SubmitButton>
    </form>
  );
}
