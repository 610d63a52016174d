import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { joinStatus } from "@/lib/memberships/queries";
import { JoinRequestButton } from "./join-request-button";

/**
 * For the public network page: the join request form, or what stands in its place (signed out,
 * already a member, request pending, network not taking requests). Renders nothing for networks
 * that are not in the directory.
 */
export async function JoinRequest({ network }: { network: string }) {
  const user = await currentUser();
  const [status, t] = await Promise.all([joinStatus(user, network), getTranslations("members.join")]);
  if (!status) return null;
  const note = "rounded-md border p-3";
  switch (status.status) {
    case "open":
      return <JoinRequestButton network={status.slug} />;
    case "signedOut":
      return (
        <p className={`${note} border-slate-300 bg-white`}>
          {t("signIn")}{" "}
          <Link className="text-teal-800 underline" href={`/sign-in?callbackUrl=${encodeURIComponent(`/networks/${status.slug}`)}`}>
            {t("signInLink")}
          </Link>
        </p>
      );
    case "member":
      return (
        <p className={`${note} border-teal-800 bg-teal-50 text-teal-900`}>
          {t("member")}{" "}
          <Link className="underline" href={`/networks/${status.slug}/workspace`}>
            {t("toWorkspace")}
          </Link>
        </p>
      );
    case "pending":
      return (
        <p role="status" className={`${note} border-slate-300 bg-white`}>
          <span aria-hidden="true">⏳ </span>
          {t("pending")}
        </p>
      );
    case "closed":
      return <p className={`${note} border-slate-300 bg-white`}>{t("closed")}</p>;
  }
}
