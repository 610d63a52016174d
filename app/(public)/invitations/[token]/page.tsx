import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AcceptInvitationForm } from "@/components/members/accept-invitation-form";
import { currentUser } from "@/lib/auth/session";
import { invitationByToken } from "@/lib/memberships/queries";

export async function generateMetadata() {
  const t = await getTranslations("invitations");
  // The path carries a secret: keep it out of search engines.
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "no-referrer" as const };
}

const box = "mb-4 rounded-md border p-3";

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await currentUser();
  const [view, t, tm, format] = await Promise.all([invitationByToken(token, user), getTranslations("invitations"), getTranslations("memberEmails"), getFormatter()]);

  if (view.state !== "valid") {
    const message = view.state === "unknown" ? t("unknown") : view.state === "expired" ? t("expired") : view.state === "revoked" ? t("revoked") : t("accepted");
    const memberOf = view.state !== "unknown" && view.viewer?.isMember ? view.network.slug : null;
    return (
      <div className="mx-auto max-w-xl">
        <h1 className="mb-4 text-3xl font-bold">{t("unavailableTitle")}</h1>
        <p role="alert" className={`${box} border-red-800 bg-red-50 text-red-900`}>
          <span aria-hidden="true">⚠ </span>
          {message}
        </p>
        {memberOf ? (
          <Link className="text-teal-800 underline" href={`/networks/${memberOf}/workspace`}>
            {t("toWorkspace")}
          </Link>
        ) : user ? (
          <Link className="text-teal-800 underline" href="/my-networks">
            {t("toMyNetworks")}
          </Link>
        ) : null}
      </div>
    );
  }

  const here = `/invitations/${encodeURIComponent(token)}`;
  const takesMembers = view.network.approved && view.network.status === "active";
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-2 text-lg">
        {t("lead", { inviter: view.inviter ?? "Netzwerkstatt", network: view.network.name, role: tm(`roles.${view.role}`) })}
      </p>
      <p className="mb-1">{t("forEmail", { email: view.email })}</p>
      <p className="mb-6 text-slate-700">{t("validUntil", { date: format.dateTime(view.expiresAt, { dateStyle: "long" }) })}</p>

      {!user ? (
        <>
          <p className="mb-4">{t("signedOut")}</p>
          <ul className="flex flex-wrap gap-3">
            <li>
              <Link className="inline-block rounded-md bg-teal-800 px-4 py-2 font-semibold text-white hover:bg-teal-900" href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`}>
                {t("signIn")}
              </Link>
            </li>
            <li>
              <Link className="inline-block rounded-md border border-teal-800 px-4 py-2 font-semibold text-teal-900 hover:bg-teal-50" href={`/sign-up?callbackUrl=${encodeURIComponent(here)}`}>
                {t("signUp")}
              </Link>
            </li>
          </ul>
        </>
      ) : view.viewer?.isMember ? (
        <p className={`${box} border-teal-800 bg-teal-50 text-teal-900`}>
          {t("alreadyMember")}{" "}
          <Link className="underline" href={`/networks/${view.network.slug}/workspace`}>
            {t("toWorkspace")}
          </Link>
        </p>
      ) : !view.viewer?.emailMatches ? (
        <p role="alert" className={`${box} border-red-800 bg-red-50 text-red-900`}>
          <span aria-hidden="true">⚠ </span>
          {t("wrongEmail", { account: view.viewer?.email ?? "", email: view.email })}
        </p>
      ) : !takesMembers ? (
        <p role="alert" className={`${box} border-amber-700 bg-amber-50 text-amber-950`}>
          <span aria-hidden="true">⏸ </span>
          {t("notActive")}
        </p>
      ) : (
        <AcceptInvitationForm token={token} label={t("accept")} />
      )}
    </div>
  );
}
