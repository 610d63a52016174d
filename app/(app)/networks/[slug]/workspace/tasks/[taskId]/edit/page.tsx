import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { orNotFound } from "@/components/workspace/page-guard";
import { TaskForm } from "@/components/tasks/task-form";
import { requireUser } from "@/lib/auth/session";
import { getTaskDetail, taskFormOptions } from "@/lib/tasks/queries";

type Props = { params: Promise<{ slug: string; taskId: string }> };

export async function generateMetadata() {
  const t = await getTranslations("tasks");
  return { title: t("editTitle") };
}

export default async function EditTaskPage({ params }: Props) {
  const { slug, taskId } = await params;
  const taskPath = `/networks/${encodeURIComponent(slug)}/workspace/tasks/${encodeURIComponent(taskId)}`;
  const user = await requireUser(`${taskPath}/edit`);
  const [t, detail, options] = await Promise.all([
    getTranslations("tasks"),
    orNotFound(getTaskDetail({ actor: user, network: slug, taskId }), `${taskPath}/edit`),
    orNotFound(taskFormOptions({ actor: user, network: slug }), `${taskPath}/edit`),
  ]);
  if (!detail.permissions.edit) notFound();
  const { task } = detail;
  return (
    <section aria-labelledby="edit-task-title">
      <p className="mb-2">
        <Link href={taskPath} className="text-teal-800 underline">
          <span aria-hidden="true">← </span>
          {t("backToTask")}
        </Link>
      </p>
      <h2 id="edit-task-title" className="mb-4 text-2xl font-semibold">
        {t("editTitle")}
      </h2>
      <TaskForm
        slug={detail.network.slug}
        members={options.members}
        groups={options.groups}
        task={{
          id: task.id,
          title: task.title,
          description: task.description,
          status: task.status,
          assigneeId: task.assignee?.id ?? null,
          dueDate: task.dueDate,
          labels: task.labels,
          workingGroupId: task.workingGroup?.id ?? null,
        }}
      />
    </section>
  );
}
