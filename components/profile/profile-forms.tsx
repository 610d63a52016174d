"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { removeAccount, saveProfile, savePassword } from "@/app/(app)/profile/actions";
import { FormMessage, SelectField, SubmitButton, TextArea, TextField } from "@/components/ui/form";
import type { FormState } from "@/lib/forms";
import type { Profile } from "@/lib/users/queries";
import { sectors } from "@/db/schema";

export function ProfileForm({ profile }: { profile: Profile }) {
  const t = useTranslations("profile");
  const ts = useTranslations("sectors");
  const tl = useTranslations("shell.languageNames");
  const [state, action] = useActionState(saveProfile, {} as FormState);
  return (
    <form action={action} noValidate aria-labelledby="profile-title">
      <FormMessage state={state} />
      <TextField label={t("name")} name="name" autoComplete="name" required defaultValue={profile.name} state={state} />
      <TextField label={t("organisation")} name="organisation" autoComplete="organization" defaultValue={profile.organisation ?? ""} state={state} />
      <SelectField
        label={t("sector")}
        name="sector"
        defaultValue={profile.sector ?? ""}
        state={state}
        options={[{ value: "", label: t("sectorNone") }, ...sectors.map((s) => ({ value: s, label: ts(s) }))]}
      />
      <TextField label={t("expertise")} name="expertise" hint={t("expertiseHint")} defaultValue={profile.expertise.join(", ")} state={state} />
      <TextArea label={t("bio")} name="bio" rows={4} defaultValue={profile.bio ?? ""} state={state} />
      <SelectField
        label={t("locale")}
        name="locale"
        defaultValue={profile.locale ?? "de"}
        state={state}
        options={[
          { value: "de", label: tl("de") },
          { value: "en", label: tl("en") },
        ]}
      />
      <SubmitButton>{t("save")}</SubmitButton>
    </form>
  );
}

export function ChangePasswordForm() {
  const t = useTranslations("profile");
  const ta = useTranslations("auth");
  const [state, action] = useActionState(savePassword, {} as FormState);
  return (
    <form action={action} noValidate aria-labelledby="password-title">
      <h2 id="password-title" className="mb-3 text-xl font-semibold">
        {t("passwordTitle")}
      </h2>
      <FormMessage state={state} />
      <TextField label={t("currentPassword")} name="current" type="password" autoComplete="current-password" required state={state} />
      <TextField label={ta("newPassword")} name="password" type="password" autoComplete="new-password" hint={ta("passwordHint")} required state={state} />
      <TextField label={ta("confirmPassword")} name="confirm" type="password" autoComplete="new-password" required state={state} />
      <SubmitButton variant="secondary">{t("changePassword")}</SubmitButton>
    </form>
  );
}

export function DeleteAccountForm() {
  const t = useTranslations("profile");
  const [state, action] = useActionState(removeAccount, {} as FormState);
  return (
    <form action={action} noValidate aria-labelledby="delete-title">
      <h2 id="delete-title" className="mb-3 text-xl font-semibold">
        {t("deleteTitle")}
      </h2>
      <p className="mb-3 text-slate-700">{t("deleteLead")}</p>
      <FormMessage state={state} />
      <TextField label={t("confirmEmail")} name="confirmEmail" type="email" autoComplete="off" required state={state} />
      <SubmitButton variant="danger">{t("delete")}</SubmitButton>
    </form>
  );
}
