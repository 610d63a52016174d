"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { logProblemAction } from "@/app/(app)/networks/[slug]/workspace/problems/actions";
import { FormMessage, SelectField, SubmitButton, TextArea, TextField } from "@/components/ui/form";
import { urgencies } from "@/db/schema";
import type { FormState } from "@/lib/forms";

export function ProblemForm({ network, cancelHref }: { network: string; cancelHref: string }) {
  const t = useTranslations("problems");
  const [state, action] = useActionState(logProblemAction, {} as FormState);
  return (
    <form action={action} noValidate aria-label={t("newTitle")} className="max-w-2xl">
      <FormMessage state={state} />
      <input type="hidden" name="network" value={network} />
      <TextField label={t("fields.title")} name="title" state={state} hint={t("fields.titleHint")} required maxLength={200} />
      <TextArea label={t("fields.description")} name="description" state={state} hint={t("fields.descriptionHint")} required rows={5} />
      <TextArea label={t("fields.affected")} name="affected" state={state} hint={t("fields.affectedHint")} rows={3} />
      <TextArea label={t("fields.alreadyTried")} name="alreadyTried" state={state} hint={t("fields.alreadyTriedHint")} rows={3} />
      <SelectField
        label={t("fields.urgency")}
        name="urgency"
        state={state}
        required
        defaultValue=""
        options={[{ value: "", label: t("chooseUrgency") }, ...urgencies.map((u) => ({ value: u, label: t(`urgency.${u}`) }))]}
      />
      <TextField label={t("fields.socialAreas")} name="socialAreas" state={state} hint={t("fields.socialAreasHint")} />
      <div className="flex items-center gap-4">
        <SubmitButton>{t("submit")}</SubmitButton>
        <Link href={cancelHref} className="text-teal-800 underline">
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}
