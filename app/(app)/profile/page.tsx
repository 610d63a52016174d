import { getTranslations } from "next-intl/server";
import { ApiTokens } from "@/components/profile/api-tokens";
import { ChangePasswordForm, DeleteAccountForm, ProfileForm } from "@/components/profile/profile-forms";
import { listApiTokens } from "@/lib/api-tokens/queries";
import { requireUser } from "@/lib/auth/session";
import { getProfile } from "@/lib/users/queries";

export async function generateMetadata() {
  const t = await getTranslations("profile");
  return { title: t("title") };
}

export default async function ProfilePage() {
  const user = await requireUser("/profile");
  const [t, tr, profile, tokens] = await Promise.all([getTranslations("profile"), getTranslations("roles"), getProfile(user), listApiTokens(user)]);
  return (
    <div className="grid gap-10 lg:grid-cols-[2fr_1fr]">
      <section aria-labelledby="profile-title">
        <h1 id="profile-title" className="mb-2 text-3xl font-bold">
          {t("title")}
        </h1>
        <p className="mb-6 text-slate-700">{t("lead")}</p>
        <dl className="mb-6 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="font-medium">{t("email")}</dt>
          <dd>{profile.email}</dd>
          <dt className="font-medium">{t("role")}</dt>
          <dd>{tr(profile.role)}</dd>
        </dl>
        <ProfileForm profile={profile} />
      </section>
      <div className="space-y-10">
        <section className="rounded-lg border border-slate-200 bg-white p-4">
          <ChangePasswordForm />
        </section>
        <section className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="data-title">
          <h2 id="data-title" className="mb-3 text-xl font-semibold">
            {t("dataTitle")}
          </h2>
          <p className="mb-3 text-slate-700">{t("exportLead")}</p>
          <a href="/api/profile/export" download className="inline-block rounded-md border border-teal-800 px-4 py-2 font-semibold text-teal-900 hover:bg-teal-50">
            {t("export")}
          </a>
        </section>
        <section className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="api-tokens-title">
          <ApiTokens tokens={tokens} />
        </section>
        <section className="rounded-lg border border-red-200 bg-white p-4">
          <DeleteAccountForm />
        </section>
      </div>
    </div>
  );
}
