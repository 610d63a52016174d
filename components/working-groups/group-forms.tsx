"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import {
  addWorkingGroupMemberAction,
  createWorkingGroupAction,
  deleteWorkingGroupAction,
  removeWorkingGroupMemberAction,
  renameWorkingGroupAction,
} from "@/app/(app)/networks/[slug]/workspace/groups/actions";
import { FormMessage, SelectField, SubmitButton, TextArea, TextField } from "@/components/ui/form";
import type { FormState } from "@/lib/forms";

type Option = { id: string; name: string };

function Hidden({ slug, groupId }: { slug: string; groupId?: string }) {
  return (
    <>
      <input type="hidden" name="network" value={slug} />
      {groupId ? <input type="hidden" name="groupId" value={groupId} /> : null}
    </>
  );
}

export function CreateWorkingGroupForm({ slug }: { slug: string }) {
  const t = useTranslations("workingGroups");
  const [state, action] = useActionState<FormState, FormData>(createWorkingGroupAction, {});
  return (
    <form action={action} noValidate aria-label={t("createTitle")}>
      <FormMessage state={state} />
      <Hidden slug={slug} />
      <TextField label={t("name")} name="name" state={state.ok ? undefined : state} required maxLength={80} autoComplete="off" />
      <TextArea label={t("description")} name="description" state={state.ok ? undefined : state} rows={2} maxLength={500} />
      <SubmitButton>{t("create")}</SubmitButton>
    </form>
  );
}

export function RenameWorkingGroupForm({ slug, group }: { slug: string; group: { id: string; name: string; description: string } }) {
  const t = useTranslations("workingGroups");
  const [state, action] = useActionState<FormState, FormData>(renameWorkingGroupAction, {});
  return (
    <form action={action} noValidate aria-label={t("renameTitle", { name: group.name })}>
      <FormMessage state={state} />
      <Hidden slug={slug} groupId={group.id} />
      <TextField label={t("name")} name="name" state={state} defaultValue={group.name} required maxLength={80} autoComplete="off" />
      <TextArea label={t("description")} name="description" state={state} defaultValue={group.description} rows={2} maxLength={500} />
      <SubmitButton variant="secondary">{t("renameSubmit")}</SubmitButton>
    </form>
  );
}

export function DeleteWorkingGroupForm({ slug, group }: { slug: string; group: { id: string; name: string } }) {
  const t = useTranslations("workingGroups");
  const [state, action] = useActionState<FormState, FormData>(deleteWorkingGroupAction, {});
  return (
    <form action={action} aria-label={t("delete", { name: group.name })}>
      <FormMessage state={state} />
      <Hidden slug={slug} groupId={group.id} />
      <p className="mb-2 text-sm text-slate-700">{t("deleteLead")}</p>
      <SubmitButton variant="danger">{t("deleteSubmit")}</SubmitButton>
    </form>
  );
}

export function AddWorkingGroupMemberForm({ slug, group, candidates }: { slug: string; group: { id: string; name: string }; candidates: Option[] }) {
  const t = useTranslations("workingGroups");
  const [state, action] = useActionState<FormState, FormData>(addWorkingGroupMemberAction, {});
  if (!candidates.length) return <p className="text-sm text-slate-600">{t("allMembersIn")}</p>;
  return (
    <form action={action} noValidate aria-label={t("addMemberTo", { name: group.name })} className="flex flex-wrap items-end gap-2">
      <div className="w-full">
        <FormMessage state={state} />
      </div>
      <Hidden slug={slug} groupId={group.id} />
      <div className="min-w-56">
        <SelectField label={t("addMemberTo", { name: group.name })} name="userId" state={state} options={candidates.map((c) => ({ value: c.id, label: c.name }))} />
      </div>
      <div className="mb-4">
        <SubmitButton variant="secondary">{t("addSubmit")}</SubmitButton>
      </div>
    </form>
  );
}

export function RemoveWorkingGroupMemberButton({ slug, group, person }: { slug: string; group: { id: string; name: string }; person: Option }) {
  const t = useTranslations("workingGroups");
  const te = useTranslations("errors");
  const [state, action] = useActionState<FormState, FormData>(removeWorkingGroupMemberAction, {});
  return (
    <form action={action} className="inline">
      <Hidden slug={slug} groupId={group.id} />
      <input type="hidden" name="userId" value={person.id} />
      <button
        type="submit"
        aria-label={t("remove", { person: person.name, name: group.name })}
        className="ml-2 rounded border border-red-800 px-2 py-0.5 text-sm text-red-900 hover:bg-red-50 focus:outline-none focus:ring-2 focus:ring-teal-700"
      >
        {t("removeShort")}
      </button>
      {state.error ? (
        <span role="alert" className="ml-2 text-sm text-red-900">
          <span aria-hidden="true">⚠ </span>
          {te.has(state.error as never) ? te(state.error as never) : state.error}
        </span>
      ) : null}
    </form>
  );
}
