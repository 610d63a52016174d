"use server";

import { getTranslations } from "next-intl/server";
import { echoValues, toFormState, type FormState } from "@/lib/forms";
import { requestPasswordReset, resetPassword } from "@/lib/users/commands";
import { formDataToObject } from "@/lib/validation";
import { redirect } from "next/navigation";

export async function requestReset(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await requestPasswordReset({ input: formDataToObject(form) });
  } catch (error) {
    return toFormState(error, form);
  }
  const t = await getTranslations("auth");
  return { ok: true, notice: t("forgotSent"), values: echoValues(form) };
}

export async function chooseNewPassword(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await resetPassword({ input: formDataToObject(form) });
  } catch (error) {
    return toFormState(error, form);
  }
  redirect("/sign-in?notice=reset");
}
