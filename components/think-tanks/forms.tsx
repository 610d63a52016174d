"use client";

import Link from "next/link";
import { useActionState, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import {
  addPhaseAction,
  changeThinkTankStatusAction,
  createThinkTankAction,
  escalateSelectionAction,
  movePhaseAction,
  removePhaseAction,
  runPhaseAction,
  setPhaseMailsAction,
  updatePhaseAction,
  updateThinkTankAction,
} from "@/app/(app)/think-tanks/actions";
import { FormMessage, SelectField, SubmitButton, TextArea, TextField } from "@/components/ui/form";
import { phaseTemplates, thinkTankVisibilities } from "@/db/schema";
import type { FormState } from "@/lib/forms";

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

const buttonBase = "rounded-md px-3 py-1.5 font-semibold focus:outline-none focus:ring-2 focus:ring-teal-700 focus:ring-offset-2 disabled:opacity-60";
const variants = {
  primary: "bg-teal-800 text-white hover:bg-teal-900",
  secondary: "border border-teal-800 bg-white text-teal-900 hover:bg-teal-50",
  danger: "border border-red-800 bg-white text-red-900 hover:bg-red-50",
};

function Hidden({ fields }: { fields: Record<string, string> }) {
  return (
    <>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

function InlineMessage({ state }: { state: FormState }) {
  const t = useTranslations("errors");
  if (state.error) {
    return (
      <p role="alert" className="text-sm font-medium text-red-800">
        <span aria-hidden="true">⚠ </span>
        {t.has(state.error as never) ? t(state.error as never) : state.error}
      </p>
    );
  }
  if (state.notice) {
    return (
      <p role="status" className="text-sm text-teal-900">
        <span aria-hidden="true">✓ </span>
        {state.notice}
      </p>
    );
  }
  return null;
}

/** One button that runs one server action with fixed fields (phase start, move up, …). */
export function ActionButton({
  action,
  fields,
  label,
  ariaLabel,
  variant = "secondary",
  children,
}: {
  action: "run" | "move" | "remove" | "status";
  fields: Record<string, string>;
  label: string;
  ariaLabel?: string;
  variant?: keyof typeof variants;
  children?: ReactNode;
}) {
  const fn: Action = { run: runPhaseAction, move: movePhaseAction, remove: removePhaseAction, status: changeThinkTankStatusAction }[action];
  const [state, formAction, pending] = useActionState(fn, {} as FormState);
  return (
    <form action={formAction} className="inline-flex flex-col gap-1">
      <Hidden fields={fields} />
      {children}
      <button type="submit" disabled={pending} aria-label={ariaLabel} className={`${buttonBase} ${variants[variant]}`}>
        {label}
      </button>
      <InlineMessage state={state} />
    </form>
  );
}

/** Start with an optional "notify participants" checkbox. */
export function StartPhaseButton({ thinkTankId, phaseId, phaseName, firstStart }: { thinkTankId: string; phaseId: string; phaseName: string; firstStart: boolean }) {
  const t = useTranslations("thinkTankPhases");
  const [state, formAction, pending] = useActionState(runPhaseAction, {} as FormState);
  return (
    <form action={formAction} className="inline-flex flex-col gap-1">
      <Hidden fields={{ thinkTankId, phaseId, action: "start" }} />
      {firstStart ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="notify" value="true" className="h-4 w-4" />
          {t("notify")}
        </label>
      ) : null}
      <button type="submit" disabled={pending} aria-label={t("actionLabel", { action: t("actions.start"), phase: phaseName })} className={`${buttonBase} ${variants.primary}`}>
        {t("actions.start")}
      </button>
      <InlineMessage state={state} />
    </form>
  );
}

export function RemovePhaseButton({ thinkTankId, phaseId, phaseName }: { thinkTankId: string; phaseId: string; phaseName: string }) {
  const t = useTranslations("thinkTankPhases");
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" onClick={() => setConfirming(true)} aria-label={t("removeLabel", { phase: phaseName })} className={`${buttonBase} ${variants.danger}`}>
        {t("remove")}
      </button>
    );
  }
  return <ActionButton action="remove" fields={{ thinkTankId, phaseId }} label={t("removeConfirm", { phase: phaseName })} variant="danger" />;
}

