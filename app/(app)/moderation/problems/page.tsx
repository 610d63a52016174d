import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { UrgencyBadge } from "@/components/problems/badges";
import { EscalateForm } from "@/components/think-tanks/forms";
import { urgencies } from "@/db/schema";
import { requirePermission } from "@/lib/auth/session";
import { listProblemInbox } from "@/lib/problems/queries";
import { listAttachableThinkTanks } from "@/lib/think-tanks/queries";
import { FilterForm, FilterSelect } from "@/components/ui/filter-form";

type Props = { searchParams: Promise<{ network?: string; urgency?: string }> };

export async function generateMetadata() {
  const t = await getTranslations("problemInbox");
  return { title: t("title") };
}


export default async function ProblemInboxPage({ searchParams }: Props) {
  // Moderators and admins only; everybody else gets the 404 page.
  const user = await requirePermission("problems.inbox", "/moderation/problems");
  const search = await searchParams;
  const [t, tp, te, format, inbox, attachable] = await Promise.all([
    getTranslations("problemInbox"),
    getTranslations("problems"),
    getTranslations("thinkTankEscalation"),
    getFormatter(),
    listProblemInbox(user, search),
    listAttachableThinkTanks(user),
  ]);
  const filtered = Boolean(inbox.filters.network || inbox.filters.urgency);

  return (
    <section aria-labelledby="inbox-title">
      <h1 id="inbox-title" className="text-3xl font-bold">
        {t("title")}
      </h1>
      <p className="mb-6 mt-2 max-w-3xl text-slate-700">{t("lead")}</p>

      <FilterForm action="/moderation/problems" label={t("filters")} applyLabel={t("applyFilters")} resetLabel={t("resetFilters")} filtered={filtered}>
        <FilterSelect
          id="inbox-network"
          name="network"
          label={t("filterNetwork")}
          allLabel={t("allNetworks")}
          value={inbox.filters.network}
          options={inbox.networks.map((n) => ({ value: n.slug, label: t("networkOption", { name: n.name, count: n.open }) }))}
        />
        <FilterSelect
          id="inbox-urgency"
          name="urgency"
          label={t("filterUrgency")}
          allLabel={t("allUrgencies")}
          value={inbox.filters.urgency}
          options={urgencies.map((u) => ({ value: u, label: tp(`urgency.${u}`) }))}
        />
      </FilterForm>

      <p className="mb-2 text-sm text-slate-700" role="status">
        {t("count", { count: inbox.problems.length })}
      </p>
      {inbox.problems.length === 0 ? (
        <p>{filtered ? t("emptyFiltered") : t("empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <p className="mb-2 max-w-3xl text-slate-700">{te("lead")}</p>
          <EscalateForm formId="escalate-problems" thinkTanks={attachable} />
          <table className="w-full border-collapse bg-white text-left">
            <caption className="sr-only">{t("title")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2">
                  {te("thinkTankColumn")}
                </th>
                <th scope="col" className="p-2">
                  {t("colProblem")}
                </th>
                <th scope="col" className="p-2">
                  {t("colNetwork")}
                </th>
                <th scope="col" className="p-2">
                  {t("colUrgency")}
                </th>
                <th scope="col" className="p-2">
                  {t("colSupport")}
                </th>
                <th scope="col" className="p-2">
                  {t("colComments")}
                </th>
                <th scope="col" className="p-2">
                  {t("colLogged")}
                </th>
              </tr>
            </thead>
            <tbody>
              {inbox.problems.map((p) => (
                <tr key={p.id} className="border-b border-slate-200 align-top">
                  <td className="p-2">
                    <input type="checkbox" name="problemIds" value={p.id} form="escalate-problems" aria-label={te("selectLabel", { title: p.title })} className="h-5 w-5" />
                  </td>
                  <th scope="row" className="p-2 font-semibold">
                    <Link href={`/networks/${encodeURIComponent(p.networkSlug)}/workspace/problems/${p.id}`} className="text-teal-900 underline">
                      {p.title}
                    </Link>
                  </th>
                  <td className="p-2">{p.networkName}</td>
                  <td className="p-2">
                    <UrgencyBadge urgency={p.urgency} />
                  </td>
                  <td className="p-2">{tp("supportCount", { count: p.supportCount })}</td>
                  <td className="p-2">{p.commentCount}</td>
                  <td className="p-2">{format.dateTime(p.createdAt, { dateStyle: "medium" })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
