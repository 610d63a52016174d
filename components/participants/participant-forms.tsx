"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import {
  addParticipantAction,
  changeParticipantRoleAction,
  inviteToThinkTankAction,
  leaveThinkTankAction,
  removeParticipantAction,
  resendThinkTankInvitationAction,
  revokeThinkTankInvitationAction,
} from "@/app/(app)/think-tanks/[id]/participants/actions";
import { StatusMessage } from "@/components/members/status-message";
import { SelectField, SubmitButton, TextArea, TextField } from "@/components/ui/form";
import type { FormState } from "@/lib/forms";

type Role = "moderator" | "knowledge_giver" | "delegate" | "observer";
const ROLES: Role[] = ["moderator", "knowledge_giver", "delegate", "observer"];

const initial: FormState = {};
const smallButton =
  "rounded border px-3 py-1 text-sm font-medium focus:outline-none focus:ring-2 focus:ring-teal-700 focus:ring-offset-1 disabled:opacity-70";
const smallSelect = "rounded border border-slate-400 bg-white px-2 py-1 text-sm focus:outline-none focus:ring-2 focus:ring-teal-700";

function useRoleOptions() {
  const t = useTranslations("participants");
  return ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));
}

/** Role change and removal for one participant; the outcome is announced next to the row. */
export function ParticipantActions({ thinkTankId, userId, name, role, canChangeRole, canRemove }: { thinkTankId: string; userId: string; name: string; role: Role; canChangeRole: boolean; canRemove: boolean }) {
  const t = useTranslations("participants");
  const options = useRoleOptions();
  const [roleState, changeRole] = useActionState(changeParticipantRoleAction, initial);
  const [removeState, remove] = useActionState(removeParticipantAction, initial);
  return (
    <div>
      <div className="flex flex-wrap items-center gap-2">
        {canChangeRole ? (
          <form action={changeRole} className="flex items-center gap-2">
            <input type="hidden" name="thinkTankId" value={thinkTankId} />
            <input type="hidden" name="userId" value={userId} />
            <input type="hidden" name="name" value={name} />
            <label className="sr-only" htmlFor={`role-${userId}`}>
              {t("roleFor", { name })}
            </label>
            <select id={`role-${userId}`} name="role" defaultValue={role} className={smallSelect}>
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
            <button type="submit" aria-label={t("changeRoleFor", { name })} className={`${smallButton} border-teal-800 text-teal-900 hover:bg-teal-50`}>
              {t("changeRole")}
            </button>
          </form>
        ) : null}
        {canRemove ? (
          <form action={remove}>
            <input type="hidden" name="thinkTankId" value={thinkTankId} />
            <input type="hidden" name="userId" value={userId} />
            <input type="hidden" name="name" value={name} />
            <button type="submit" aria-label={t("removeFor", { name })} className={`${smallButton} border-red-800 text-red-900 hover:bg-red-50`}>
              {t("remove")}
            </button>
          </form>
        ) : null}
      </div>
      <StatusMessage state={roleState} />
      <StatusMessage state={removeState} />
    </div>
  );
}

/** Adds a person found by the knowledge-giver search, with a role. */
export function AddParticipantForm({ thinkTankId, userId, name }: { thinkTankId: string; userId: string; name: string }) {
  const t = useTranslations("participants");
  const options = useRoleOptions();
  const [state, action] = useActionState(addParticipantAction, initial);
  return (
    <form action={action} className="mt-2">
      <input type="hidden" name="thinkTankId" value={thinkTankId} />
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="name" value={name} />
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={`add-role-${userId}`} className="text-sm">
          {t("addAs")}
        </label>
        <select id={`add-role-${userId}`} name="role" defaultValue="knowledge_giver" className={smallSelect}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <button type="submit" aria-label={t("addFor", { name })} className={`${smallButton} border-teal-800 bg-teal-800 text-white hover:bg-teal-900`}>
          {t("add")}
        </button>
      </div>
      <StatusMessage state={state} />
    </form>
  );
}

