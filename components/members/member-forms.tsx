"use client";

import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import {
  changeMemberRoleAction,
  decideJoinRequestAction,
  inviteMemberAction,
  leaveNetworkAction,
  removeMemberAction,
  resendInvitationAction,
  revokeInvitationAction,
  setAnnouncementsMutedAction,
} from "@/app/(app)/networks/[slug]/workspace/members/actions";
import { SelectField, SubmitButton, TextField } from "@/components/ui/form";
import type { FormState } from "@/lib/forms";
import { StatusMessage } from "./status-message";

type NetworkRole = "coordinator" | "member";
export type SuccessorOption = { userId: string; name: string };

const smallButton =
  "rounded border px-3 py-1 text-sm font-medium focus:outline-none focus:ring-2 focus:ring-teal-700 focus:ring-offset-1 disabled:opacity-70";

const initial: FormState = {};

export function InviteForm({ network }: { network: string }) {
  const t = useTranslations("members");
  const [state, action] = useActionState(inviteMemberAction, initial);
  return (
    <form action={action} aria-labelledby="invite-heading" className="max-w-lg" noValidate>
      <h3 id="invite-heading" className="mb-1 text-xl font-semibold">
        {t("inviteTitle")}
      </h3>
      <p className="mb-3 text-sm text-slate-700">{t("inviteLead")}</p>
      <input type="hidden" name="network" value={network} />
      <TextField label={t("inviteEmail")} name="email" type="email" autoComplete="off" required state={state} />
      <SelectField
        label={t("inviteRole")}
        name="role"
        defaultValue="member"
        state={state}
        options={[
          { value: "member", label: t("roles.member") },
          { value: "coordinator", label: t("roles.coordinator") },
        ]}
      />
      <SubmitButton>{t("inviteSubmit")}</SubmitButton>
      <StatusMessage state={state} inlineFields={["email", "role"]} />
    </form>
  );
}

export type PendingInvitation = { id: string; email: string; role: NetworkRole; invitedBy: string | null; expiresAt: string; expired: boolean; dateText: string };

/**
 * Open invitations with "send again" and "revoke". The outcome is announced at the list, not at
 * the item: a revoked invitation leaves the list, and its confirmation must not leave with it.
 */