export function PhaseEditForm({
  thinkTankId,
  phase,
}: {
  thinkTankId: string;
  phase: { id: string; name: string; goal: string; timeboxMinutes: number | null };
}) {
  const t = useTranslations("thinkTankPhases");
  const [state, formAction] = useActionState(updatePhaseAction, {} as FormState);
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-teal-900 underline" aria-label={t("editLabel", { phase: phase.name })}>
        {t("edit")}
      </summary>
      <form action={formAction} noValidate className="mt-2 max-w-xl">
        <FormMessage state={state} />
        <Hidden fields={{ thinkTankId, phaseId: phase.id }} />
        <TextField label={t("name")} name="name" state={state} defaultValue={phase.name} required maxLength={120} />
        <TextArea label={t("goalField")} name="goal" state={state} defaultValue={phase.goal} rows={2} />
        <TextField label={t("timeboxField")} name="timeboxMinutes" type="number" min={1} max={1440} state={state} defaultValue={phase.timeboxMinutes ?? ""} hint={t("timeboxHint")} />
        <SubmitButton>{t("save")}</SubmitButton>
      </form>
    </details>
  );
}

export function AddPhaseForm({ thinkTankId }: { thinkTankId: string }) {
  const t = useTranslations("thinkTankPhases");
  const [state, formAction] = useActionState(addPhaseAction, {} as FormState);
  return (
    <form action={formAction} noValidate aria-label={t("addTitle")} className="max-w-xl">
      <FormMessage state={state} />
      <Hidden fields={{ thinkTankId }} />
      <TextField label={t("name")} name="name" state={state} required maxLength={120} />
      <TextArea label={t("goalField")} name="goal" state={state} rows={2} />
      <TextField label={t("timeboxField")} name="timeboxMinutes" type="number" min={1} max={1440} state={state} hint={t("timeboxHint")} />
      <SubmitButton>{t("add")}</SubmitButton>
    </form>
  );
}

export function ThinkTankCreateForm({
  moderators,
  problems,
}: {
  moderators: Array<{ id: string; name: string; email: string }>;
  problems: Array<{ id: string; title: string; networkName: string }>;
}) {
  const t = useTranslations("thinkTanks");
  const [state, formAction] = useActionState(createThinkTankAction, {} as FormState);
  const suggested = problems.length === 1 ? problems[0]!.title : "";
  return (
    <form action={formAction} noValidate aria-label={t("newTitle")} className="max-w-2xl">
      <FormMessage state={state} />
      {problems.length ? (
        <fieldset className="mb-4 rounded-md border border-slate-300 p-3">
          <legend className="px-1 font-medium">{t("fields.problems")}</legend>
          <p className="mb-2 text-sm text-slate-600">{t("fields.problemsHint")}</p>
          <ul className="list-disc pl-5">
            {problems.map((p) => (
              <li key={p.id}>
                <input type="hidden" name="problemIds" value={p.id} />
                {t("overview.originProblem", { title: p.title, network: p.networkName })}
              </li>
            ))}
          </ul>
          {state.fields?.problemIds ? (
            <p role="alert" className="mt-1 text-sm font-medium text-red-800">
              ⚠ <ErrorText code={state.error} />
            </p>
          ) : null}
        </fieldset>
      ) : null}
      <TextField label={t("fields.title")} name="title" state={state} defaultValue={suggested} required maxLength={200} />
      <TextArea label={t("fields.question")} name="question" state={state} hint={t("fields.questionHint")} required rows={2} />
      <TextArea label={t("fields.goals")} name="goals" state={state} rows={3} />
      <SelectField label={t("fields.template")} name="template" state={state} defaultValue="dschool" required options={phaseTemplates.map((p) => ({ value: p, label: t(`templates.${p}`) }))} />
      <TextArea label={t("fields.customPhases")} name="customPhases" state={state} hint={t("fields.customPhasesHint")} rows={3} />
      <SelectField
        label={t("fields.visibility")}
        name="visibility"
        state={state}
        defaultValue="participants"
        options={thinkTankVisibilities.map((v) => ({ value: v, label: t(`visibility.${v}`) }))}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("fields.startsOn")} name="startsOn" type="date" state={state} />
        <TextField label={t("fields.endsOn")} name="endsOn" type="date" state={state} />
      </div>
      {moderators.length ? (
        <fieldset className="mb-4" aria-describedby="moderators-hint">
          <legend className="font-medium">{t("fields.moderators")}</legend>
          <p id="moderators-hint" className="mb-1 text-sm text-slate-600">
            {t("fields.moderatorsHint")}
          </p>
          {moderators.map((m) => (
            <label key={m.id} className="flex items-center gap-2">
              <input type="checkbox" name="moderatorIds" value={m.id} className="h-4 w-4" />
              {m.name} <span className="text-sm text-slate-600">({m.email})</span>
            </label>
          ))}
        </fieldset>
      ) : null}
      <div className="flex items-center gap-4">
        <SubmitButton>{t("create")}</SubmitButton>
        <Link href="/think-tanks" className="text-teal-800 underline">
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}