export function InviteByEmailForm({ thinkTankId }: { thinkTankId: string }) {
  const t = useTranslations("participants");
  const options = useRoleOptions();
  const [state, action] = useActionState(inviteToThinkTankAction, initial);
  return (
    <form action={action} aria-labelledby="tt-invite-heading" className="max-w-lg" noValidate key={state.ok ? state.notice : "form"}>
      <h3 id="tt-invite-heading" className="mb-1 text-xl font-semibold">
        {t("inviteTitle")}
      </h3>
      <p className="mb-3 text-sm text-slate-700">{t("inviteLead")}</p>
      <input type="hidden" name="thinkTankId" value={thinkTankId} />
      <TextField label={t("inviteEmail")} name="email" type="email" autoComplete="off" required state={state} />
      <SelectField label={t("inviteRole")} name="role" defaultValue="knowledge_giver" state={state} options={options} hint={t("delegateHint")} />
      <TextArea label={t("inviteMessage")} name="message" rows={3} state={state} />
      <SubmitButton>{t("inviteSubmit")}</SubmitButton>
      <StatusMessage state={state} inlineFields={["email", "role", "message"]} />
    </form>
  );
}

export type OpenInvitation = { id: string; email: string; role: Role; invitedBy: string | null; stateText: string; expired: boolean };

/** Open invitations with "send again" and "revoke"; the outcome is announced at the list. */
export function TtInvitationList({ thinkTankId, invitations }: { thinkTankId: string; invitations: OpenInvitation[] }) {
  const t = useTranslations("participants");
  const [resendState, resend] = useActionState(resendThinkTankInvitationAction, initial);
  const [revokeState, revoke] = useActionState(revokeThinkTankInvitationAction, initial);
  return (
    <div>
      <StatusMessage state={resendState} />
      <StatusMessage state={revokeState} />
      {invitations.length === 0 ? (
        <p className="mt-2">{t("noInvitations")}</p>
      ) : (
        <ul className="mt-2 space-y-3">
          {invitations.map((i) => (
            <li key={i.id} className="rounded-lg border border-slate-200 bg-white p-4">
              <p className="font-semibold">{i.email}</p>
              <p className="text-sm text-slate-700">
                {t(`roles.${i.role}`)}
                {i.invitedBy ? ` · ${t("invitedBy", { name: i.invitedBy })}` : null}
                {" · "}
                <span className={i.expired ? "font-medium text-red-900" : undefined}>
                  {i.expired ? <span aria-hidden="true">⚠ </span> : null}
                  {i.stateText}
                </span>
              </p>
              <div className="mt-2 flex flex-wrap gap-2">
                <form action={resend}>
                  <input type="hidden" name="thinkTankId" value={thinkTankId} />
                  <input type="hidden" name="invitationId" value={i.id} />
                  <input type="hidden" name="email" value={i.email} />
                  <button type="submit" aria-label={t("resendFor", { email: i.email })} className={`${smallButton} border-teal-800 text-teal-900 hover:bg-teal-50`}>
                    {t("resend")}
                  </button>
                </form>
                <form action={revoke}>
                  <input type="hidden" name="thinkTankId" value={thinkTankId} />
                  <input type="hidden" name="invitationId" value={i.id} />
                  <input type="hidden" name="email" value={i.email} />
                  <button type="submit" aria-label={t("revokeFor", { email: i.email })} className={`${smallButton} border-red-800 text-red-900 hover:bg-red-50`}>
                    {t("revoke")}
                  </button>
                </form>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function LeaveThinkTankForm({ thinkTankId }: { thinkTankId: string }) {
  const t = useTranslations("participants");
  const [state, action] = useActionState(leaveThinkTankAction, initial);
  return (
    <form action={action}>
      <input type="hidden" name="thinkTankId" value={thinkTankId} />
      <p className="mb-2 text-sm text-slate-700">{t("leaveLead")}</p>
      <SubmitButton variant="danger">{t("leave")}</SubmitButton>
      <StatusMessage state={state} />
    </form>
  );
}
