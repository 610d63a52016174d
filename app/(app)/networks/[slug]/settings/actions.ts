"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { echoValues, toFormState, type FormState } from "@/lib/forms";
import { changeNetworkStatus, confirmDirectoryEntry, updateNetwork } from "@/lib/networks/commands";
import { formDataToObject } from "@/lib/validation";

function revalidateNetwork(slug: string) {
  revalidatePath("/networks");
  revalidatePath(`/networks/${slug}`);
  revalidatePath(`/networks/${slug}/settings`);
  revalidatePath("/admin/directory");
}

export async function saveNetwork(_prev: FormState, form: FormData): Promise<FormState> {
  let slug: string;
  try {
    ({ slug } = await updateNetwork({ actor: await currentUser(), input: formDataToObject(form) }));
  } catch (error) {
    return toFormState(error, form);
  }
  revalidateNetwork(slug);
  const t = await getTranslations("networkSettings");
  return { ok: true, notice: t("saved"), values: echoValues(form) };
}

export async function saveNetworkStatus(_prev: FormState, form: FormData): Promise<FormState> {
  let slug: string;
  try {
    ({ slug } = await changeNetworkStatus({ actor: await currentUser(), input: formDataToObject(form) }));
  } catch (error) {
    return toFormState(error, form);
  }
  revalidateNetwork(slug);
  const t = await getTranslations("networkSettings");
  return { ok: true, notice: t("statusChanged") };
}

/** Confirming makes the prompt (or the admin list row) disappear, so the thanks travel in the URL. */
export async function confirmEntry(_prev: FormState, form: FormData): Promise<FormState> {
  let slug: string;
  try {
    ({ slug } = await confirmDirectoryEntry({ actor: await currentUser(), input: formDataToObject(form) }));
  } catch (error) {
    return toFormState(error, form);
  }
  revalidateNetwork(slug);
  const from = form.get("from");
  if (from === "admin") redirect(`/admin/directory?confirmed=${encodeURIComponent(slug)}`);
  if (from === "settings") redirect(`/networks/${slug}/settings?confirmed=1`);
  redirect(`/networks/${slug}?confirmed=1`);
}
