import { getTranslations } from "next-intl/server";
import { TaskBoard } from "@/components/tasks/task-board";
import { orNotFound } from "@/components/workspace/page-guard";
import { TaskViewsNav } from "@/components/tasks/task-views-nav";
import { requireUser } from "@/lib/auth/session";
import { getTaskBoard } from "@/lib/tasks/queries";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata() {
  const t = await getTranslations("taskBoard");
  return { title: t("title") };
}

export default async function TaskBoardPage({ params }: Props) {
  const { slug } = await params;
  const path = `/networks/${encodeURIComponent(slug)}/workspace/tasks`;
  const user = await requireUser(path);
  const [t, board] = await Promise.all([getTranslations("tasks"), orNotFound(getTaskBoard({ actor: user, network: slug }), path)]);
  return (
    <section aria-labelledby="tasks-title">
      <h2 id="tasks-title" className="text-2xl font-semibold">
        {t("title")}
      </h2>
      <p className="mb-4 mt-1 text-slate-700">{t("lead")}</p>
      <TaskViewsNav slug={board.network.slug} current="board" canCreate={board.permissions.create} />
      <TaskBoard slug={board.network.slug} columns={board.columns} canMove={board.permissions.edit} />
    </section>
  );
}
