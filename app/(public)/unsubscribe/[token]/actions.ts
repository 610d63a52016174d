"use server";

import { redirect } from "next/navigation";
import { unsubscribeFromAnnouncements } from "@/lib/announcements/commands";
import { toFormState, type FormState } from "@/lib/forms";
import { formDataToObject } from "@/lib/validation";

/** Works signed out: the signed token in the link is the only credential (see lib/unsubscribe.ts). */
export async function confirmUnsubscribeAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await unsubscribeFromAnnouncements({ input: formDataToObject(form) });
  } catch (error) {
    return toFormState(error, form);
  }
  redirect(`/unsubscribe/${encodeURIComponent(String(form.get("token") ?? ""))}`);
}
