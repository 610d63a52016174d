"use client";

import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { archiveThinkTankAction, carryOverThinkTankAction, concludeThinkTankAction, handBackOutcomeAction } from "@/app/(app)/think-tanks/[id]/outcome/actions";
import { StatusMessage } from "@/components/members/status-message";
import { SubmitButton, TextArea, TextField } from "@/components/ui/form";
import type { FormState } from "@/lib/forms";

const initial: FormState = {};
const selectClass =
  "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 shadow-sm focus:border-teal-700 focus:outline-none focus:ring-2 focus:ring-teal-700";

export type CardOption = { id: string; text: string; boardTitle: string };
export type ProblemOption = { id: string; title: string; networkName: string; status: string };

function CardChecklist({ cards, name, legend, hint }: { cards: CardOption[]; name: string; legend: string; hint: string }) {
  const id = useId();
  if (!cards.length) return null;
  return (
    <fieldset className="mb-4" aria-describedby={`${id}-hint`}>
      <legend className="font-medium text-slate-800">{legend}</legend>
      <p id={`${id}-hint`} className="mb-2 text-sm text-slate-600">
        {hint}
      </p>
      <ul className="max-h-72 space-y-1 overflow-y-auto rounded-md border border-slate-200 bg-white p-2">
        {cards.map((c) => (
          <li key={c.id}>
            <label className="flex items-start gap-2">
              <input type="checkbox" name={name} value={c.id} className="mt-1 h-4 w-4" />
              <span>
                {c.text} <span className="text-sm text-slate-600">({c.boardTitle})</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export function ConcludeForm({ thinkTankId, cards, problems }: { thinkTankId: string; cards: CardOption[]; problems: ProblemOption[] }) {
  const t = useTranslations("outcome");
  const [state, action] = useActionState(concludeThinkTankAction, initial);
  return (
    <form action={action} aria-labelledby="conclude-heading" noValidate className="max-w-3xl">
      <h2 id="conclude-heading" className="mb-1 text-2xl font-semibold">
        {t("concludeTitle")}
      </h2>
      <p className="mb-4 text-slate-700">{t("concludeLead")}</p>
      <input type="hidden" name="thinkTankId" value={thinkTankId} />
      <TextArea label={t("summary")} name="summary" rows={6} required state={state} hint={t("summaryHint")} />
      <TextArea label={t("decisions")} name="decisions" rows={4} state={state} />
      <CardChecklist cards={cards} name="cardIds" legend={t("ideasFromCards")} hint={t("ideasFromCardsHint")} />
      <TextArea label={t("freeIdeas")} name="ideas" rows={3} state={state} hint={t("freeIdeasHint")} />
      {problems.length ? (
        <fieldset className="mb-4">
          <legend className="mb-2 font-medium text-slate-800">{t("problemsLegend")}</legend>
          <ul className="space-y-3">
            {problems.map((p) => (
              <li key={p.id} className="rounded-md border border-slate-200 bg-white p-3">
                <fieldset>
                  <legend className="font-semibold">
                    {p.title} <span className="text-sm font-normal text-slate-600">({p.networkName})</span>
                  </legend>
                  <div className="mt-1 flex flex-wrap gap-4">
                    <label className="flex items-center gap-2">
                      <input type="radio" name={`resolution_${p.id}`} value="resolved" defaultChecked={p.status === "resolved"} className="h-4 w-4" />
                      {t("resolved")}
                    </label>
                    <label className="flex items-center gap-2">
                      <input type="radio" name={`resolution_${p.id}`} value="open" defaultChecked={p.status !== "resolved"} className="h-4 w-4" />
                      {t("staysOpen")}
                    </label>
                  </div>
                  <label className="mt-2 block text-sm font-medium" htmlFor={`note-${p.id}`}>
                    {t("problemNote", { title: p.title })}
                  </label>
                  <input id={`note-${p.id}`} name={`note_${p.id}`} className={selectClass} maxLength={1000} />
                </fieldset>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
      <SubmitButton>{t("concludeSubmit")}</SubmitButton>
      <StatusMessage state={state} inlineFields={["summary", "decisions"]} />
    </form>
  );
}

export type NetworkOption = { id: string; name: string; members: Array<{ id: string; name: string }> };

export function HandBackForm({ thinkTankId, networks }: { thinkTankId: string; networks: NetworkOption[] }) {
  const t = useTranslations("outcome");
  const [state, action] = useActionState(handBackOutcomeAction, initial);
  const id = useId();
  return (
    <form action={action} aria-labelledby="hand-back-heading" noValidate className="max-w-2xl" key={state.ok ? state.notice : "form"}>
      <h2 id="hand-back-heading" className="mb-1 text-2xl font-semibold">
        {t("handBackTitle")}
      </h2>
      <p className="mb-4 text-slate-700">{t("handBackLead")}</p>
      <input type="hidden" name="thinkTankId" value={thinkTankId} />
      <div className="mb-4">
        <label htmlFor={`${id}-network`} className="block font-medium text-slate-800">
          {t("network")}
        </label>
        <select id={`${id}-network`} name="networkId" className={selectClass} defaultValue={state.values?.networkId ?? networks[0]?.id}>
          {networks.map((n) => (
            <option key={n.id} value={n.id}>
              {n.name}
            </option>
          ))}
        </select>
      </div>
      <TextField label={t("taskTitle")} name="title" required state={state} />
      <TextArea label={t("taskDescription")} name="description" rows={3} state={state} />
      <div className="mb-4">
        <label htmlFor={`${id}-owner`} className="block font-medium text-slate-800">
          {t("owner")}
        </label>
        <select id={`${id}-owner`} name="assigneeId" className={selectClass} defaultValue={state.values?.assigneeId ?? ""} aria-describedby={`${id}-owner-hint`}>
          <option value="">{t("chooseOwner")}</option>
          {networks.map((n) => (
            <optgroup key={n.id} label={n.name}>
              {n.members.map((m) => (
                <option key={`${n.id}-${m.id}`} value={m.id}>
                  {m.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <p id={`${id}-owner-hint`} className="mt-1 text-sm text-slate-600">
          {t("ownerHint")}
        </p>
      </div>
      <TextField label={t("dueDate")} name="dueDate" type="date" required state={state} />
      <SubmitButton>{t("handBackSubmit")}</SubmitButton>
      <StatusMessage state={state} inlineFields={["title", "description", "dueDate"]} />
    </form>
  );
}

export function CarryOverForm({ thinkTankId, title, question, problems, cards }: { thinkTankId: string; title: string; question: string; problems: ProblemOption[]; cards: CardOption[] }) {
  const t = useTranslations("outcome");
  const [state, action] = useActionState(carryOverThinkTankAction, initial);
  return (
    <form action={action} aria-labelledby="carry-over-heading" noValidate className="max-w-3xl">
      <h2 id="carry-over-heading" className="mb-1 text-2xl font-semibold">
        {t("carryOverTitle")}
      </h2>
      <p className="mb-4 text-slate-700">{t("carryOverLead")}</p>
      <input type="hidden" name="thinkTankId" value={thinkTankId} />
      <TextField label={t("newTitle")} name="title" required defaultValue={title} state={state} />
      <TextField label={t("newQuestion")} name="question" required defaultValue={question} state={state} />
      {problems.length ? (
        <fieldset className="mb-4">
          <legend className="font-medium text-slate-800">{t("carryProblems")}</legend>
          <ul className="mt-1 space-y-1">
            {problems.map((p) => (
              <li key={p.id}>
                <label className="flex items-center gap-2">
                  <input type="checkbox" name="problemIds" value={p.id} defaultChecked={p.status !== "resolved"} className="h-4 w-4" />
                  {p.title} <span className="text-sm text-slate-600">({p.networkName})</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
      <CardChecklist cards={cards} name="cardIds" legend={t("carryCards")} hint={t("carryCardsHint")} />
      <SubmitButton>{t("carryOverSubmit")}</SubmitButton>
      <StatusMessage state={state} inlineFields={["title", "question"]} />
    </form>
  );
}

export function ArchiveForm({ thinkTankId }: { thinkTankId: string }) {
  const t = useTranslations("outcome");
  const [state, action] = useActionState(archiveThinkTankAction, initial);
  return (
    <form action={action} aria-labelledby="archive-heading">
      <h2 id="archive-heading" className="mb-1 text-2xl font-semibold">
        {t("archiveTitle")}
      </h2>
      <p className="mb-3 text-slate-700">{t("archiveLead")}</p>
      <input type="hidden" name="thinkTankId" value={thinkTankId} />
      <SubmitButton variant="secondary">{t("archiveSubmit")}</SubmitButton>
      <StatusMessage state={state} />
    </form>
  );
}
