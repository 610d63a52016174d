"use client";

import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import {
  changeProblemStatusAction,
  commentOnProblemAction,
  toggleSupportAction,
} from "@/app/(app)/networks/[slug]/workspace/problems/actions";
import { FormMessage, SubmitButton, TextArea } from "@/components/ui/form";
import type { ProblemStatus } from "@/db/schema";
import type { FormState } from "@/lib/forms";

type Ref = { network: string; problemId: string };

function Hidden({ network, problemId }: Ref) {
  return (
    <>
      <input type="hidden" name="network" value={network} />
      <input type="hidden" name="problemId" value={problemId} />
    </>
  );
}

/** "+1" as a toggle button: aria-pressed tells whether the person supports it already. */
export function SupportButton({ network, problemId, title, supported, count }: Ref & { title: string; supported: boolean; count: number }) {
  const t = useTranslations("problems");
  const [state, action, pending] = useActionState(toggleSupportAction, {} as FormState);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <Hidden network={network} problemId={problemId} />
      <input type="hidden" name="support" value={supported ? "false" : "true"} />
      <button
        type="submit"
        disabled={pending}
        aria-pressed={supported}
        aria-label={supported ? t("withdrawSupportAria", { title }) : t("supportAria", { title })}
        className={`rounded-md border px-3 py-1.5 font-semibold focus:outline-none focus:ring-2 focus:ring-teal-700 focus:ring-offset-2 disabled:opacity-70 ${
          supported ? "border-teal-800 bg-teal-800 text-white hover:bg-teal-900" : "border-teal-800 bg-white text-teal-900 hover:bg-teal-50"
        }`}
      >
        {supported ? (
          <>
            <span aria-hidden="true">✓ </span>
            {t("withdrawSupport")}
          </>
        ) : (
          t("support")
        )}
      </button>
      <span className="text-slate-800" data-testid="support-count">
        {t("supportCount", { count })}
      </span>
      {supported ? <span className="text-sm text-slate-700">{t("youSupport")}</span> : null}
      <div className="basis-full">
        <FormMessage state={state.error ? state : undefined} />
      </div>
    </form>
  );
}

export function StatusForm({ network, problemId, options }: Ref & { options: ProblemStatus[] }) {
  const t = useTranslations("problems");
  const [state, action] = useActionState(changeProblemStatusAction, {} as FormState);
  const selectId = useId();
  if (!options.length) return <p className="text-slate-700">{t("noTransitions")}</p>;
  return (
    <form action={action} aria-label={t("changeStatus")}>
      <FormMessage state={state} />
      <Hidden network={network} problemId={problemId} />
      <div className="mb-4">
        <label htmlFor={selectId} className="block font-medium text-slate-800">
          {t("newStatus")}
        </label>
        <select
          id={selectId}
          name="to"
          className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 shadow-sm focus:outline-none focus:ring-2 focus:ring-teal-700"
        >
          {options.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <TextArea label={t("noteLabel")} name="note" hint={t("noteHint")} rows={2} maxLength={1000} state={state} />
      <SubmitButton variant="secondary">{t("changeSubmit")}</SubmitButton>
    </form>
  );
}

export function CommentForm({ network, problemId }: Ref) {
  const t = useTranslations("problems");
  const [state, action] = useActionState(commentOnProblemAction, {} as FormState);
  return (
    <form action={action} aria-label={t("commentSubmit")} noValidate>
      <FormMessage state={state} />
      <Hidden network={network} problemId={problemId} />
      {/* React resets the form after the action: empty after a saved comment, the echoed text after an error. */}
      <TextArea label={t("commentLabel")} name="body" state={state} rows={3} required />
      <SubmitButton>{t("commentSubmit")}</SubmitButton>
    </form>
  );
}
