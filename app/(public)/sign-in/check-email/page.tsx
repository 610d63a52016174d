import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("checkEmailTitle") };
}

export default async function CheckEmailPage() {
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-4 text-3xl font-bold">{t("checkEmailTitle")}</h1>
      <p className="mb-6">{t("checkEmailLead")}</p>
      <Link className="text-teal-800 underline" href="/sign-in">
        {t("backToSignIn")}
      </Link>
    </div>
  );
}
