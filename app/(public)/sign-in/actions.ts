"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/auth/redirect";
import { echoValues, type FormState } from "@/lib/forms";
import { ZRequestEmailLink, ZSignIn } from "@/lib/users/schemas";
import { formDataToObject, parseInput } from "@/lib/validation";
import { AppError } from "@/lib/errors";

const KNOWN_CODES = new Set(["too_many_attempts", "account_disabled"]);

export async function signInWithPassword(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    parseInput(ZSignIn, formDataToObject(form));
  } catch (error) {
    if (error instanceof AppError) return { error: error.code, fields: error.fields, values: echoValues(form) };
    throw error;
  }
  try {
    await signIn("credentials", {
      email: form.get("email"),
      password: form.get("password"),
      redirectTo: safeCallbackPath(form.get("callbackUrl")),
    });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code ?? "";
      return { error: KNOWN_CODES.has(code) ? code : "invalid_credentials", values: echoValues(form) };
    }
    throw error; // the redirect after a successful sign-in
  }
  return {};
}

export async function requestMagicLink(_prev: FormState, form: FormData): Promise<FormState> {
  let email: string;
  try {
    ({ email } = parseInput(ZRequestEmailLink, formDataToObject(form)));
  } catch (error) {
    if (error instanceof AppError) return { error: error.code, fields: error.fields, values: echoValues(form) };
    throw error;
  }
  try {
    await signIn("email", { email, redirect: false, redirectTo: safeCallbackPath(form.get("callbackUrl")) });
  } catch (error) {
    if (error instanceof AuthError) return { error: "generic", values: echoValues(form) };
    throw error;
  }
  // Auth.js would send the browser to its /api/auth/verify-request, which only redirects on to this
  // page; followed from a server action, the address bar then kept showing the API URL.
  redirect("/sign-in/check-email");
}
