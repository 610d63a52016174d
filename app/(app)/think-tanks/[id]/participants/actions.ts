"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { echoValues, type FormState } from "@/lib/forms";
import {
  addParticipant,
  changeParticipantRole,
  inviteToThinkTank,
  leaveThinkTank,
  removeParticipant,
  resendThinkTankInvitation,
  revokeThinkTankInvitation,
} from "@/lib/participants/commands";
import { formDataToObject } from "@/lib/validation";

/*
 * Thin wrappers: every check lives in the commands. Field-error keys only participants use
 * (participants.fieldErrors) are translated here, so the shared form fields show them as they are.
 */
async function failed(error: unknown, form: FormData): Promise<FormState> {
  if (!isAppError(error)) throw error;
  const t = await getTranslations("participants.fieldErrors");
  const fields = error.fields
    ? Object.fromEntries(Object.entries(error.fields).map(([field, keys]) => [field, keys.map((key) => (t.has(key as never) ? t(key as never) : key))]))
    : undefined;
  return { error: error.code, fields, values: echoValues(form) };
}

function refresh(form: FormData) {
  const id = String(form.get("thinkTankId") ?? "");
  if (id) revalidatePath(`/think-tanks/${encodeURIComponent(id)}`, "layout");
}

async function run(form: FormData, command: (args: { actor: Awaited<ReturnType<typeof currentUser>>; input: unknown }) => Promise<unknown>, notice: (t: Awaited<ReturnType<typeof getTranslations<"participants">>>) => string): Promise<FormState> {
  try {
    await command({ actor: await currentUser(), input: formDataToObject(form) });
  } catch (error) {
    return failed(error, form);
  }
  refresh(form);
  const t = await getTranslations("participants");
  return { ok: true, notice: notice(t) };
}

export async function addParticipantAction(_prev: FormState, form: FormData): Promise<FormState> {
  return run(form, addParticipant, (t) => t("added", { name: String(form.get("name") ?? "") }));
}

export async function changeParticipantRoleAction(_prev: FormState, form: FormData): Promise<FormState> {
  return run(form, changeParticipantRole, (t) => t("roleChanged", { name: String(form.get("name") ?? "") }));
}

export async function removeParticipantAction(_prev: FormState, form: FormData): Promise<FormState> {
  return run(form, removeParticipant, (t) => t("removed", { name: String(form.get("name") ?? "") }));
}

export async function inviteToThinkTankAction(_prev: FormState, form: FormData): Promise<FormState> {
  const result = await run(form, inviteToThinkTank, (t) => t("invited", { email: String(form.get("email") ?? "").trim().toLowerCase() }));
  // A successful invitation empties the form for the next one.
  return result.ok ? { ok: true, notice: result.notice } : result;
}

export async function resendThinkTankInvitationAction(_prev: FormState, form: FormData): Promise<FormState> {
  return run(form, resendThinkTankInvitation, (t) => t("resent", { email: String(form.get("email") ?? "") }));
}

export async function revokeThinkTankInvitationAction(_prev: FormState, form: FormData): Promise<FormState> {
  return run(form, revokeThinkTankInvitation, (t) => t("revoked", { email: String(form.get("email") ?? "") }));
}

export async function leaveThinkTankAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await leaveThinkTank({ actor: await currentUser(), input: formDataToObject(form) });
  } catch (error) {
    return failed(error, form);
  }
  revalidatePath("/think-tanks");
  redirect("/think-tanks?left=1");
}
