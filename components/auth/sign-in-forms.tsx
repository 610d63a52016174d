"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { requestMagicLink, signInWithPassword } from "@/app/(public)/sign-in/actions";
import { FormMessage, SubmitButton, TextField } from "@/components/ui/form";
import type { FormState } from "@/lib/forms";

export function PasswordSignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const t = useTranslations("auth");
  const [state, action] = useActionState(signInWithPassword, initialError ? { error: initialError } : ({} as FormState));
  return (
    <form action={action} noValidate aria-labelledby="password-sign-in">
      <h2 id="password-sign-in" className="sr-only">
        {t("signInTitle")}
      </h2>
      <FormMessage state={state} namespace={state.error === "invalid_input" ? "errors" : "auth.errors"} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField label={t("email")} name="email" type="email" autoComplete="email" required state={state} />
      <TextField label={t("password")} name="password" type="password" autoComplete="current-password" required state={state} />
      <SubmitButton>{t("submitSignIn")}</SubmitButton>
    </form>
  );
}

export function MagicLinkForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth");
  const [state, action] = useActionState(requestMagicLink, {} as FormState);
  return (
    <form action={action} noValidate aria-labelledby="magic-link-title">
      <h2 id="magic-link-title" className="text-lg font-semibold">
        {t("magicLinkTitle")}
      </h2>
      <p className="mb-3 text-slate-700">{t("magicLinkLead", { minutes: 30 })}</p>
      <FormMessage state={state} namespace={state.error === "invalid_input" ? "errors" : "auth.errors"} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField label={t("email")} name="email" type="email" autoComplete="email" required state={state} />
      <SubmitButton variant="secondary">{t("submitMagicLink")}</SubmitButton>
    </form>
  );
}
