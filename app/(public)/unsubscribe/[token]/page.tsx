import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { UnsubscribeForm } from "@/components/announcements/announcement-forms";
import { describeUnsubscribeToken } from "@/lib/announcements/queries";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata() {
  const t = await getTranslations("unsubscribe");
  return { title: t("title"), robots: { index: false } };
}

/**
 * Opened from an announcement e-mail, usually signed out. GET only shows what would happen (mail
 * scanners follow links); the button's POST mutes. Afterwards the page shows the stored state.
 */
export default async function UnsubscribePage({ params }: Props) {
  const { token } = await params;
  const [t, info] = await Promise.all([getTranslations("unsubscribe"), describeUnsubscribeToken(token)]);

  if (!info) {
    return (
      <div className="mx-auto max-w-xl">
        <h1 className="mb-4 text-3xl font-bold">{t("invalidTitle")}</h1>
        <p role="alert" className="mb-6 rounded-md border border-red-800 bg-red-50 p-3 text-red-900">
          <span aria-hidden="true">⚠ </span>
          {t("invalid")}
        </p>
        <Link href="/" className="text-teal-800 underline">
          {t("toHome")}
        </Link>
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-xl">
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      {!info.isMember ? (
        <p role="status">{t("notMember", { network: info.networkName })}</p>
      ) : info.muted ? (
        <>
          <p role="status" className="mb-4 rounded-md border border-teal-800 bg-teal-50 p-3 text-teal-900">
            <span aria-hidden="true">✓ </span>
            {t("done", { network: info.networkName })}
          </p>
          <p className="text-slate-700">{t("resubscribeHint")}</p>
        </>
      ) : (
        <>
          <p className="mb-6">{t("confirmLead", { network: info.networkName })}</p>
          <UnsubscribeForm token={token} />
        </>
      )}
    </div>
  );
}
