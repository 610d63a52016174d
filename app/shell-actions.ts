"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { signOut } from "@/lib/auth";
import { currentUser } from "@/lib/auth/session";
import { isLocale, localeCookie } from "@/lib/i18n/locale";
import { endSessions, setPreferredLocale } from "@/lib/users/commands";

/** The switcher sets the cookie for everybody and, for signed-in people, the profile language too. */
export async function switchLanguage(form: FormData): Promise<void> {
  const locale = form.get("locale");
  if (!isLocale(locale)) return;
  const jar = await cookies();
  jar.set(localeCookie, locale, { path: "/", sameSite: "lax", httpOnly: true, maxAge: 365 * 24 * 3600 });
  const user = await currentUser();
  if (user) await setPreferredLocale({ actor: user, locale });
  revalidatePath("/", "layout");
}

export async function signOutEverywhere(): Promise<void> {
  // Deleting the cookie alone would leave the token valid (and a prefetch in flight re-sets it).
  const user = await currentUser();
  if (user) await endSessions({ actor: user });
  await signOut({ redirectTo: "/" });
}
