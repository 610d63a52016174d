import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/think-tanks/status-badge";
import { thinkTankStatuses } from "@/db/schema";
import { requireUser } from "@/lib/auth/session";
import { listThinkTanks } from "@/lib/think-tanks/queries";
import { FilterForm, FilterSelect } from "@/components/ui/filter-form";

type Props = { searchParams: Promise<{ status?: string }> };

export async function generateMetadata() {
  const t = await getTranslations("thinkTanks");
  return { title: t("title") };
}


export default async function ThinkTanksPage({ searchParams }: Props) {
  const user = await requireUser("/think-tanks");
  const search = await searchParams;
  const [t, list] = await Promise.all([getTranslations("thinkTanks"), listThinkTanks(user, search)]);
  const steward = user.role === "admin" || user.role === "moderator";
  return (
    <section aria-labelledby="think-tanks-title">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 id="think-tanks-title" className="text-3xl font-bold">
          {t("title")}
        </h1>
        <div className="flex flex-wrap items-center gap-4">
          <Link href="/think-tanks/archive" className="text-teal-800 underline">
            {t("archiveLink")}
          </Link>
          {list.canCreate ? (
            <Link href="/think-tanks/new" className="rounded-md bg-teal-800 px-4 py-2 font-semibold text-white hover:bg-teal-900 focus:outline-none focus:ring-2 focus:ring-teal-700 focus:ring-offset-2">
              {t("new")}
            </Link>
          ) : null}
        </div>
      </div>
      <p className="mb-6 mt-2 max-w-3xl text-slate-700">
        {t("lead")} {steward ? t("leadSteward") : null}
      </p>

      <FilterForm action="/think-tanks" label={t("filters")} applyLabel={t("applyFilter")} resetLabel={t("resetFilter")} filtered={Boolean(list.filters.status)}>
        <FilterSelect
          id="tt-status"
          name="status"
          label={t("filterStatus")}
          allLabel={t("allStatuses")}
          value={list.filters.status}
          options={thinkTankStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
      </FilterForm>

      <p className="mb-2 text-sm text-slate-700" role="status">
        {t("count", { count: list.thinkTanks.length })}
      </p>
      {list.thinkTanks.length === 0 ? (
        <p>{list.filters.status ? t("emptyFiltered") : t("empty")}</p>
      ) : (
        <ul className="grid gap-4">
          {list.thinkTanks.map((tt) => (
            <li key={tt.id} className="rounded-lg border border-slate-200 bg-white p-4">
              <div className="flex flex-wrap items-center gap-3">
                <h2 className="text-xl font-semibold">
                  <Link href={`/think-tanks/${tt.id}`} className="text-teal-900 underline">
                    {tt.title}
                  </Link>
                </h2>
                <StatusBadge status={tt.status} label={t(`status.${tt.status}`)} />
              </div>
              <p className="mt-1 text-slate-800">{tt.question}</p>
              <p className="mt-2 text-sm text-slate-700">
                {t("participants", { count: tt.participantCount })} · {t("templateShort." + tt.template as "templateShort.dschool")} ·{" "}
                {t("currentPhase")}: {tt.currentPhase ? tt.currentPhase.name : t("noCurrentPhase")}
                {tt.myRole ? ` · ${t("myRole", { role: t(`roles.${tt.myRole}`) })}` : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