type Editable = "title" | "question" | "goals" | "visibility" | "startsOn" | "endsOn";

export function ThinkTankEditForm({
  thinkTank,
  editable,
}: {
  thinkTank: { id: string; title: string; question: string; goals: string; visibility: string; startsOn: string | null; endsOn: string | null };
  editable: readonly Editable[];
}) {
  const t = useTranslations("thinkTanks");
  const ts = useTranslations("thinkTankSettings");
  const [state, formAction] = useActionState(updateThinkTankAction, {} as FormState);
  const off = (f: Editable) => !editable.includes(f);
  const hint = (f: Editable) => (off(f) ? ts("notEditable") : undefined);
  return (
    <form action={formAction} noValidate aria-label={ts("editTitle")} className="max-w-2xl">
      <FormMessage state={state} />
      <input type="hidden" name="thinkTankId" value={thinkTank.id} />
      <TextField label={t("fields.title")} name="title" state={state} defaultValue={thinkTank.title} readOnly={off("title")} hint={hint("title")} maxLength={200} />
      <TextArea label={t("fields.question")} name="question" state={state} defaultValue={thinkTank.question} readOnly={off("question")} hint={hint("question")} rows={2} />
      <TextArea label={t("fields.goals")} name="goals" state={state} defaultValue={thinkTank.goals} readOnly={off("goals")} hint={hint("goals")} rows={3} />
      {off("visibility") ? (
        <p className="mb-4">
          <span className="font-medium">{t("fields.visibility")}:</span> {t(`visibility.${thinkTank.visibility as "participants"}`)}
        </p>
      ) : (
        <SelectField
          label={t("fields.visibility")}
          name="visibility"
          state={state}
          defaultValue={thinkTank.visibility}
          options={thinkTankVisibilities.map((v) => ({ value: v, label: t(`visibility.${v}`) }))}
        />
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("fields.startsOn")} name="startsOn" type="date" state={state} defaultValue={thinkTank.startsOn ?? ""} readOnly={off("startsOn")} hint={hint("startsOn")} />
        <TextField label={t("fields.endsOn")} name="endsOn" type="date" state={state} defaultValue={thinkTank.endsOn ?? ""} readOnly={off("endsOn")} hint={hint("endsOn")} />
      </div>
      <SubmitButton>{ts("save")}</SubmitButton>
    </form>
  );
}

export function ThinkTankStatusForm({ thinkTankId, next }: { thinkTankId: string; next: readonly string[] }) {
  const ts = useTranslations("thinkTankSettings");
  const [state, formAction] = useActionState(changeThinkTankStatusAction, {} as FormState);
  return (
    <div className="flex flex-col gap-4">
      <FormMessage state={state} />
      {next.map((to) => (
        <form key={to} action={formAction} noValidate className="max-w-xl">
          <input type="hidden" name="thinkTankId" value={thinkTankId} />
          <input type="hidden" name="to" value={to} />
          {to === "paused" ? <TextArea label={ts("reason")} name="reason" state={state} hint={ts("reasonHint")} required rows={2} /> : null}
          <SubmitButton variant={to === "paused" ? "secondary" : "primary"}>{ts(`to.${to as "active" | "paused"}`)}</SubmitButton>
        </form>
      ))}
    </div>
  );
}

export function PhaseMailsToggle({ thinkTankId, enabled }: { thinkTankId: string; enabled: boolean }) {
  const t = useTranslations("thinkTanks");
  const [state, formAction, pending] = useActionState(setPhaseMailsAction, {} as FormState);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="thinkTankId" value={thinkTankId} />
      <input type="hidden" name="enabled" value={enabled ? "false" : "true"} />
      <span>{enabled ? t("overview.phaseMailsOn") : t("overview.phaseMailsOff")}</span>
      <button type="submit" disabled={pending} className={`${buttonBase} ${variants.secondary}`}>
        {enabled ? t("overview.phaseMailsDisable") : t("overview.phaseMailsEnable")}
      </button>
      <InlineMessage state={state} />
    </form>
  );
}

