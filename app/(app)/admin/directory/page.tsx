import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ConfirmEntryForm } from "@/components/networks/network-actions";
import { StatusBadge } from "@/components/networks/status-badge";
import { requirePermission } from "@/lib/auth/session";
import { listStaleEntries } from "@/lib/networks/queries";

export async function generateMetadata() {
  const t = await getTranslations("adminDirectory");
  return { title: t("title") };
}

/** Every directory entry nobody confirmed for 12 months, in one list. */
export default async function AdminDirectoryPage({ searchParams }: { searchParams: Promise<{ confirmed?: string }> }) {
  const actor = await requirePermission("network.approve", "/admin/directory");
  const [{ confirmed }, t, tn, format, entries] = await Promise.all([
    searchParams,
    getTranslations("adminDirectory"),
    getTranslations("network"),
    getFormatter(),
    listStaleEntries(actor),
  ]);
  return (
    <section aria-labelledby="stale-title">
      <h2 id="stale-title" className="mb-2 text-2xl font-semibold">
        {t("title")}
      </h2>
      <p className="mb-4 text-slate-700">{t("lead")}</p>
      {confirmed ? (
        <p role="status" className="mb-4 rounded-md border border-teal-800 bg-teal-50 p-3 text-teal-900">
          <span aria-hidden="true">✓ </span>
          {tn("confirmed")}
        </p>
      ) : null}
      {entries.length === 0 ? (
        <p>
          <span aria-hidden="true">✓ </span>
          {t("empty")}
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-left">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2">{t("network")}</th>
                <th scope="col" className="p-2">{t("lastVerified")}</th>
                <th scope="col" className="p-2">{t("coordinators")}</th>
                <th scope="col" className="p-2">{t("actions")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} className="border-b border-slate-200 align-top">
                  <th scope="row" className="p-2 font-medium">
                    <Link href={`/networks/${e.slug}`} className="text-teal-900 underline">
                      {e.name}
                    </Link>
                    <div className="mt-1 flex flex-col gap-1 text-sm font-normal">
                      <StatusBadge status={e.status} />
                      {e.listed ? null : <span>({t("unlisted")})</span>}
                    </div>
                  </th>
                  <td className="p-2">
                    <span aria-hidden="true">⚠ </span>
                    {e.lastVerifiedAt ? format.dateTime(e.lastVerifiedAt, { dateStyle: "medium" }) : t("never")}
                  </td>
                  <td className="p-2">
                    {e.coordinators.length ? (
                      <ul>
                        {e.coordinators.map((c) => (
                          <li key={c.email}>
                            {c.name} (<a className="text-teal-800 underline" href={`mailto:${c.email}`}>{c.email}</a>)
                          </li>
                        ))}
                      </ul>
                    ) : (
                      t("noCoordinator")
                    )}
                  </td>
                  <td className="p-2">
                    <div className="flex flex-wrap items-start gap-2">
                      {e.status === "archived" ? null : <ConfirmEntryForm networkId={e.id} from="admin" label={t("confirmFor", { name: e.name })} />}
                      <Link
                        href={`/networks/${e.slug}/settings`}
                        aria-label={t("editFor", { name: e.name })}
                        className="inline-block rounded-md border border-teal-800 px-4 py-2 font-semibold text-teal-900 hover:bg-teal-50"
                      >
                        {t("edit")}
                      </Link>
                    </div>
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
