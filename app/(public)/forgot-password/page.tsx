import { getTranslations } from "next-intl/server";
import { ForgotPasswordForm } from "@/components/auth/password-reset-forms";

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("forgotTitle") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-4 text-3xl font-bold">{t("forgotTitle")}</h1>
      <p className="mb-6">{t("forgotLead")}</p>
      <ForgotPasswordForm />
    </div>
  );
}
