"use client";

import { useActionState } from "react";
import { withdrawJoinRequestAction } from "@/app/(app)/my-networks/actions";
import type { FormState } from "@/lib/forms";
import { StatusMessage } from "./status-message";

export function WithdrawRequestForm({ requestId, label, ariaLabel }: { requestId: string; label: string; ariaLabel: string }) {
  const [state, action] = useActionState(withdrawJoinRequestAction, {} as FormState);
  return (
    <form action={action}>
      <input type="hidden" name="requestId" value={requestId} />
      <button
        type="submit"
        aria-label={ariaLabel}
        className="rounded border border-red-800 px-3 py-1 text-sm font-medium text-red-900 hover:bg-red-50 focus:outline-none focus:ring-2 focus:ring-teal-700 focus:ring-offset-1"
      >
        {label}
      </button>
      <StatusMessage state={state} />
    </form>
  );
}
