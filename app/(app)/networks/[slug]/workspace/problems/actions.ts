"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { toFormState, type FormState } from "@/lib/forms";
import { changeProblemStatus, commentOnProblem, logProblem, supportProblem, withdrawSupport } from "@/lib/problems/commands";
import { formDataToObject } from "@/lib/validation";

/* Thin wrappers: the commands decide everything; these only translate to form state and paths. */

function problemsPath(form: FormData): string {
  return `/networks/${encodeURIComponent(String(form.get("network") ?? ""))}/workspace/problems`;
}

export async function logProblemAction(_prev: FormState, form: FormData): Promise<FormState> {
  let id: string;
  try {
    ({ id } = await logProblem({ actor: await currentUser(), input: formDataToObject(form) }));
  } catch (error) {
    return toFormState(error, form);
  }
  revalidatePath(problemsPath(form));
  redirect(`${problemsPath(form)}/${encodeURIComponent(id)}`);
}

export async function changeProblemStatusAction(_prev: FormState, form: FormData): Promise<FormState> {
  let status: string;
  try {
    ({
      problem: { status },
    } = await changeProblemStatus({ actor: await currentUser(), input: formDataToObject(form) }));
  } catch (error) {
    return toFormState(error, form);
  }
  revalidatePath(problemsPath(form), "layout");
  const t = await getTranslations("problems");
  return { ok: true, notice: t("statusChanged", { status: t(`status.${status}` as "status.open") }) };
}

export async function commentOnProblemAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await commentOnProblem({ actor: await currentUser(), input: formDataToObject(form) });
  } catch (error) {
    return toFormState(error, form);
  }
  revalidatePath(problemsPath(form), "layout");
  const t = await getTranslations("problems");
  return { ok: true, notice: t("commentAdded") };
}

/** The "+1" toggle: the form says which way, so a double click cannot flip it back. */
export async function toggleSupportAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    const input = { actor: await currentUser(), input: formDataToObject(form) };
    if (form.get("support") === "true") await supportProblem(input);
    else await withdrawSupport(input);
  } catch (error) {
    return toFormState(error, form);
  }
  revalidatePath(problemsPath(form), "layout");
  return { ok: true };
}
