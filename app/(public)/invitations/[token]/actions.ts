"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import type { FormState } from "@/lib/forms";
import { acceptInvitation } from "@/lib/memberships/commands";
import { formDataToObject } from "@/lib/validation";

/** Accepts by the link's token (on /invitations/[token]) or by id (on "Meine Netzwerke"). */
export async function acceptInvitationAction(_prev: FormState, form: FormData): Promise<FormState> {
  let slug: string;
  try {
    ({ networkSlug: slug } = await acceptInvitation({ actor: await currentUser(), input: formDataToObject(form) }));
  } catch (error) {
    if (!isAppError(error)) throw error;
    const t = await getTranslations("members.fieldErrors");
    const fields = error.fields
      ? Object.fromEntries(Object.entries(error.fields).map(([field, keys]) => [field, keys.map((key) => (t.has(key as never) ? t(key as never) : key))]))
      : undefined;
    return { error: error.code, fields };
  }
  revalidatePath("/my-networks");
  redirect(`/networks/${encodeURIComponent(slug)}/workspace?welcome=1`);
}
