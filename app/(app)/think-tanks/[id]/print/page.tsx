import { getTranslations } from "next-intl/server";
import { OutcomeDetails } from "@/components/outcomes/outcome-view";
import { orNotFound } from "@/components/workspace/page-guard";
import { requireUser } from "@/lib/auth/session";
import { getOutcomeReport } from "@/lib/outcomes/queries";

/*
 * Print view (save as PDF from the browser's print dialog): the outcome without navigation. The
 * print rules hide the site's header, the think-tank's tabs and live phase bar, and this page's hint.
 */
const printCss = `
@media print {
  header, nav, footer, [data-print-hide], .print-hide { display: none !important; }
  body { background: #fff !important; color: #000 !important; font-size: 11pt; }
  a { color: #000 !important; text-decoration: none !important; }
  main { padding: 0 !important; max-width: none !important; }
  section { break-inside: avoid; }
}
`;

export default async function OutcomePrintPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const path = `/think-tanks/${encodeURIComponent(id)}/print`;
  const user = await requireUser(path);
  const report = await orNotFound(getOutcomeReport(user, id), path);
  const [t, te, ts] = await Promise.all([getTranslations("outcome"), getTranslations("outcomeExport"), getTranslations("sectors")]);
  return (
    <article className="mx-auto max-w-3xl bg-white p-4" aria-labelledby="print-title">
      <style>{printCss}</style>
      <p className="print-hide mb-4 rounded-md border border-slate-300 bg-slate-50 p-2 text-sm">{t("printHint")}</p>
      <h2 id="print-title" className="text-2xl font-bold">
        {report.thinkTank.title}
      </h2>
      <p className="mb-4">
        <span className="font-medium">{te("question")}:</span> {report.thinkTank.question}
      </p>
      <OutcomeDetails view={report} headingLevel={3} links={false} />
      <section aria-labelledby="print-participants" className="mt-6">
        <h3 id="print-participants" className="mb-2 text-xl font-semibold">
          {te("participants")}
        </h3>
        <ul>
          {report.participants.map((p) => (
            <li key={`${p.name}-${p.role}`}>
              {p.name} ({[p.organisation, p.sector ? ts(p.sector) : null].filter(Boolean).join(", ") || te("unspecified")})
            </li>
          ))}
        </ul>
        <p className="mt-2">
          <span className="font-medium">{te("sectorMix")}:</span> {report.sectorMix.map((s) => `${s.sector === "unspecified" ? te("unspecified") : ts(s.sector)}: ${s.count}`).join(" · ")}
        </p>
      </section>
    </article>
  );
}
