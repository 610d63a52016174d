import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { orNotFound } from "@/components/workspace/page-guard";
import { LabelList, OverdueBadge, dueDateValue } from "@/components/tasks/task-meta";
import { TaskViewsNav } from "@/components/tasks/task-views-nav";
import { requireUser } from "@/lib/auth/session";
import { listTasks, taskFormOptions } from "@/lib/tasks/queries";
import { STATUS_ORDER, parseTaskFilters, taskFiltersQuery } from "@/lib/tasks/rules";
import { FilterForm, FilterSelect } from "@/components/ui/filter-form";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  const t = await getTranslations("tasks.list");
  return { title: t("title") };
}


/** The filtered list: plain GET parameters, so every filtered view is a link people can share. */
export default async function TaskListPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const filters = parseTaskFilters(await searchParams);
  const base = `/networks/${encodeURIComponent(slug)}/workspace/tasks`;
  const path = `${base}/list`;
  const user = await requireUser(`${path}${taskFiltersQuery(filters)}`);
  const [t, ts, format, list, options] = await Promise.all([
    getTranslations("tasks.list"),
    getTranslations("tasks"),
    getFormatter(),
    orNotFound(listTasks({ actor: user, network: slug, filters }), path),
    orNotFound(taskFormOptions({ actor: user, network: slug }), path),
  ]);
  const filtered = Boolean(filters.mine || filters.overdue || filters.label || filters.group || filters.status);
  return (
    <section aria-labelledby="task-list-title">
      <h2 id="task-list-title" className="text-2xl font-semibold">
        {t("title")}
      </h2>
      <p className="mb-4 mt-1 text-slate-700">{ts("lead")}</p>
      <TaskViewsNav slug={list.network.slug} current="list" canCreate={list.permissions.create} />

      <FilterForm action={path} label={t("filters")} applyLabel={t("apply")} resetLabel={t("reset")} filtered={filtered}>
        <fieldset className="flex flex-col gap-1">
          <legend className="sr-only">{t("filters")}</legend>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="mine" value="1" defaultChecked={filters.mine} className="h-4 w-4" />
            {t("mine")}
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="overdue" value="1" defaultChecked={filters.overdue} className="h-4 w-4" />
            {t("overdue")}
          </label>
        </fieldset>
        <FilterSelect
          id="filter-status"
          name="status"
          label={t("status")}
          allLabel={t("anyStatus")}
          value={filters.status}
          options={STATUS_ORDER.map((s) => ({ value: s, label: ts(`status.${s}`) }))}
        />
        <FilterSelect id="filter-label" name="label" label={t("label")} allLabel={t("anyLabel")} value={filters.label} options={options.labels.map((l) => ({ value: l, label: l }))} />
        <FilterSelect id="filter-group" name="group" label={t("group")} allLabel={t("anyGroup")} value={filters.group} options={options.groups.map((g) => ({ value: g.id, label: g.name }))} />
      </FilterForm>

      <p className="mb-2 text-sm text-slate-700" role="status">
        {t("count", { count: list.tasks.length })} · {t("sortNote")}
      </p>
      {list.tasks.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4">{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse rounded-lg bg-white text-left">
            <caption className="sr-only">{t("caption")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2">{t("colTitle")}</th>
                <th scope="col" className="p-2">{t("colStatus")}</th>
                <th scope="col" className="p-2">{t("colAssignee")}</th>
                <th scope="col" className="p-2">{t("colDue")}</th>
                <th scope="col" className="p-2">{t("colGroup")}</th>
                <th scope="col" className="p-2">{t("colLabels")}</th>
              </tr>
            </thead>
            <tbody>
              {list.tasks.map((task) => (
                <tr key={task.id} className="border-b border-slate-200 align-top">
                  <th scope="row" className="p-2 font-semibold">
                    <Link href={`${base}/${encodeURIComponent(task.id)}`} className="text-teal-900 underline-offset-2 hover:underline">
                      {task.title}
                    </Link>
                  </th>
                  <td className="p-2">{ts(`status.${task.status}`)}</td>
                  <td className="p-2">{task.assignee?.name ?? <span className="text-slate-600">{ts("unassigned")}</span>}</td>
                  <td className="p-2">
                    {task.dueDate ? (task.overdue ? <OverdueBadge dueDate={task.dueDate} /> : format.dateTime(dueDateValue(task.dueDate), { dateStyle: "medium" })) : "–"}
                  </td>
                  <td className="p-2">{task.workingGroup?.name ?? "–"}</td>
                  <td className="p-2">
                    <LabelList labels={task.labels} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
