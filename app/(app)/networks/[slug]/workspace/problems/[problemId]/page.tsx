import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { StatusBadge, UrgencyBadge } from "@/components/problems/badges";
import { orNotFound } from "@/components/workspace/page-guard";
import { CommentForm, StatusForm, SupportButton } from "@/components/problems/problem-actions";
import { currentUser, requireUser } from "@/lib/auth/session";
import { getProblem } from "@/lib/problems/queries";
import { EscalateForm } from "@/components/think-tanks/forms";
import { can as canPlatform } from "@/lib/policy";
import { listAttachableThinkTanks } from "@/lib/think-tanks/queries";

type Props = { params: Promise<{ slug: string; problemId: string }> };

export async function generateMetadata({ params }: Props) {
  const [t, { slug, problemId }, user] = await Promise.all([getTranslations("problems"), params, currentUser()]);
  const data = await getProblem(user, slug, problemId).catch(() => null);
  return { title: data ? `${data.problem.title} · ${t("title")}` : t("title") };
}

export default async function ProblemPage({ params }: Props) {
  const { slug, problemId } = await params;
  const listPath = `/networks/${encodeURIComponent(slug)}/workspace/problems`;
  const path = `${listPath}/${encodeURIComponent(problemId)}`;
  const user = await requireUser(path);
  const [t, format, data] = await Promise.all([getTranslations("problems"), getFormatter(), orNotFound(getProblem(user, slug, problemId), path)]);
  const { problem, comments, history, can, nextStatuses } = data;
  const ref = { network: data.network.slug, problemId: problem.id };
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  // Escalation is the host's (moderators and admins) and only for problems not yet in a think-tank.
  const escalatable = canPlatform(user, "thinkTank.convene") && (problem.status === "open" || problem.status === "escalated");
  const [te, attachable] = escalatable ? await Promise.all([getTranslations("thinkTankEscalation"), listAttachableThinkTanks(user)]) : [null, []];

  const detail = (heading: string, text: string) => (
    <div>
      <dt className="font-semibold text-slate-900">{heading}</dt>
      <dd className="mt-1 whitespace-pre-wrap text-slate-800">{text || <span className="text-slate-600">{t("notGiven")}</span>}</dd>
    </div>
  );

  return (
    <article aria-labelledby="problem-title">
      <p className="mb-3">
        <Link href={listPath} className="text-teal-800 underline">
          <span aria-hidden="true">← </span>
          {t("backToList")}
        </Link>
      </p>
      <h2 id="problem-title" className="text-2xl font-semibold">
        {problem.title}
      </h2>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <StatusBadge status={problem.status} />
        <UrgencyBadge urgency={problem.urgency} />
      </div>
      <p className="mt-2 text-sm text-slate-600">{t("loggedBy", { name: problem.authorName ?? t("unknownPerson"), date: date(problem.createdAt) })}</p>

      <div className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
        {can.support ? (
          <SupportButton {...ref} title={problem.title} supported={problem.supportedByMe} count={problem.supportCount} />
        ) : (
          <p className="text-slate-800">
            <span aria-hidden="true">+1 </span>
            {t("supportCount", { count: problem.supportCount })}
          </p>
        )}
      </div>

      {escalatable && te ? (
        <section aria-labelledby="escalate-title" className="mt-4">
          <h3 id="escalate-title" className="text-lg font-semibold">
            {te("title")}
          </h3>
          <p className="mb-2 text-slate-700">{te("problemLead")}</p>
          <EscalateForm formId="escalate-problem" problemIds={[problem.id]} thinkTanks={attachable} />
        </section>
      ) : null}

      <dl className="mt-6 grid gap-4">
        {detail(t("description"), problem.description)}
        {detail(t("affected"), problem.affected)}
        {detail(t("alreadyTried"), problem.alreadyTried)}
        {problem.socialAreas.length ? detail(t("socialAreas"), problem.socialAreas.join(", ")) : null}
      </dl>

      <div className="mt-8 grid gap-8 md:grid-cols-2">
        <section aria-labelledby="history-title">
          <h3 id="history-title" className="mb-3 text-xl font-semibold">
            {t("history")}
          </h3>
          <ol className="space-y-3 border-l-2 border-slate-300 pl-4">
            {history.map((h) => (
              <li key={h.id}>
                <p className="font-medium">
                  {h.fromStatus
                    ? t("historyChanged", { from: t(`status.${h.fromStatus}`), to: t(`status.${h.toStatus}`) })
                    : t("historyLogged", { to: t(`status.${h.toStatus}`) })}
                </p>
                <p className="text-sm text-slate-600">{t("historyBy", { name: h.actorName ?? t("unknownPerson"), date: date(h.at) })}</p>
                {h.note ? <p className="mt-1 whitespace-pre-wrap text-slate-800">{h.note}</p> : null}
              </li>
            ))}
          </ol>
          {can.triage ? (
            <section aria-labelledby="status-title" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
              <h4 id="status-title" className="mb-2 text-lg font-semibold">
                {t("changeStatus")}
              </h4>
              <StatusForm {...ref} options={nextStatuses} />
              <p className="mt-3 text-sm text-slate-600">{t("hostDecides")}</p>
            </section>
          ) : null}
        </section>

        <section aria-labelledby="comments-title">
          <h3 id="comments-title" className="mb-3 text-xl font-semibold">
            {t("comments")}
          </h3>
          {comments.length === 0 ? <p className="mb-4 text-slate-700">{t("noComments")}</p> : null}
          <ol className="mb-6 space-y-3">
            {comments.map((c) => (
              <li key={c.id} className="rounded-lg border border-slate-200 bg-white p-3">
                <p className="text-sm text-slate-600">{t("commentBy", { name: c.authorName ?? t("unknownPerson"), date: date(c.createdAt) })}</p>
                <p className="mt-1 whitespace-pre-wrap">{c.body}</p>
              </li>
            ))}
          </ol>
          {can.comment ? <CommentForm {...ref} /> : null}
        </section>
      </div>
    </article>
  );
}
