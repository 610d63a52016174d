"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { toFormState, type FormState } from "@/lib/forms";
import { approveNetwork, declineNetwork } from "@/lib/networks/commands";
import { formDataToObject } from "@/lib/validation";

/* A decided proposal leaves the list (and its form with it), so the outcome travels in the URL. */

export async function approveProposal(_prev: FormState, form: FormData): Promise<FormState> {
  let slug: string;
  try {
    ({ slug } = await approveNetwork({ actor: await currentUser(), input: formDataToObject(form) }));
  } catch (error) {
    return toFormState(error, form);
  }
  revalidatePath("/admin/proposals");
  revalidatePath("/networks");
  redirect(`/admin/proposals?approved=${encodeURIComponent(slug)}`);
}

export async function declineProposal(_prev: FormState, form: FormData): Promise<FormState> {
  let slug: string;
  try {
    ({ slug } = await declineNetwork({ actor: await currentUser(), input: formDataToObject(form) }));
  } catch (error) {
    return toFormState(error, form);
  }
  revalidatePath("/admin/proposals");
  redirect(`/admin/proposals?declined=${encodeURIComponent(slug)}`);
}
