"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { echoValues, type FormState } from "@/lib/forms";
import {
  changeMemberRole,
  decideJoinRequest,
  inviteMember,
  leaveNetwork,
  removeMember,
  requestToJoin,
  resendInvitation,
  revokeInvitation,
  setAnnouncementsMuted,
} from "@/lib/memberships/commands";
import { formDataToObject } from "@/lib/validation";

/*
 * Thin wrappers: every check lives in the commands. Field-error keys that only memberships use
 * (members.fieldErrors) are translated here, so the shared form fields can show them as they are.
 */
async function failed(error: unknown, form: FormData): Promise<FormState> {
  if (!isAppError(error)) throw error;
  const t = await getTranslations("members.fieldErrors");
  const fields = error.fields
    ? Object.fromEntries(Object.entries(error.fields).map(([field, keys]) => [field, keys.map((key) => (t.has(key as never) ? t(key as never) : key))]))
    : undefined;
  return { error: error.code, fields, values: echoValues(form) };
}

function slugOf(form: FormData): string {
  return String(form.get("network") ?? "");
}

function refresh(form: FormData) {
  const slug = slugOf(form);
  if (slug) revalidatePath(`/networks/${encodeURIComponent(slug)}/workspace`, "layout");
}

export async function inviteMemberAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await inviteMember({ actor: await currentUser(), input: formDataToObject(form) });
  } catch (error) {
    return failed(error, form);
  }
  refresh(form);
  const t = await getTranslations("members");
  return { ok: true, notice: t("invited", { email: String(form.get("email") ?? "").trim().toLowerCase() }) };
}

export async function resendInvitationAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await resendInvitation({ actor: await currentUser(), input: formDataToObject(form) });
  } catch (error) {
    return failed(error, form);
  }
  refresh(form);
  const t = await getTranslations("members");
  return { ok: true, notice: t("resent", { email: String(form.get("email") ?? "") }) };
}

export async function revokeInvitationAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await revokeInvitation({ actor: await currentUser(), input: formDataToObject(form) });
  } catch (error) {
    return failed(error, form);
  }
  refresh(form);
  const t = await getTranslations("members");
  return { ok: true, notice: t("revoked", { email: String(form.get("email") ?? "") }) };
}

export async function decideJoinRequestAction(_prev: FormState, form: FormData): Promise<FormState> {
  let decision: "approve" | "decline";
  try {
    ({ decision } = await decideJoinRequest({ actor: await currentUser(), input: formDataToObject(form) }));
  } catch (error) {
    return failed(error, form);
  }
  refresh(form);
  const t = await getTranslations("members");
  const name = String(form.get("name") ?? "");
  return { ok: true, notice: decision === "approve" ? t("approved", { name }) : t("declined", { name }) };
}

export async function changeMemberRoleAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await changeMemberRole({ actor: await currentUser(), input: formDataToObject(form) });
  } catch (error) {
    return failed(error, form);
  }
  refresh(form);
  const t = await getTranslations("members");
  return { ok: true, notice: t("roleChanged") };
}

export async function removeMemberAction(_prev: FormState, form: FormData): Promise<FormState> {
  const actor = await currentUser();
  try {
    await removeMember({ actor, input: formDataToObject(form) });
  } catch (error) {
    return failed(error, form);
  }
  refresh(form);
  // Removing oneself ends one's own access to the Work-Space.
  if (actor && form.get("userId") === actor.id && actor.role === "member") redirect("/my-networks?left=1");
  // The member's row (and its form) is gone: the page itself confirms, also without JavaScript.
  redirect(`/networks/${encodeURIComponent(slugOf(form))}/workspace/members?notice=removed`);
}

export async function leaveNetworkAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await leaveNetwork({ actor: await currentUser(), input: formDataToObject(form) });
  } catch (error) {
    return failed(error, form);
  }
  refresh(form);
  redirect("/my-networks?left=1");
}

export async function setAnnouncementsMutedAction(_prev: FormState, form: FormData): Promise<FormState> {
  let muted: boolean;
  try {
    ({ muted } = await setAnnouncementsMuted({ actor: await currentUser(), input: formDataToObject(form) }));
  } catch (error) {
    return failed(error, form);
  }
  refresh(form);
  const t = await getTranslations("members");
  return { ok: true, notice: muted ? t("mutedNotice") : t("unmutedNotice") };
}

/** Used by JoinRequestButton on the public network page. */
export async function requestToJoinAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await requestToJoin({ actor: await currentUser(), input: formDataToObject(form) });
  } catch (error) {
    return failed(error, form);
  }
  const slug = slugOf(form);
  if (slug) revalidatePath(`/networks/${encodeURIComponent(slug)}`);
  revalidatePath("/my-networks");
  const t = await getTranslations("members.join");
  return { ok: true, notice: t("sent") };
}
