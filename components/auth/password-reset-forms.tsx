"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { chooseNewPassword, requestReset } from "@/app/(public)/forgot-password/actions";
import { FormMessage, SubmitButton, TextField } from "@/components/ui/form";
import type { FormState } from "@/lib/forms";

export function ForgotPasswordForm() {
  const t = useTranslations("auth");
  const [state, action] = useActionState(requestReset, {} as FormState);
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <TextField label={t("email")} name="email" type="email" autoComplete="email" required state={state} />
      <SubmitButton>{t("submitForgot")}</SubmitButton>
    </form>
  );
}

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("auth");
  const [state, action] = useActionState(chooseNewPassword, {} as FormState);
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <TextField label={t("newPassword")} name="password" type="password" autoComplete="new-password" required hint={t("passwordHint")} state={state} />
      <TextField label={t("confirmPassword")} name="confirm" type="password" autoComplete="new-password" required state={state} />
      <SubmitButton>{t("submitReset")}</SubmitButton>
    </form>
  );
}
