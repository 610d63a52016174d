import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { listAuditEntries } from "@/lib/audit/queries";
import { requirePermission } from "@/lib/auth/session";

export async function generateMetadata() {
  const t = await getTranslations("admin");
  return { title: t("auditTitle") };
}

const PAGE = 50;

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const actor = await requirePermission("audit.read", "/admin/audit");
  const { before } = await searchParams;
  const beforeId = before && /^\d+$/.test(before) ? Number(before) : undefined;
  const [t, format, entries] = await Promise.all([
    getTranslations("admin"),
    getFormatter(),
    listAuditEntries(actor, { before: beforeId, limit: PAGE }),
  ]);
  const last = entries.at(-1);
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title" className="mb-2 text-2xl font-semibold">
        {t("auditTitle")}
      </h2>
      <p className="mb-4 text-slate-700">{t("auditLead")}</p>
      {entries.length === 0 ? <p>{t("auditEmpty")}</p> : null}
      <div className="overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left text-sm">
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2">{t("auditWhen")}</th>
              <th scope="col" className="p-2">{t("auditWho")}</th>
              <th scope="col" className="p-2">{t("auditWhat")}</th>
              <th scope="col" className="p-2">{t("auditSubject")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} className="border-b border-slate-200">
                <td className="p-2 whitespace-nowrap">{format.dateTime(e.at, { dateStyle: "short", timeStyle: "medium" })}</td>
                <td className="p-2">{e.actorName ?? t("system")}</td>
                <td className="p-2 font-mono">{e.action}</td>
                <td className="p-2">
                  {e.subjectType} {e.subjectId ? <span className="font-mono text-xs">{e.subjectId}</span> : null}
                  {Object.keys(e.data).length ? <span className="ml-2 font-mono text-xs">{JSON.stringify(e.data)}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {last && entries.length === PAGE ? (
        <Link className="mt-4 inline-block text-teal-800 underline" href={`/admin/audit?before=${last.id}`}>
          {t("older")}
        </Link>
      ) : null}
    </section>
  );
}
