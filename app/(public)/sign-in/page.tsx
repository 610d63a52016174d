import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { MagicLinkForm, PasswordSignInForm } from "@/components/auth/sign-in-forms";
import { currentUser } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/auth/redirect";

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("signInTitle") };
}

/** Auth.js redirects here with ?error=…&code=… when a flow fails outside the form (e.g. an old magic link). */
function errorFromQuery(error?: string, code?: string): string | undefined {
  if (!error) return undefined;
  if (code === "too_many_attempts" || code === "account_disabled") return code;
  if (error === "Verification") return "link_invalid";
  if (error === "CredentialsSignin") return "invalid_credentials";
  return "generic";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await currentUser()) redirect(callbackUrl);
  const t = await getTranslations("auth");
  const notice = params.notice === "password-changed" ? t("passwordChangedSignInAgain") : params.notice === "reset" ? t("resetDone") : params.notice === "deleted" ? t("accountDeleted") : null;
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-3xl font-bold">{t("signInTitle")}</h1>
      {notice ? (
        <p role="status" className="mb-4 rounded-md border border-teal-800 bg-teal-50 p-3 text-teal-900">
          {notice}
        </p>
      ) : null}
      <PasswordSignInForm callbackUrl={callbackUrl} initialError={errorFromQuery(params.error, params.code)} />
      <p className="mt-4">
        <Link className="text-teal-800 underline" href="/forgot-password">
          {t("forgotPassword")}
        </Link>
      </p>
      <p className="mt-2">
        {t("noAccount")}{" "}
        <Link className="text-teal-800 underline" href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`}>
          {t("submitSignUp")}
        </Link>
      </p>
      <hr className="my-8 border-slate-300" />
      <MagicLinkForm callbackUrl={callbackUrl} />
    </div>
  );
}
