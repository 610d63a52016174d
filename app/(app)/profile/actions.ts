"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { signOut } from "@/lib/auth";
import { currentUser } from "@/lib/auth/session";
import { toFormState, echoValues, type FormState } from "@/lib/forms";
import { changePassword, deleteAccount, updateProfile } from "@/lib/users/commands";
import { formDataToObject } from "@/lib/validation";

export async function saveProfile(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await updateProfile({ actor: await currentUser(), input: formDataToObject(form) });
  } catch (error) {
    return toFormState(error, form);
  }
  revalidatePath("/", "layout");
  const t = await getTranslations("profile");
  return { ok: true, notice: t("saved"), values: echoValues(form) };
}

export async function savePassword(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await changePassword({ actor: await currentUser(), input: formDataToObject(form) });
  } catch (error) {
    return toFormState(error, form);
  }
  await signOut({ redirectTo: "/sign-in?notice=password-changed" });
  return {};
}

export async function removeAccount(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await deleteAccount({ actor: await currentUser(), input: formDataToObject(form) });
  } catch (error) {
    return toFormState(error, form);
  }
  await signOut({ redirectTo: "/sign-in?notice=deleted" });
  return {};
}
