"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { addBoardToPhaseAction } from "@/app/(app)/think-tanks/[id]/phases/actions";
import { FormMessage, SelectField, SubmitButton, TextField } from "@/components/ui/form";
import { boardTemplates } from "@/db/schema";
import type { FormState } from "@/lib/forms";

/** A moderator adds a board of a template to a phase that is not completed. */
export function AddBoardForm({ thinkTankId, phaseId, phaseName }: { thinkTankId: string; phaseId: string; phaseName: string }) {
  const t = useTranslations("thinkTankPhases");
  const [state, formAction] = useActionState(addBoardToPhaseAction, {} as FormState);
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-teal-900 underline" aria-label={t("addBoardLabel", { phase: phaseName })}>
        {t("addBoard")}
      </summary>
      <form action={formAction} noValidate aria-label={t("addBoardLabel", { phase: phaseName })} className="mt-2 max-w-xl">
        <FormMessage state={state} />
        <input type="hidden" name="thinkTankId" value={thinkTankId} />
        <input type="hidden" name="phaseId" value={phaseId} />
        <SelectField
          label={t("boardTemplate")}
          name="template"
          state={state}
          defaultValue="retrospective"
          required
          options={boardTemplates.map((value) => ({ value, label: t(`boardTemplates.${value}`) }))}
        />
        <TextField label={t("boardTitle")} name="title" state={state} maxLength={200} hint={t("boardTitleHint")} />
        <label className="mb-4 flex items-center gap-2">
          <input type="checkbox" name="anonymous" value="true" className="h-4 w-4" defaultChecked={state.values?.anonymous === "true"} />
          {t("boardAnonymous")}
        </label>
        <SubmitButton>{t("addBoard")}</SubmitButton>
      </form>
    </details>
  );
}
