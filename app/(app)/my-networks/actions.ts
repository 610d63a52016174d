"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { toFormState, type FormState } from "@/lib/forms";
import { withdrawJoinRequest } from "@/lib/memberships/commands";
import { formDataToObject } from "@/lib/validation";

export async function withdrawJoinRequestAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await withdrawJoinRequest({ actor: await currentUser(), input: formDataToObject(form) });
  } catch (error) {
    return toFormState(error, form);
  }
  revalidatePath("/my-networks");
  const t = await getTranslations("memberships");
  return { ok: true, notice: t("withdrawn") };
}
