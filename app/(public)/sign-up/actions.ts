"use server";

import { getLocale } from "next-intl/server";
import { signIn } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/auth/redirect";
import { toFormState, type FormState } from "@/lib/forms";
import { isLocale } from "@/lib/i18n/locale";
import { appUrl } from "@/lib/env";
import { composeMail } from "@/lib/mail/templates";
import { sendMail } from "@/lib/mail/send";
import { signUp } from "@/lib/users/commands";
import { formDataToObject } from "@/lib/validation";

export async function signUpWithPassword(_prev: FormState, form: FormData): Promise<FormState> {
  const current = await getLocale();
  const locale = isLocale(current) ? current : "de";
  let user: { email: string; name: string };
  try {
    user = await signUp({ input: formDataToObject(form), locale });
  } catch (error) {
    return toFormState(error, form);
  }
  await sendMail(composeMail("welcome", locale, user.email, { name: user.name, url: `${appUrl()}/profile` }));
  await signIn("credentials", {
    email: user.email,
    password: form.get("password"),
    redirectTo: safeCallbackPath(form.get("callbackUrl")) === "/" ? "/profile?welcome=1" : safeCallbackPath(form.get("callbackUrl")),
  });
  return {};
}
