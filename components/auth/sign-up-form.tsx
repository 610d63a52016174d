"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { signUpWithPassword } from "@/app/(public)/sign-up/actions";
import { FormMessage, SubmitButton, TextField } from "@/components/ui/form";
import type { FormState } from "@/lib/forms";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth");
  const [state, action] = useActionState(signUpWithPassword, {} as FormState);
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField label={t("name")} name="name" autoComplete="name" required state={state} />
      <TextField label={t("email")} name="email" type="email" autoComplete="email" required state={state} />
      <TextField
        label={t("password")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint={t("passwordHint")}
        state={state}
      />
      <SubmitButton>{t("submitSignUp")}</SubmitButton>
    </form>
  );
}
