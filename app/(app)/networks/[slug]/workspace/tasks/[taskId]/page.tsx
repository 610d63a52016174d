import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { orNotFound } from "@/components/workspace/page-guard";
import { CommentForm, DeleteTaskForm } from "@/components/tasks/task-actions";
import { TaskMeta } from "@/components/tasks/task-meta";
import { Markdown } from "@/components/ui/markdown";
import { currentUser, requireUser } from "@/lib/auth/session";
import { thinkTankLinkForTask } from "@/lib/outcomes/queries";
import { getTaskDetail } from "@/lib/tasks/queries";

type Props = { params: Promise<{ slug: string; taskId: string }> };

export async function generateMetadata({ params }: Props) {
  const { slug, taskId } = await params;
  const t = await getTranslations("tasks");
  try {
    const { task } = await getTaskDetail({ actor: await currentUser(), network: slug, taskId });
    return { title: task.title };
  } catch {
    return { title: t("title") };
  }
}

export default async function TaskPage({ params }: Props) {
  const { slug, taskId } = await params;
  const base = `/networks/${encodeURIComponent(slug)}/workspace/tasks`;
  const path = `${base}/${encodeURIComponent(taskId)}`;
  const user = await requireUser(path);
  const [t, format, detail] = await Promise.all([getTranslations("tasks"), getFormatter(), orNotFound(getTaskDetail({ actor: user, network: slug, taskId }), path)]);
  const { task, comments, permissions } = detail;
  const [origin, to] = await Promise.all([thinkTankLinkForTask(task.id), getTranslations("outcomeWorkspace")]);
  return (
    <article aria-labelledby="task-title">
      <p className="mb-2">
        <Link href={base} className="text-teal-800 underline">
          <span aria-hidden="true">← </span>
          {t("backToBoard")}
        </Link>
      </p>
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="task-title" className="text-2xl font-semibold">
            {task.title}
          </h2>
          <p className="mt-1 text-sm text-slate-700">
            <span className="mr-2 rounded border border-slate-500 px-1.5 py-0.5 font-medium">{t(`status.${task.status}`)}</span>
            {task.creatorName
              ? t("createdBy", { name: task.creatorName, date: format.dateTime(task.createdAt, { dateStyle: "medium" }) })
              : t("createdByUnknown", { date: format.dateTime(task.createdAt, { dateStyle: "medium" }) })}
          </p>
          {origin ? (
            <p className="mt-1">
              <Link href={`/think-tanks/${encodeURIComponent(origin.id)}/outcome`} className="text-teal-800 underline">
                {to("linkBack", { title: origin.title })}
              </Link>
            </p>
          ) : null}
        </div>
        {permissions.edit ? (
          <Link href={`${path}/edit`} className="rounded-md border border-teal-800 bg-white px-4 py-2 font-semibold text-teal-900 hover:bg-teal-50 focus:outline-none focus:ring-2 focus:ring-teal-700">
            {t("edit")}
          </Link>
        ) : null}
      </div>

      <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
        <div className="space-y-8">
          <section aria-labelledby="task-description" className="rounded-lg border border-slate-200 bg-white p-4">
            <h3 id="task-description" className="mb-2 text-lg font-semibold">
              {t("fields.description")}
            </h3>
            {task.description ? <Markdown source={task.description} /> : <p className="text-slate-600">{t("noDescription")}</p>}
          </section>

          <section aria-labelledby="task-comments">
            <h3 id="task-comments" className="mb-3 text-lg font-semibold">
              {t("commentsTitle")}
            </h3>
            {comments.length === 0 ? (
              <p className="mb-4 text-slate-600">{t("noComments")}</p>
            ) : (
              <ol className="mb-6 space-y-3">
                {comments.map((c) => (
                  <li key={c.id} className="rounded-lg border border-slate-200 bg-white p-3">
                    <p className="mb-1 text-sm font-medium text-slate-700">
                      {t("commentBy", { name: c.authorName ?? t("formerMember"), date: format.dateTime(c.createdAt, { dateStyle: "medium", timeStyle: "short" }) })}
                    </p>
                    <p className="whitespace-pre-line">{c.body}</p>
                  </li>
                ))}
              </ol>
            )}
            {permissions.comment ? <CommentForm slug={detail.network.slug} taskId={task.id} /> : null}
          </section>
        </div>

        <aside aria-labelledby="task-details" className="space-y-6">
          <section aria-labelledby="task-details" className="rounded-lg border border-slate-200 bg-white p-4">
            <h3 id="task-details" className="mb-2 text-lg font-semibold">
              {t("details")}
            </h3>
            <TaskMeta task={task} />
          </section>
          {permissions.delete ? (
            <section aria-labelledby="task-delete" className="rounded-lg border border-red-200 bg-white p-4">
              <h3 id="task-delete" className="mb-2 text-lg font-semibold">
                {t("deleteTitle")}
              </h3>
              <DeleteTaskForm slug={detail.network.slug} taskId={task.id} title={task.title} />
            </section>
          ) : null}
        </aside>
      </div>
    </article>
  );
}
