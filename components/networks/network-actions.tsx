"use client";

import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { approveProposal, declineProposal } from "@/app/(app)/admin/proposals/actions";
import { confirmEntry, saveNetworkStatus } from "@/app/(app)/networks/[slug]/settings/actions";
import { FormMessage, SelectField, SubmitButton, TextArea } from "@/components/ui/form";
import type { FormState } from "@/lib/forms";
import type { NetworkStatus } from "@/lib/networks/rules";

/** "Still current": one button; `label` names the network when several are on one page. */
export function ConfirmEntryForm({ networkId, label, from = "page" }: { networkId: string; label?: string; from?: "page" | "settings" | "admin" }) {
  const t = useTranslations("network");
  const [state, action] = useActionState(confirmEntry, {} as FormState);
  return (
    <form action={action}>
      <input type="hidden" name="network" value={networkId} />
      <input type="hidden" name="from" value={from} />
      <FormMessage state={state} />
      {state.ok ? null : (
        <button
          type="submit"
          aria-label={label}
          className="rounded-md bg-teal-800 px-4 py-2 font-semibold text-white hover:bg-teal-900 focus:outline-none focus:ring-2 focus:ring-teal-700 focus:ring-offset-2"
        >
          <span aria-hidden="true">✓ </span>
          {t("confirm")}
        </button>
      )}
    </form>
  );
}

export function StatusForm({ networkId, current, options }: { networkId: string; current: NetworkStatus; options: readonly NetworkStatus[] }) {
  const t = useTranslations("networkSettings");
  const td = useTranslations("directory");
  const tn = useTranslations("network");
  const [state, action] = useActionState(saveNetworkStatus, {} as FormState);
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="network" value={networkId} />
      <SelectField
        label={t("newStatus")}
        name="status"
        state={state}
        defaultValue={options[0]}
        options={options.map((s) => ({ value: s, label: `${tn(`statusIcon.${s}`)} ${td(`status.${s}`)} – ${tn(`statusMeaning.${s}`)}` }))}
        hint={t("currentStatus", { status: td(`status.${current}`) })}
      />
      <SubmitButton variant="secondary">{t("changeStatus")}</SubmitButton>
    </form>
  );
}

export function ProposalDecision({ networkId, name }: { networkId: string; name: string }) {
  const t = useTranslations("adminProposals");
  const [approveState, approve] = useActionState(approveProposal, {} as FormState);
  const [declineState, decline] = useActionState(declineProposal, {} as FormState);
  const reasonId = useId();
  return (
    <div className="mt-3 flex flex-col gap-3">
      <FormMessage state={approveState.error ? approveState : declineState} />
      <form action={approve}>
        <input type="hidden" name="network" value={networkId} />
        <button
          type="submit"
          aria-label={t("approveFor", { name })}
          className="rounded-md bg-teal-800 px-4 py-2 font-semibold text-white hover:bg-teal-900 focus:outline-none focus:ring-2 focus:ring-teal-700 focus:ring-offset-2"
        >
          <span aria-hidden="true">✓ </span>
          {t("approve")}
        </button>
      </form>
      <form action={decline} noValidate aria-labelledby={reasonId}>
        <input type="hidden" name="network" value={networkId} />
        <span id={reasonId} className="sr-only">
          {t("declineFor", { name })}
        </span>
        <TextArea label={t("reason")} name="reason" rows={3} required hint={t("reasonHint")} state={declineState} />
        <button
          type="submit"
          aria-label={t("declineFor", { name })}
          className="rounded-md bg-red-800 px-4 py-2 font-semibold text-white hover:bg-red-900 focus:outline-none focus:ring-2 focus:ring-red-700 focus:ring-offset-2"
        >
          <span aria-hidden="true">✕ </span>
          {t("decline")}
        </button>
      </form>
    </div>
  );
}
