import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AcceptTtInvitationForm, DeclineTtInvitationForm, SignUpAndAcceptForm } from "@/components/participants/tt-invitation-forms";
import { currentUser } from "@/lib/auth/session";
import { thinkTankInvitationByToken } from "@/lib/participants/queries";

export async function generateMetadata() {
  const t = await getTranslations("ttInvitation");
  // The path carries a secret: keep it out of search engines and referrers.
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "no-referrer" as const };
}

const box = "mb-4 rounded-md border p-3";

export default async function ThinkTankInvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await currentUser();
  const [view, t, tp, format] = await Promise.all([thinkTankInvitationByToken(token, user), getTranslations("ttInvitation"), getTranslations("participants"), getFormatter()]);

  if (view.state !== "valid" || !view.thinkTank.open) {
    const message =
      view.state === "unknown"
        ? t("unknown")
        : view.state === "valid"
          ? t("closed")
          : { expired: t("expired"), revoked: t("revoked"), accepted: t("accepted"), declined: t("alreadyDeclined") }[view.state];
    const participant = view.state !== "unknown" && view.viewer?.isParticipant ? view.thinkTank.id : null;
    return (
      <div className="mx-auto max-w-xl">
        <h1 className="mb-4 text-3xl font-bold">{t("unavailableTitle")}</h1>
        <p role="alert" className={`${box} border-red-800 bg-red-50 text-red-900`}>
          <span aria-hidden="true">⚠ </span>
          {message}
        </p>
        {participant ? (
          <Link className="text-teal-800 underline" href={`/think-tanks/${participant}`}>
            {t("toThinkTank")}
          </Link>
        ) : null}
      </div>
    );
  }

  const here = `/think-tank-invitations/${encodeURIComponent(token)}`;
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-2 text-lg">{t("lead", { inviter: view.inviter ?? "Netzwerkstatt", role: tp(`roles.${view.role}`) })}</p>
      <dl className="mb-4 rounded-lg border border-slate-200 bg-white p-4">
        <dt className="text-sm font-medium text-slate-600">{t("thinkTank")}</dt>
        <dd className="mb-2 text-xl font-semibold">{view.thinkTank.title}</dd>
        <dt className="text-sm font-medium text-slate-600">{t("question")}</dt>
        <dd className="mb-2">{view.thinkTank.question}</dd>
        <dt className="text-sm font-medium text-slate-600">{t("moderator")}</dt>
        <dd className="mb-2">{view.inviter ?? "Netzwerkstatt"}</dd>
        <dt className="text-sm font-medium text-slate-600">{t("role")}</dt>
        <dd>{tp(`roles.${view.role}`)}</dd>
      </dl>
      <p className="mb-1">{t("forEmail", { email: view.email })}</p>
      <p className="mb-6 text-slate-700">{t("validUntil", { date: format.dateTime(view.expiresAt, { dateStyle: "long" }) })}</p>

      {view.viewer?.isParticipant ? (
        <p className={`${box} border-teal-800 bg-teal-50 text-teal-900`}>
          {t("alreadyParticipant")}{" "}
          <Link className="underline" href={`/think-tanks/${view.thinkTank.id}`}>
            {t("toThinkTank")}
          </Link>
        </p>
      ) : user && view.viewer?.emailMatches ? (
        <div className="mb-6">
          <AcceptTtInvitationForm token={token} />
        </div>
      ) : user ? (
        <p role="alert" className={`${box} border-red-800 bg-red-50 text-red-900`}>
          <span aria-hidden="true">⚠ </span>
          {t("wrongEmail", { account: view.viewer?.email ?? "", email: view.email })}
        </p>
      ) : view.accountExists ? (
        <div className="mb-6">
          <p className="mb-3">{t("signInLead")}</p>
          <Link
            className="inline-block rounded-md bg-teal-800 px-4 py-2 font-semibold text-white hover:bg-teal-900 focus:outline-none focus:ring-2 focus:ring-teal-700 focus:ring-offset-2"
            href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`}
          >
            {t("signIn")}
          </Link>
        </div>
      ) : (
        <div className="mb-6">
          <SignUpAndAcceptForm token={token} email={view.email} />
        </div>
      )}

      {!view.viewer?.isParticipant ? (
        <section aria-labelledby="decline-heading" className="mt-8 border-t border-slate-200 pt-4">
          <h2 id="decline-heading" className="mb-1 text-xl font-semibold">
            {t("declineTitle")}
          </h2>
          <p className="mb-3 text-slate-700">{t("declineLead")}</p>
          <DeclineTtInvitationForm token={token} />
        </section>
      ) : null}
    </div>
  );
}
