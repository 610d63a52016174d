"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { requestToJoinAction } from "@/app/(app)/networks/[slug]/workspace/members/actions";
import { SubmitButton, TextArea } from "@/components/ui/form";
import type { FormState } from "@/lib/forms";
import { StatusMessage } from "./status-message";

/** A signed-in non-member asks to join a listed network, with an optional message to its coordinators. */
export function JoinRequestButton({ network }: { network: string }) {
  const t = useTranslations("members.join");
  const [state, action] = useActionState(requestToJoinAction, {} as FormState);
  if (state.ok) return <StatusMessage state={state} />;
  return (
    <form action={action} aria-labelledby="join-heading" className="max-w-lg">
      <h2 id="join-heading" className="mb-1 text-xl font-semibold">
        {t("title")}
      </h2>
      <p className="mb-3 text-slate-700">{t("lead")}</p>
      <input type="hidden" name="network" value={network} />
      <TextArea label={t("message")} name="message" rows={3} maxLength={1000} state={state} />
      <SubmitButton>{t("submit")}</SubmitButton>
      <StatusMessage state={state} inlineFields={[]} />
    </form>
  );
}
