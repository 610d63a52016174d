import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ProposalDecision } from "@/components/networks/network-actions";
import { requirePermission } from "@/lib/auth/session";
import { listProposals, networkNameForAdmin } from "@/lib/networks/queries";

export async function generateMetadata() {
  const t = await getTranslations("adminProposals");
  return { title: t("title") };
}

export default async function AdminProposalsPage({ searchParams }: { searchParams: Promise<{ approved?: string; declined?: string }> }) {
  const actor = await requirePermission("network.approve", "/admin/proposals");
  const { approved, declined } = await searchParams;
  const [t, td, format, proposals] = await Promise.all([getTranslations("adminProposals"), getTranslations("directory"), getFormatter(), listProposals(actor)]);
  const decided = approved ?? declined;
  const decidedName = decided ? await networkNameForAdmin(actor, decided) : null;
  return (
    <section aria-labelledby="proposals-title">
      <h2 id="proposals-title" className="mb-2 text-2xl font-semibold">
        {t("title")}
      </h2>
      <p className="mb-4 text-slate-700">{t("lead")}</p>
      {decidedName ? (
        <p role="status" className="mb-4 rounded-md border border-teal-800 bg-teal-50 p-3 text-teal-900">
          <span aria-hidden="true">✓ </span>
          {approved ? t("approved", { name: decidedName }) : t("declined", { name: decidedName })}
        </p>
      ) : null}
      {proposals.length === 0 ? <p>{t("empty")}</p> : null}
      <ul className="grid gap-4">
        {proposals.map((p) => (
          <li key={p.id}>
            <article aria-labelledby={`proposal-${p.id}`} className="rounded-lg border border-slate-200 bg-white p-4">
              <h3 id={`proposal-${p.id}`} className="text-xl font-semibold">
                <Link href={`/networks/${p.slug}`} className="text-teal-900 underline">
                  {p.name}
                </Link>
              </h3>
              <p className="text-sm text-slate-700">
                {t("proposedBy", { name: p.proposerName ?? "–", email: p.proposerEmail ?? "–", date: format.dateTime(p.createdAt, { dateStyle: "medium" }) })}
              </p>
              {p.focus ? (
                <p className="mt-2">
                  <span className="font-medium">{td("focus")}:</span> {p.focus}
                </p>
              ) : null}
              {p.socialAreas.length ? (
                <p>
                  <span className="font-medium">{td("areas")}:</span> {format.list(p.socialAreas)}
                </p>
              ) : null}
              {p.description ? <p className="mt-2 whitespace-pre-line">{p.description}</p> : null}
              <ProposalDecision networkId={p.id} name={p.name} />
            </article>
          </li>
        ))}
      </ul>
    </section>
  );
}
