import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { orNotFound } from "@/components/workspace/page-guard";
import { TaskForm } from "@/components/tasks/task-form";
import { requireUser } from "@/lib/auth/session";
import { taskFormOptions } from "@/lib/tasks/queries";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata() {
  const t = await getTranslations("tasks");
  return { title: t("newTitle") };
}

export default async function NewTaskPage({ params }: Props) {
  const { slug } = await params;
  const base = `/networks/${encodeURIComponent(slug)}/workspace/tasks`;
  const user = await requireUser(`${base}/new`);
  const [t, options] = await Promise.all([getTranslations("tasks"), orNotFound(taskFormOptions({ actor: user, network: slug }), `${base}/new`)]);
  return (
    <section aria-labelledby="new-task-title">
      <p className="mb-2">
        <Link href={base} className="text-teal-800 underline">
          <span aria-hidden="true">← </span>
          {t("backToBoard")}
        </Link>
      </p>
      <h2 id="new-task-title" className="mb-4 text-2xl font-semibold">
        {t("newTitle")}
      </h2>
      {options.permissions.create ? (
        <TaskForm slug={options.network.slug} members={options.members} groups={options.groups} />
      ) : (
        <p role="note" className="rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-950">
          {t("notAllowedCreate")}
        </p>
      )}
    </section>
  );
}
