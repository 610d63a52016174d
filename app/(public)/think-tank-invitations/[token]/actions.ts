"use server";

import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { signIn } from "@/lib/auth";
import { currentUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { echoValues, type FormState } from "@/lib/forms";
import { isLocale } from "@/lib/i18n/locale";
import { acceptThinkTankInvitation, acceptThinkTankInvitationWithSignUp, declineThinkTankInvitation } from "@/lib/participants/commands";
import { formDataToObject } from "@/lib/validation";

async function failed(error: unknown, form: FormData): Promise<FormState> {
  if (!isAppError(error)) throw error;
  const t = await getTranslations("ttInvitation.fieldErrors");
  const fields = error.fields
    ? Object.fromEntries(Object.entries(error.fields).map(([field, keys]) => [field, keys.map((key) => (t.has(key as never) ? t(key as never) : key))]))
    : undefined;
  return { error: error.code, fields, values: echoValues(form) };
}

/** Signed in with the invited address: one click joins. */
export async function acceptTtInvitationAction(_prev: FormState, form: FormData): Promise<FormState> {
  let thinkTankId: string;
  try {
    ({ thinkTankId } = await acceptThinkTankInvitation({ actor: await currentUser(), input: formDataToObject(form) }));
  } catch (error) {
    return failed(error, form);
  }
  redirect(`/think-tanks/${encodeURIComponent(thinkTankId)}?welcome=1`);
}

/** New here: name and password create the account (with the invited address), join, and sign in. */
export async function signUpAndAcceptTtInvitationAction(_prev: FormState, form: FormData): Promise<FormState> {
  const current = await getLocale();
  const locale = isLocale(current) ? current : "de";
  let result: { thinkTankId: string; email: string };
  try {
    result = await acceptThinkTankInvitationWithSignUp({ input: formDataToObject(form), locale });
  } catch (error) {
    return failed(error, form);
  }
  await signIn("credentials", { email: result.email, password: form.get("password"), redirectTo: `/think-tanks/${encodeURIComponent(result.thinkTankId)}?welcome=1` });
  return {};
}

export async function declineTtInvitationAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await declineThinkTankInvitation({ actor: await currentUser(), input: formDataToObject(form) });
  } catch (error) {
    return failed(error, form);
  }
  const t = await getTranslations("ttInvitation");
  return { ok: true, notice: t("declined") };
}
