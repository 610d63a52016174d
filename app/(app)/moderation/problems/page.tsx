import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { UrgencyBadge } from "@/components/problems/badges";
import { EscalateForm } from "@/components/think-tanks/forms";
import { urgencies } from "@/db/schema";
import { requirePermission } from "@/lib/auth/session";
import { listProblemInbox } from "@/lib/problems/queries";
import { listAttachableThinkTanks } from "@/lib/think-tanks/queries";

type Props = { searchParams: Promise<{ network?: string; urgency?: string }> };

export async function generateMetadata() {
  const t = await getTranslations("problemInbox");
  return { title: t("title") };
}

const selectClass = "mt-1 block rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 focus:outline-none focus:ring-2 focus:ring-teal-700";

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

      <form method="get" action="/moderation/problems" aria-label={t("filters")} className="mb-6 flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4">
        <div>
          <label htmlFor="inbox-network" className="block font-medium text-slate-800">
            {t("filterNetwork")}
          </label>
          <select id="inbox-network" name="network" defaultValue={inbox.filters.network ?? ""} className={selectClass}>
            <option value="">{t("allNetworks")}</option>
            {inbox.networks.map((n) => (
              <option key={n.slug} value={n.slug}>
                {t("networkOption", { name: n.name, count: n.open })}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="inbox-urgency" className="block font-medium text-slate-800">
            {t("filterUrgency")}
          </label>
          <select id="inbox-urgency" name="urgency" defaultValue={inbox.filters.urgency ?? ""} className={selectClass}>
            <option value="">{t("allUrgencies")}</option>
            {urgencies.map((u) => (
              <option key={u} value={u}>
                {tp(`urgency.${u}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded-md border border-teal-800 bg-white px-4 py-2 font-semibold text-teal-900 hover:bg-teal-50 focus:outline-none focus:ring-2 focus:ring-teal-700">
          {t("applyFilters")}
        </button>
        {filtered ? (
          <Link href="/moderation/problems" className="py-2 text-teal-800 underline">
            {t("resetFilters")}
          </Link>
        ) : null}
      </form>

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
