import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PhaseMailsToggle } from "@/components/think-tanks/forms";
import { orNotFound } from "@/components/workspace/page-guard";
import { requireUser } from "@/lib/auth/session";
import { getThinkTank } from "@/lib/think-tanks/queries";

type Props = { params: Promise<{ id: string }> };

export default async function ThinkTankOverviewPage({ params }: Props) {
  const { id } = await params;
  const base = `/think-tanks/${encodeURIComponent(id)}`;
  const user = await requireUser(base);
  const [t, tp, format, d] = await Promise.all([getTranslations("thinkTanks"), getTranslations("problems"), getFormatter(), orNotFound(getThinkTank(user, id), base)]);
  const { thinkTank } = d;
  const date = (value: string) => format.dateTime(new Date(`${value}T12:00:00Z`), { dateStyle: "long" });
  const period =
    thinkTank.startsOn && thinkTank.endsOn
      ? t("overview.range", { start: date(thinkTank.startsOn), end: date(thinkTank.endsOn) })
      : thinkTank.startsOn
        ? t("overview.from", { date: date(thinkTank.startsOn) })
        : thinkTank.endsOn
          ? t("overview.until", { date: date(thinkTank.endsOn) })
          : t("overview.noDates");
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="lg:col-span-2">
        <section aria-labelledby="tt-question" className="mb-6">
          <h2 id="tt-question" className="text-xl font-semibold">
            {t("overview.question")}
          </h2>
          <p className="mt-1 whitespace-pre-line">{thinkTank.question}</p>
        </section>
        <section aria-labelledby="tt-goals" className="mb-6">
          <h2 id="tt-goals" className="text-xl font-semibold">
            {t("overview.goals")}
          </h2>
          <p className="mt-1 whitespace-pre-line">{thinkTank.goals || t("overview.noGoals")}</p>
        </section>
        <section aria-labelledby="tt-origin" className="mb-6">
          <h2 id="tt-origin" className="text-xl font-semibold">
            {t("overview.origin")}
          </h2>
          {d.origin.length ? (
            <ul className="mt-1 list-disc pl-5">
              {d.origin.map((o) => (
                <li key={o.id}>
                  {t("overview.originProblem", { title: o.title, network: o.networkName })} – {tp(`status.${o.status}` as "status.open")}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-1">{t("overview.noOrigin")}</p>
          )}
        </section>
        <section aria-labelledby="tt-history" className="mb-6">
          <h2 id="tt-history" className="text-xl font-semibold">
            {t("overview.history")}
          </h2>
          {d.history.length ? (
            <ol className="mt-1 grid gap-1" data-testid="phase-history">
              {d.history.map((h) => (
                <li key={h.id}>
                  <time dateTime={h.at.toISOString()} className="text-sm text-slate-600">
                    {format.dateTime(h.at, { dateStyle: "medium", timeStyle: "short" })}
                  </time>{" "}
                  {h.actorName
                    ? t("overview.historyEntry", { phase: h.phaseName, action: t(`historyActions.${h.action as "start"}`), actor: h.actorName })
                    : t("overview.historyEntryNoActor", { phase: h.phaseName, action: t(`historyActions.${h.action as "start"}`) })}
                </li>
              ))}
            </ol>
          ) : (
            <p className="mt-1">{t("overview.noHistory")}</p>
          )}
        </section>
      </div>
      <aside className="grid content-start gap-4">
        <dl className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="font-semibold">{t("overview.statusLabel")}</dt>
          <dd className="mb-3">
            {t(`status.${thinkTank.status}`)}
            {thinkTank.status === "paused" && thinkTank.pausedReason ? <p className="text-sm">{t("overview.pausedReason", { reason: thinkTank.pausedReason })}</p> : null}
          </dd>
          <dt className="font-semibold">{t("overview.dates")}</dt>
          <dd className="mb-3">{period}</dd>
          <dt className="font-semibold">{t("overview.template")}</dt>
          <dd className="mb-3">{t(`templateShort.${thinkTank.template}`)}</dd>
          <dt className="font-semibold">{t("overview.participants")}</dt>
          <dd className="mb-3">
            <Link href={`${base}/participants`} className="text-teal-900 underline">
              {t("overview.participantsLink", { count: d.participantCount })}
            </Link>
          </dd>
          {d.predecessor ? (
            <>
              <dt className="font-semibold">{t("overview.predecessor")}</dt>
              <dd className="mb-3">
                <Link href={`/think-tanks/${d.predecessor.id}`} className="text-teal-900 underline">
                  {d.predecessor.title}
                </Link>
              </dd>
            </>
          ) : null}
          {d.successors.length ? (
            <>
              <dt className="font-semibold">{t("overview.successors")}</dt>
              <dd>
                <ul>
                  {d.successors.map((s) => (
                    <li key={s.id}>
                      <Link href={`/think-tanks/${s.id}`} className="text-teal-900 underline">
                        {s.title}
                      </Link>
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
        </dl>
        {d.me ? (
          <section aria-labelledby="tt-mails" className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="tt-mails" className="mb-2 font-semibold">
              {t("overview.phaseMails")}
            </h2>
            <PhaseMailsToggle thinkTankId={thinkTank.id} enabled={d.me.phaseMails} />
          </section>
        ) : d.context.originReader ? (
          <p className="text-sm text-slate-700">{t("readingAlong")}</p>
        ) : null}
      </aside>
    </div>
  );
}
