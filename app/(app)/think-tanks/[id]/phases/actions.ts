"use server";

import { revalidatePath } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { toFormState, type FormState } from "@/lib/forms";
import { addBoardToPhase } from "@/lib/phases/commands";
import { formDataToObject } from "@/lib/validation";

/* Thin wrapper: the command decides everything; this only translates to form state and paths. */

export async function addBoardToPhaseAction(_prev: FormState, form: FormData): Promise<FormState> {
  let title: string;
  try {
    ({ title } = await addBoardToPhase({ actor: await currentUser(), input: { ...formDataToObject(form), locale: await getLocale() } }));
  } catch (error) {
    return toFormState(error, form);
  }
  revalidatePath(`/think-tanks/${encodeURIComponent(String(form.get("thinkTankId") ?? ""))}`, "layout");
  const t = await getTranslations("thinkTankPhases");
  return { ok: true, notice: t("boardAdded", { title }) };
}
