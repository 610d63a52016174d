"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { commentTaskAction, deleteTaskAction } from "@/app/(app)/networks/[slug]/workspace/tasks/actions";
import { FormMessage, SubmitButton, TextArea } from "@/components/ui/form";
import type { FormState } from "@/lib/forms";

export function CommentForm({ slug, taskId }: { slug: string; taskId: string }) {
  const t = useTranslations("tasks");
  const [state, action] = useActionState<FormState, FormData>(commentTaskAction, {});
  const form = useRef<HTMLFormElement>(null);
  // After a posted comment the field starts empty again; after an error it keeps the text.
  useEffect(() => {
    if (state.ok) form.current?.reset();
  }, [state]);
  return (
    <form ref={form} action={action} noValidate aria-label={t("commentSubmit")}>
      <FormMessage state={state} />
      <input type="hidden" name="network" value={slug} />
      <input type="hidden" name="taskId" value={taskId} />
      <TextArea label={t("commentLabel")} name="body" state={state.ok ? undefined : state} rows={3} required maxLength={5000} />
      <SubmitButton>{t("commentSubmit")}</SubmitButton>
    </form>
  );
}

/** A deliberate two-step delete: the checkbox must be ticked (checked by the browser and by `required`). */
export function DeleteTaskForm({ slug, taskId, title }: { slug: string; taskId: string; title: string }) {
  const t = useTranslations("tasks");
  const [state, action] = useActionState<FormState, FormData>(deleteTaskAction, {});
  return (
    <form action={action} aria-label={t("deleteTitle")}>
      <FormMessage state={state} />
      <input type="hidden" name="network" value={slug} />
      <input type="hidden" name="taskId" value={taskId} />
      <p className="mb-2 text-sm text-slate-700">{t("deleteLead")}</p>
      <p className="mb-3 text-sm text-slate-700">{t("deleteWho")}</p>
      <label className="mb-3 flex items-start gap-2">
        <input type="checkbox" name="confirm" required className="mt-1 h-4 w-4" />
        <span>{t("deleteConfirm", { title })}</span>
      </label>
      <SubmitButton variant="danger">{t("deleteSubmit")}</SubmitButton>
    </form>
  );
}
