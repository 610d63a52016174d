import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ArchiveForm, CarryOverForm, ConcludeForm, HandBackForm } from "@/components/outcomes/outcome-forms";
import { OutcomeDetails } from "@/components/outcomes/outcome-view";
import { orNotFound } from "@/components/workspace/page-guard";
import { requireUser } from "@/lib/auth/session";
import { getOutcome } from "@/lib/outcomes/queries";

export default async function OutcomePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const base = `/think-tanks/${encodeURIComponent(id)}`;
  const user = await requireUser(`${base}/outcome`);
  const view = await orNotFound(getOutcome(user, id), `${base}/outcome`);
  const t = await getTranslations("outcome");
  const tk = view.thinkTank;
  const concluded = tk.status === "concluded" || tk.status === "archived";
  const problems = view.origin.map((p) => ({ id: p.id, title: p.title, networkName: p.networkName, status: p.status }));
  const cards = view.cards.map((c) => ({ id: c.id, text: c.text, boardTitle: c.boardTitle }));

  return (
    <div className="space-y-10">
      {concluded ? (
        <>
          <div className="flex flex-wrap items-center gap-3">
            <p className="rounded-md border border-teal-800 bg-teal-50 px-3 py-1 text-teal-900">
              <span aria-hidden="true">✓ </span>
              {tk.status === "archived" ? t("archivedNote") : t("concludedNote")}
            </p>
            {view.can.export ? (
              <>
                <a className="text-teal-800 underline" href={`${base}/export/markdown`} download>
                  {t("exportMarkdown")}
                </a>
                <Link className="text-teal-800 underline" href={`${base}/print`}>
                  {t("printView")}
                </Link>
              </>
            ) : null}
            <Link className="text-teal-800 underline" href="/think-tanks/archive">
              {t("toArchive")}
            </Link>
          </div>
          <OutcomeDetails view={view} />
        </>
      ) : view.can.conclude ? (
        <ConcludeForm thinkTankId={tk.id} cards={cards} problems={problems} />
      ) : (
        <p>{t("notYet")}</p>
      )}

      {view.predecessor || view.successors.length ? (
        <section aria-labelledby="carried-heading">
          <h2 id="carried-heading" className="mb-2 text-xl font-semibold">
            {t("carriedTitle")}
          </h2>
          <ul className="space-y-1">
            {view.predecessor ? (
              <li>
                {t("carriedFrom")}{" "}
                <Link className="text-teal-800 underline" href={`/think-tanks/${view.predecessor.id}`}>
                  {view.predecessor.title}
                </Link>
              </li>
            ) : null}
            {view.successors.map((s) => (
              <li key={s.id}>
                {t("carriedTo")}{" "}
                <Link className="text-teal-800 underline" href={`/think-tanks/${s.id}`}>
                  {s.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {view.can.handBack && view.originNetworks.length ? <HandBackForm thinkTankId={tk.id} networks={view.originNetworks} /> : null}
      {view.can.carryOver ? <CarryOverForm thinkTankId={tk.id} title={tk.title} question={tk.question} problems={problems} cards={cards} /> : null}
      {view.can.archive ? <ArchiveForm thinkTankId={tk.id} /> : null}
    </div>
  );
}
