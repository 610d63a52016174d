import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { StatusBadge, UrgencyBadge } from "@/components/problems/badges";
import { orNotFound } from "@/components/workspace/page-guard";
import { problemStatuses, urgencies } from "@/db/schema";
import { requireUser } from "@/lib/auth/session";
import { listProblems } from "@/lib/problems/queries";
import { FilterForm, FilterSelect } from "@/components/ui/filter-form";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ status?: string; urgency?: string }> };

export async function generateMetadata() {
  const t = await getTranslations("problems");
  return { title: t("title") };
}


export default async function ProblemsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const search = await searchParams;
  const path = `/networks/${encodeURIComponent(slug)}/workspace/problems`;
  const user = await requireUser(path);
  const [t, format, log] = await Promise.all([getTranslations("problems"), getFormatter(), orNotFound(listProblems(user, slug, search), path)]);
  const filtered = Boolean(log.filters.status || log.filters.urgency);

  return (
    <section aria-labelledby="problems-title">
      <div className="mb-4 flex flex-wrap items-start justify-between gap-4">
        <div className="max-w-3xl">
          <h2 id="problems-title" className="text-2xl font-semibold">
            {t("title")}
          </h2>
          <p className="mt-1 text-slate-700">{t("lead")}</p>
        </div>
        {log.canCreate ? (
          <Link href={`${path}/new`} className="rounded-md bg-teal-800 px-4 py-2 font-semibold text-white hover:bg-teal-900 focus:outline-none focus:ring-2 focus:ring-teal-700 focus:ring-offset-2">
            {t("logProblem")}
          </Link>
        ) : null}
      </div>

      <FilterForm action={path} label={t("filters")} applyLabel={t("applyFilters")} resetLabel={t("resetFilters")} filtered={filtered}>
        <FilterSelect
          id="filter-status"
          name="status"
          label={t("filterStatus")}
          allLabel={t("allStatuses")}
          value={log.filters.status}
          options={problemStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <FilterSelect
          id="filter-urgency"
          name="urgency"
          label={t("filterUrgency")}
          allLabel={t("allUrgencies")}
          value={log.filters.urgency}
          options={urgencies.map((u) => ({ value: u, label: t(`urgency.${u}`) }))}
        />
      </FilterForm>

      <p className="mb-2 text-sm text-slate-700" role="status">
        {t("count", { count: log.problems.length })} · {t("sortNote")}
      </p>
      {log.problems.length === 0 ? <p>{filtered ? t("emptyFiltered") : t("empty")}</p> : null}
      <ol className="space-y-3" aria-label={t("title")}>
        {log.problems.map((p) => (
          <li key={p.id}>
            <article aria-labelledby={`problem-${p.id}`} className="rounded-lg border border-slate-200 bg-white p-4">
              <h3 id={`problem-${p.id}`} className="text-lg font-semibold">
                <Link href={`${path}/${p.id}`} className="text-teal-900 underline decoration-1 underline-offset-2 hover:decoration-2">
                  {p.title}
                </Link>
              </h3>
              <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
                <StatusBadge status={p.status} />
                <UrgencyBadge urgency={p.urgency} />
                <span className="text-slate-800">
                  <span aria-hidden="true">+1 </span>
                  {t("supportCount", { count: p.supportCount })}
                  {p.supportedByMe ? ` (${t("supportedByYou")})` : ""}
                </span>
                <span className="text-slate-700">· {t("commentCount", { count: p.commentCount })}</span>
              </div>
              <p className="mt-1 text-sm text-slate-600">
                {t("loggedBy", { name: p.authorName ?? t("unknownPerson"), date: format.dateTime(p.createdAt, { dateStyle: "medium" }) })}
              </p>
            </article>
          </li>
        ))}
      </ol>
    </section>
  );
}
