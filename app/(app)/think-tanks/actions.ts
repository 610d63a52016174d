"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { toFormState, type FormState } from "@/lib/forms";
import { addPhase, movePhase, removePhase, runPhase, updatePhase } from "@/lib/phases/commands";
import { attachProblems, changeThinkTankStatus, createThinkTank, setPhaseMails, updateThinkTank } from "@/lib/think-tanks/commands";
import { formDataToObject } from "@/lib/validation";

/* Thin wrappers: the commands decide everything; these only translate to form state and paths. */

function thinkTankPath(form: FormData): string {
  return `/think-tanks/${encodeURIComponent(String(form.get("thinkTankId") ?? ""))}`;
}

async function input(form: FormData): Promise<Record<string, unknown>> {
  return { ...formDataToObject(form), locale: await getLocale() };
}

export async function createThinkTankAction(_prev: FormState, form: FormData): Promise<FormState> {
  let id: string;
  try {
    ({ id } = await createThinkTank({ actor: await currentUser(), input: await input(form) }));
  } catch (error) {
    return toFormState(error, form);
  }
  revalidatePath("/think-tanks");
  revalidatePath("/moderation/problems");
  redirect(`/think-tanks/${encodeURIComponent(id)}`);
}

/**
 * The inbox's and the problem page's escalation form: "new" opens the create form pre-filled with
 * the selected problems; "attach" escalates them into the chosen think-tank right away.
 */
export async function escalateSelectionAction(_prev: FormState, form: FormData): Promise<FormState> {
  const data = formDataToObject(form);
  const ids = ([] as unknown[]).concat(data.problemIds ?? []).map(String).filter(Boolean);
  if (!ids.length) return { error: "invalid_input", fields: { problemIds: ["required"] } };
  if (form.get("intent") === "new") {
    redirect(`/think-tanks/new?${ids.map((id) => `problemIds=${encodeURIComponent(id)}`).join("&")}`);
  }
  const thinkTankId = String(form.get("thinkTankId") ?? "");
  if (!thinkTankId) return { error: "invalid_input", fields: { thinkTankId: ["required"] } };
  try {
    await attachProblems({ actor: await currentUser(), input: { thinkTankId, problemIds: ids, locale: await getLocale() } });
  } catch (error) {
    return toFormState(error, form);
  }
  revalidatePath("/moderation/problems");
  revalidatePath("/think-tanks", "layout");
  redirect(`/think-tanks/${encodeURIComponent(thinkTankId)}`);
}

export async function updateThinkTankAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await updateThinkTank({ actor: await currentUser(), input: formDataToObject(form) });
  } catch (error) {
    return toFormState(error, form);
  }
  revalidatePath(thinkTankPath(form), "layout");
  const t = await getTranslations("thinkTankSettings");
  return { ok: true, notice: t("saved") };
}

export async function changeThinkTankStatusAction(_prev: FormState, form: FormData): Promise<FormState> {
  let status: string;
  try {
    ({ status } = await changeThinkTankStatus({ actor: await currentUser(), input: formDataToObject(form) }));
  } catch (error) {
    return toFormState(error, form);
  }
  revalidatePath(thinkTankPath(form), "layout");
  const [t, ts] = await Promise.all([getTranslations("thinkTankSettings"), getTranslations("thinkTanks")]);
  return { ok: true, notice: t("statusChanged", { status: ts(`status.${status}` as "status.active") }) };
}

export async function runPhaseAction(_prev: FormState, form: FormData): Promise<FormState> {
  let name: string;
  const action = String(form.get("action") ?? "");
  try {
    ({ name } = await runPhase({ actor: await currentUser(), input: formDataToObject(form) }));
  } catch (error) {
    return toFormState(error, form);
  }
  revalidatePath(thinkTankPath(form), "layout");
  const t = await getTranslations("thinkTankPhases");
  return { ok: true, notice: t(`done.${action}` as "done.start", { phase: name }) };
}

export async function updatePhaseAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await updatePhase({ actor: await currentUser(), input: formDataToObject(form) });
  } catch (error) {
    return toFormState(error, form);
  }
  revalidatePath(thinkTankPath(form), "layout");
  const t = await getTranslations("thinkTankPhases");
  return { ok: true, notice: t("saved") };
}

export async function addPhaseAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await addPhase({ actor: await currentUser(), input: await input(form) });
  } catch (error) {
    return toFormState(error, form);
  }
  revalidatePath(thinkTankPath(form), "layout");
  const t = await getTranslations("thinkTankPhases");
  return { ok: true, notice: t("added") };
}

export async function removePhaseAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await removePhase({ actor: await currentUser(), input: formDataToObject(form) });
  } catch (error) {
    return toFormState(error, form);
  }
  revalidatePath(thinkTankPath(form), "layout");
  const t = await getTranslations("thinkTankPhases");
  return { ok: true, notice: t("removed") };
}

export async function movePhaseAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await movePhase({ actor: await currentUser(), input: formDataToObject(form) });
  } catch (error) {
    return toFormState(error, form);
  }
  revalidatePath(thinkTankPath(form), "layout");
  const t = await getTranslations("thinkTankPhases");
  return { ok: true, notice: t("moved") };
}

export async function setPhaseMailsAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await setPhaseMails({ actor: await currentUser(), input: formDataToObject(form) });
  } catch (error) {
    return toFormState(error, form);
  }
  revalidatePath(thinkTankPath(form));
  const t = await getTranslations("thinkTanks");
  return { ok: true, notice: t("overview.phaseMailsSaved") };
}
