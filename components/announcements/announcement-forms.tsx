"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { muteAnnouncementsAction, sendAnnouncementAction } from "@/app/(app)/networks/[slug]/workspace/announcements/actions";
import { confirmUnsubscribeAction } from "@/app/(public)/unsubscribe/[token]/actions";
import { FormMessage, SubmitButton, TextArea, TextField } from "@/components/ui/form";
import type { FormState } from "@/lib/forms";

export function AnnouncementForm({ network }: { network: string }) {
  const t = useTranslations("announcements");
  const [state, action] = useActionState(sendAnnouncementAction, {} as FormState);
  return (
    <form action={action} noValidate aria-label={t("compose")} className="max-w-2xl">
      <FormMessage state={state} />
      <input type="hidden" name="network" value={network} />
      <TextField label={t("subject")} name="subject" state={state} required maxLength={200} />
      <TextArea label={t("body")} name="body" state={state} hint={t("bodyHint")} required rows={6} />
      <SubmitButton>{t("send")}</SubmitButton>
    </form>
  );
}

export function MuteForm({ network, muted }: { network: string; muted: boolean }) {
  const t = useTranslations("announcements");
  const [state, action] = useActionState(muteAnnouncementsAction, {} as FormState);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="network" value={network} />
      <input type="hidden" name="muted" value={muted ? "false" : "true"} />
      <p className="text-slate-800">
        <span aria-hidden="true">{muted ? "🔕 " : "✉ "}</span>
        {muted ? t("mutedState") : t("unmutedState")}
      </p>
      <SubmitButton variant="secondary">{muted ? t("unmute") : t("mute")}</SubmitButton>
      <div className="basis-full">
        <FormMessage state={state} />
      </div>
    </form>
  );
}

export function UnsubscribeForm({ token }: { token: string }) {
  const t = useTranslations("unsubscribe");
  const [state, action] = useActionState(confirmUnsubscribeAction, {} as FormState);
  return (
    <form action={action}>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton>{t("confirm")}</SubmitButton>
    </form>
  );
}
