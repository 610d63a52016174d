"use client";

import { useActionState } from "react";
import { acceptInvitationAction } from "@/app/(public)/invitations/[token]/actions";
import { SubmitButton } from "@/components/ui/form";
import type { FormState } from "@/lib/forms";
import { StatusMessage } from "./status-message";

/** One button: with the link's token, or (on "Meine Netzwerke") the invitation's id. */
export function AcceptInvitationForm({ token, invitationId, label, ariaLabel }: { token?: string; invitationId?: string; label: string; ariaLabel?: string }) {
  const [state, action] = useActionState(acceptInvitationAction, {} as FormState);
  return (
    <form action={action}>
      {token ? <input type="hidden" name="token" value={token} /> : null}
      {invitationId ? <input type="hidden" name="invitationId" value={invitationId} /> : null}
      {ariaLabel ? (
        <button
          type="submit"
          aria-label={ariaLabel}
          className="rounded border border-teal-800 bg-teal-800 px-3 py-1 text-sm font-medium text-white hover:bg-teal-900 focus:outline-none focus:ring-2 focus:ring-teal-700 focus:ring-offset-1"
        >
          {label}
        </button>
      ) : (
        <SubmitButton>{label}</SubmitButton>
      )}
      <StatusMessage state={state} />
    </form>
  );
}