export function InvitationList({ network, invitations, canResend, canRevoke }: { network: string; invitations: PendingInvitation[]; canResend: boolean; canRevoke: boolean }) {
  const t = useTranslations("members");
  const [resendState, resend] = useActionState(resendInvitationAction, initial);
  const [revokeState, revoke] = useActionState(revokeInvitationAction, initial);
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
                {i.expired ? (
                  <span className="font-medium text-red-900">
                    <span aria-hidden="true">⚠ </span>
                    {t("expiredOn", { date: i.dateText })}
                  </span>
                ) : (
                  t("validUntil", { date: i.dateText })
                )}
              </p>
              <div className="mt-2 flex flex-wrap gap-2">
                {canResend ? (
                  <form action={resend}>
                    <input type="hidden" name="network" value={network} />
                    <input type="hidden" name="invitationId" value={i.id} />
                    <input type="hidden" name="email" value={i.email} />
                    <button type="submit" aria-label={t("resendFor", { email: i.email })} className={`${smallButton} border-teal-800 text-teal-900 hover:bg-teal-50`}>
                      {t("resend")}
                    </button>
                  </form>
                ) : null}
                {canRevoke ? (
                  <form action={revoke}>
                    <input type="hidden" name="network" value={network} />
                    <input type="hidden" name="invitationId" value={i.id} />
                    <input type="hidden" name="email" value={i.email} />
                    <button type="submit" aria-label={t("revokeFor", { email: i.email })} className={`${smallButton} border-red-800 text-red-900 hover:bg-red-50`}>
                      {t("revoke")}
                    </button>
                  </form>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export type PendingJoinRequest = { id: string; name: string; message: string; details: string };

/** Pending requests with accept/decline; like InvitationList, the outcome is announced at the list. */
export function JoinRequestList({ network, requests, canDecide }: { network: string; requests: PendingJoinRequest[]; canDecide: boolean }) {
  const t = useTranslations("members");
  const [state, action] = useActionState(decideJoinRequestAction, initial);
  return (
    <div>
      <StatusMessage state={state} />
      {requests.length === 0 ? <p className="mt-2">{t("noJoinRequests")}</p> : null}
      <ul className="mt-2 space-y-3">
        {requests.map((r) => (
          <li key={r.id} className="rounded-lg border border-slate-200 bg-white p-4">
            <p className="font-semibold">{r.name}</p>
            <p className="text-sm text-slate-700">{r.details}</p>
            <p className="my-2 whitespace-pre-line">{r.message || <span className="text-slate-600">{t("noMessage")}</span>}</p>
            {canDecide ? (
              <form action={action}>
                <input type="hidden" name="network" value={network} />
                <input type="hidden" name="requestId" value={r.id} />
                <input type="hidden" name="name" value={r.name} />
                <div className="flex flex-wrap gap-2">
                  <button type="submit" name="decision" value="approve" aria-label={t("approveFor", { name: r.name })} className={`${smallButton} border-teal-800 bg-teal-800 text-white hover:bg-teal-900`}>
                    {t("approve")}
                  </button>
                  <button type="submit" name="decision" value="decline" aria-label={t("declineFor", { name: r.name })} className={`${smallButton} border-red-800 text-red-900 hover:bg-red-50`}>
                    {t("decline")}
                  </button>
                </div>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Chooses who takes over the coordination; offered wherever the last coordinator would step down. */
function SuccessorSelect({ options, state, required }: { options: SuccessorOption[]; state: FormState; required?: boolean }) {
  const t = useTranslations("members");
  if (options.length === 0) return <p className="mb-2 text-sm text-slate-700">{t("noSuccessorPossible")}</p>;
  return (
    <SelectField
      label={t("successor")}
      name="successorId"
      hint={t("successorHint")}
      required={required}
      defaultValue=""
      state={state}
      options={[{ value: "", label: t("successorNone") }, ...options.map((o) => ({ value: o.userId, label: o.name }))]}
    />
  );
}

export function RoleForm({ network, member, successors }: { network: string; member: { userId: string; name: string; role: NetworkRole }; successors: SuccessorOption[] | null }) {
  const t = useTranslations("members");
  const id = useId();
  const [state, action] = useActionState(changeMemberRoleAction, initial);
  return (
    <form action={action}>
      <input type="hidden" name="network" value={network} />
      <input type="hidden" name="userId" value={member.userId} />
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={id} className="sr-only">
          {t("changeRoleFor", { name: member.name })}
        </label>
        <select id={id} name="role" defaultValue={member.role} className="rounded border border-slate-400 bg-white px-2 py-1">
          <option value="member">{t("roles.member")}</option>
          <option value="coordinator">{t("roles.coordinator")}</option>
        </select>
        <button type="submit" aria-label={t("saveRoleFor", { name: member.name })} className={`${smallButton} border-teal-800 text-teal-900 hover:bg-teal-50`}>
          {t("saveRole")}
        </button>
      </div>
      {successors ? (
        <div className="mt-2">
          <SuccessorSelect options={successors} state={state} />
        </div>
      ) : null}
      <StatusMessage state={state} inlineFields={successors?.length ? ["successorId"] : []} />
    </form>
  );
}

export function RemoveForm({ network, member, successors }: { network: string; member: { userId: string; name: string }; successors: SuccessorOption[] | null }) {
  const t = useTranslations("members");
  const [state, action] = useActionState(removeMemberAction, initial);
  return (
    <form action={action}>
      <input type="hidden" name="network" value={network} />
      <input type="hidden" name="userId" value={member.userId} />
      <input type="hidden" name="name" value={member.name} />
      {successors ? <SuccessorSelect options={successors} state={state} /> : null}
      <button type="submit" aria-label={t("removeFor", { name: member.name })} className={`${smallButton} border-red-800 text-red-900 hover:bg-red-50`}>
        {t("remove")}
      </button>
      <StatusMessage state={state} inlineFields={successors?.length ? ["successorId"] : []} />
    </form>
  );
}

export function LeaveForm({ network, successors }: { network: string; successors: SuccessorOption[] | null }) {
  const t = useTranslations("members");
  const [state, action] = useActionState(leaveNetworkAction, initial);
  return (
    <form action={action} aria-labelledby="leave-heading" className="max-w-lg" noValidate>
      <h3 id="leave-heading" className="mb-1 text-xl font-semibold">
        {t("leaveTitle")}
      </h3>
      <p className="mb-3 text-sm text-slate-700">{t("leaveLead")}</p>
      <input type="hidden" name="network" value={network} />
      {successors ? <SuccessorSelect options={successors} state={state} required /> : null}
      <SubmitButton variant="danger">{t("leaveSubmit")}</SubmitButton>
      <StatusMessage state={state} inlineFields={successors?.length ? ["successorId"] : []} />
    </form>
  );
}

export function MuteForm({ network, muted }: { network: string; muted: boolean }) {
  const t = useTranslations("members");
  const [state, action] = useActionState(setAnnouncementsMutedAction, initial);
  return (
    <form action={action} aria-labelledby="mute-heading" className="max-w-lg">
      <h3 id="mute-heading" className="mb-1 text-xl font-semibold">
        {t("muteTitle")}
      </h3>
      <p className="mb-3 text-sm text-slate-700">
        <span aria-hidden="true">{muted ? "🔕 " : "🔔 "}</span>
        {muted ? t("mutedState") : t("unmutedState")}
      </p>
      <input type="hidden" name="network" value={network} />
      <input type="hidden" name="muted" value={muted ? "false" : "true"} />
      <SubmitButton variant="secondary">{muted ? t("unmute") : t("mute")}</SubmitButton>
      <StatusMessage state={state} />
    </form>
  );
}
