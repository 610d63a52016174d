"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { echoValues, type FormState } from "@/lib/forms";
import { archiveThinkTank, carryOverThinkTank, concludeThinkTank, handBackOutcome } from "@/lib/outcomes/commands";
import { getOutcome } from "@/lib/outcomes/queries";
import { conclusionFromForm } from "@/lib/outcomes/rules";
import { formDataToObject } from "@/lib/validation";

/* Thin wrappers: the commands decide; outcome-only field-error keys are translated here. */
async function failed(error: unknown, form: FormData): Promise<FormState> {
  if (!isAppError(error)) throw error;
  const t = await getTranslations("outcome.fieldErrors");
  const fields = error.fields
    ? Object.fromEntries(Object.entries(error.fields).map(([field, keys]) => [field, keys.map((key) => (t.has(key as never) ? t(key as never) : key))]))
    : undefined;
  return { error: error.code, fields, values: echoValues(form) };
}

function idOf(form: FormData): string {
  return String(form.get("thinkTankId") ?? "");
}

function refresh(id: string) {
  revalidatePath(`/think-tanks/${encodeURIComponent(id)}`, "layout");
  revalidatePath("/think-tanks/archive");
}

export async function concludeThinkTankAction(_prev: FormState, form: FormData): Promise<FormState> {
  const id = idOf(form);
  try {
    const actor = await currentUser();
    // Card titles for the selected ideas come from the think-tank's own cards (read with the actor's access).
    const { cards } = await getOutcome(actor, id);
    await concludeThinkTank({ actor, input: conclusionFromForm(formDataToObject(form), cards) });
  } catch (error) {
    return failed(error, form);
  }
  refresh(id);
  const t = await getTranslations("outcome");
  return { ok: true, notice: t("concluded") };
}

export async function handBackOutcomeAction(_prev: FormState, form: FormData): Promise<FormState> {
  const id = idOf(form);
  try {
    await handBackOutcome({ actor: await currentUser(), input: formDataToObject(form) });
  } catch (error) {
    return failed(error, form);
  }
  refresh(id);
  const t = await getTranslations("outcome");
  return { ok: true, notice: t("handedBack", { title: String(form.get("title") ?? "").trim() }) };
}

export async function carryOverThinkTankAction(_prev: FormState, form: FormData): Promise<FormState> {
  let next: string;
  try {
    ({ thinkTankId: next } = await carryOverThinkTank({ actor: await currentUser(), input: { ...formDataToObject(form), locale: await getLocale() } }));
  } catch (error) {
    return failed(error, form);
  }
  refresh(idOf(form));
  revalidatePath("/think-tanks");
  redirect(`/think-tanks/${encodeURIComponent(next)}`);
}

export async function archiveThinkTankAction(_prev: FormState, form: FormData): Promise<FormState> {
  const id = idOf(form);
  try {
    await archiveThinkTank({ actor: await currentUser(), input: formDataToObject(form) });
  } catch (error) {
    return failed(error, form);
  }
  refresh(id);
  const t = await getTranslations("outcome");
  return { ok: true, notice: t("archived") };
}
