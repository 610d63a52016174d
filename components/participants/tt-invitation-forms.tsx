"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { acceptTtInvitationAction, declineTtInvitationAction, signUpAndAcceptTtInvitationAction } from "@/app/(public)/think-tank-invitations/[token]/actions";
import { StatusMessage } from "@/components/members/status-message";
import { SubmitButton, TextField } from "@/components/ui/form";
import type { FormState } from "@/lib/forms";

const initial: FormState = {};

export function AcceptTtInvitationForm({ token }: { token: string }) {
  const t = useTranslations("ttInvitation");
  const [state, action] = useActionState(acceptTtInvitationAction, initial);
  return (
    <form action={action}>
      <input type="hidden" name="token" value={token} />
      <SubmitButton>{t("accept")}</SubmitButton>
      <StatusMessage state={state} />
    </form>
  );
}

/** Sign up and accept in one step: the e-mail address is the invitation's and is shown, not asked. */
export function SignUpAndAcceptForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("ttInvitation");
  const [state, action] = useActionState(signUpAndAcceptTtInvitationAction, initial);
  return (
    <form action={action} aria-labelledby="tt-signup-heading" className="max-w-md" noValidate>
      <h2 id="tt-signup-heading" className="mb-1 text-xl font-semibold">
        {t("signUpTitle")}
      </h2>
      <p className="mb-3 text-slate-700">{t("signUpLead", { email })}</p>
      <input type="hidden" name="token" value={token} />
      <TextField label={t("name")} name="name" autoComplete="name" required state={state} />
      <TextField label={t("password")} name="password" type="password" autoComplete="new-password" required hint={t("passwordHint")} state={state} />
      <SubmitButton>{t("signUpSubmit")}</SubmitButton>
      <StatusMessage state={state} inlineFields={["name", "password"]} />
    </form>
  );
}

export function DeclineTtInvitationForm({ token }: { token: string }) {
  const t = useTranslations("ttInvitation");
  const [state, action] = useActionState(declineTtInvitationAction, initial);
  if (state.ok) {
    return (
      <p role="status" className="rounded-md border border-teal-800 bg-teal-50 p-3 text-teal-900">
        <span aria-hidden="true">✓ </span>
        {state.notice}
      </p>
    );
  }
  return (
    <form action={action}>
      <input type="hidden" name="token" value={token} />
      <SubmitButton variant="secondary">{t("decline")}</SubmitButton>
      <StatusMessage state={state} />
    </form>
  );
}
