"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { toFormState, type FormState } from "@/lib/forms";
import { changeUserRole, setUserDisabled } from "@/lib/users/commands";
import { formDataToObject } from "@/lib/validation";

export async function changeRole(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await changeUserRole({ actor: await currentUser(), input: formDataToObject(form) });
  } catch (error) {
    return toFormState(error, form);
  }
  revalidatePath("/admin");
  const t = await getTranslations("admin");
  return { ok: true, notice: t("roleChanged", { name: String(form.get("name") ?? "") }) };
}

export async function toggleDisabled(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await setUserDisabled({ actor: await currentUser(), input: formDataToObject(form) });
  } catch (error) {
    return toFormState(error, form);
  }
  revalidatePath("/admin");
  const t = await getTranslations("admin");
  return { ok: true, notice: t("statusChanged", { name: String(form.get("name") ?? "") }) };
}