/**
 * The escalation form of the inbox (checkboxes elsewhere on the page join it through `form=`)
 * and of a problem's page (the problem id as a hidden field).
 */
export function EscalateForm({
  formId,
  problemIds,
  thinkTanks,
}: {
  formId: string;
  problemIds?: string[];
  thinkTanks: Array<{ id: string; title: string }>;
}) {
  const t = useTranslations("thinkTankEscalation");
  const [state, formAction] = useActionState(escalateSelectionAction, {} as FormState);
  const selectId = `${formId}-think-tank`;
  return (
    <form id={formId} action={formAction} noValidate aria-label={t("title")} className="mb-4 flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4">
      {(problemIds ?? []).map((id) => (
        <input key={id} type="hidden" name="problemIds" value={id} />
      ))}
      {state.error ? (
        <p role="alert" className="w-full text-sm font-medium text-red-800">
          <span aria-hidden="true">⚠ </span>
          {state.error === "invalid_input" && state.fields?.problemIds ? (
            t("noneSelected")
          ) : state.error === "invalid_input" && state.fields?.thinkTankId ? (
            t("noThinkTank")
          ) : (
            <ErrorText code={state.error} />
          )}
        </p>
      ) : null}
      <button type="submit" name="intent" value="new" className={`${buttonBase} ${variants.primary}`}>
        {t("newThinkTank")}
      </button>
      {thinkTanks.length ? (
        <div className="flex flex-wrap items-end gap-2">
          <div>
            <label htmlFor={selectId} className="block font-medium text-slate-800">
              {t("chooseThinkTank")}
            </label>
            <select id={selectId} name="thinkTankId" defaultValue="" className="mt-1 block rounded-md border border-slate-400 bg-white px-3 py-2">
              <option value="">{t("chooseOption")}</option>
              {thinkTanks.map((tt) => (
                <option key={tt.id} value={tt.id}>
                  {tt.title}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" name="intent" value="attach" className={`${buttonBase} ${variants.secondary}`}>
            {t("attach")}
          </button>
        </div>
      ) : null}
    </form>
  );
}

function ErrorText({ code }: { code?: string }) {
  const t = useTranslations("errors");
  if (!code) return null;
  return <>{t.has(code as never) ? t(code as never) : code}</>;
}
