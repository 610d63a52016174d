"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { toFormState, type FormState } from "@/lib/forms";
import { approveNetwork, declineNetwork } from "@/lib/networks/commands";
import { formDataToObject } from "@/lib/validation";

export async function approveProposal(_prev: FormState, form: FormData): Promise<FormState> {
  let name: string;
  try {
    ({ name } = await approveNetwork({ actor: await currentUser(), input: formDataToObject(form) }));
  } catch (error) {
    return toFormState(error, form);
  }
  revalidatePath("/admin/proposals");
  revalidatePath("/networks");
  const t = await getTranslations("adminProposals");
  return { ok: true, notice: t("approved", { name }) };
}

export async function declineProposal(_prev: FormState, form: FormData): Promise<FormState> {
  let name: string;
  try {
    ({ name } = await declineNetwork({ actor: await currentUser(), input: formDataToObject(form) }));
  } catch (error) {
    return toFormState(error, form);
  }
  revalidatePath("/admin/proposals");
  const t = await getTranslations("adminProposals");
  return { ok: true, notice: t("declined", { name }) };
}
