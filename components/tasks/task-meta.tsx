import { useFormatter, useTranslations } from "next-intl";
import type { TaskCard } from "@/lib/tasks/queries";

/** A due date (YYYY-MM-DD) as a Date at noon UTC, so no time zone shifts it to another day. */
export function dueDateValue(dueDate: string): Date {
  return new Date(`${dueDate}T12:00:00Z`);
}

/** Overdue is said in words and marked with an icon and a border, never by colour alone. */
export function OverdueBadge({ dueDate }: { dueDate: string }) {
  const t = useTranslations("tasks");
  const format = useFormatter();
  return (
    <span className="inline-flex items-center gap-1 rounded border border-red-800 bg-red-50 px-1.5 py-0.5 text-sm font-semibold text-red-900">
      <span aria-hidden="true">⚠</span>
      {t("overdueSince", { date: format.dateTime(dueDateValue(dueDate), { dateStyle: "medium" }) })}
    </span>
  );
}

export function LabelList({ labels }: { labels: string[] }) {
  const t = useTranslations("tasks");
  if (!labels.length) return null;
  return (
    <ul aria-label={t("labels")} className="flex flex-wrap gap-1">
      {labels.map((label) => (
        <li key={label} className="rounded-full border border-slate-400 bg-slate-50 px-2 text-sm text-slate-800">
          <span aria-hidden="true">#</span>
          {label}
        </li>
      ))}
    </ul>
  );
}

/** Who, when, which group, labels: the same facts on board cards, in the list and on the task page. */
export function TaskMeta({ task }: { task: Pick<TaskCard, "assignee" | "dueDate" | "overdue" | "workingGroup" | "labels" | "commentCount"> }) {
  const t = useTranslations("tasks");
  const format = useFormatter();
  return (
    <div className="space-y-1 text-sm text-slate-700">
      <p>{task.assignee ? t("assignee", { name: task.assignee.name }) : t("unassigned")}</p>
      {task.dueDate ? (
        task.overdue ? (
          <p>
            <OverdueBadge dueDate={task.dueDate} />
          </p>
        ) : (
          <p>{t("due", { date: format.dateTime(dueDateValue(task.dueDate), { dateStyle: "medium" }) })}</p>
        )
      ) : null}
      {task.workingGroup ? <p>{t("group", { name: task.workingGroup.name })}</p> : null}
      <LabelList labels={task.labels} />
      {task.commentCount ? <p>{t("comments", { count: task.commentCount })}</p> : null}
    </div>
  );
}
