"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { sendAnnouncement } from "@/lib/announcements/commands";
import { currentUser } from "@/lib/auth/session";
import { setAnnouncementsMuted } from "@/lib/memberships/commands";
import { toFormState, type FormState } from "@/lib/forms";
import { formDataToObject } from "@/lib/validation";

function announcementsPath(form: FormData): string {
  return `/networks/${encodeURIComponent(String(form.get("network") ?? ""))}/workspace/announcements`;
}

export async function sendAnnouncementAction(_prev: FormState, form: FormData): Promise<FormState> {
  let recipients: number;
  try {
    ({ recipients } = await sendAnnouncement({ actor: await currentUser(), input: formDataToObject(form) }));
  } catch (error) {
    return toFormState(error, form);
  }
  revalidatePath(announcementsPath(form));
  const t = await getTranslations("announcements");
  // No values echoed: the form empties for the next announcement.
  return { ok: true, notice: t("sent", { count: recipients }) };
}

/** The same switch as on the members page (the membership command), offered where the announcements are. */
export async function muteAnnouncementsAction(_prev: FormState, form: FormData): Promise<FormState> {
  let muted: boolean;
  try {
    ({ muted } = await setAnnouncementsMuted({ actor: await currentUser(), input: formDataToObject(form) }));
  } catch (error) {
    return toFormState(error, form);
  }
  revalidatePath(announcementsPath(form));
  const t = await getTranslations("announcements");
  return { ok: true, notice: muted ? t("mutedNotice") : t("unmutedNotice") };
}
