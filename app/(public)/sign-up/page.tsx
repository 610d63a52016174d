import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { currentUser } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/auth/redirect";

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("signUpTitle") };
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await currentUser()) redirect(callbackUrl);
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-3xl font-bold">{t("signUpTitle")}</h1>
      <SignUpForm callbackUrl={callbackUrl} />
      <p className="mt-4">
        {t("haveAccount")}{" "}
        <Link className="text-teal-800 underline" href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`}>
          {t("submitSignIn")}
        </Link>
      </p>
    </div>
  );
}
