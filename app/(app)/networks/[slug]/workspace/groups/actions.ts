"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { toFormState, type FormState } from "@/lib/forms";
import { formDataToObject } from "@/lib/validation";
import {
  addWorkingGroupMember,
  createWorkingGroup,
  deleteWorkingGroup,
  removeWorkingGroupMember,
  renameWorkingGroup,
} from "@/lib/working-groups/commands";

/* Thin wrappers around the working-group commands. */

function revalidate(form: FormData) {
  // The layout too: task forms and filters list the groups.
  revalidatePath(`/networks/${encodeURIComponent(String(form.get("network") ?? ""))}/workspace`, "layout");
}

export async function createWorkingGroupAction(_prev: FormState, form: FormData): Promise<FormState> {
  let name: string;
  try {
    ({ name } = await createWorkingGroup({ actor: await currentUser(), input: formDataToObject(form) }));
  } catch (error) {
    return toFormState(error, form);
  }
  revalidate(form);
  const t = await getTranslations("workingGroups");
  return { ok: true, notice: t("created", { name }) };
}

export async function renameWorkingGroupAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await renameWorkingGroup({ actor: await currentUser(), input: formDataToObject(form) });
  } catch (error) {
    return toFormState(error, form);
  }
  revalidate(form);
  const t = await getTranslations("workingGroups");
  return { ok: true, notice: t("renamed") };
}

export async function deleteWorkingGroupAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await deleteWorkingGroup({ actor: await currentUser(), input: formDataToObject(form) });
  } catch (error) {
    return toFormState(error, form);
  }
  revalidate(form);
  const t = await getTranslations("workingGroups");
  return { ok: true, notice: t("deleted") };
}

export async function addWorkingGroupMemberAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await addWorkingGroupMember({ actor: await currentUser(), input: formDataToObject(form) });
  } catch (error) {
    return toFormState(error, form);
  }
  revalidate(form);
  const t = await getTranslations("workingGroups");
  return { ok: true, notice: t("added") };
}

export async function removeWorkingGroupMemberAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await removeWorkingGroupMember({ actor: await currentUser(), input: formDataToObject(form) });
  } catch (error) {
    return toFormState(error, form);
  }
  revalidate(form);
  const t = await getTranslations("workingGroups");
  return { ok: true, notice: t("removed") };
}
