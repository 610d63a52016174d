import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { notFound } from "next/navigation";
import type { Actor, Permission } from "@/lib/policy";
import { can } from "@/lib/policy";
import { auth } from "./index";

export type CurrentUser = { id: string; name: string; email: string; role: Actor["role"]; locale: "de" | "en" | null };

/** The signed-in person for this request (checked against the database once per request). */
export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const user = session?.user;
  return user?.id ? user : null;
});

/** For pages behind sign-in: sends anonymous visitors to the sign-in page and back afterwards. */
export async function requireUser(callbackPath: string): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(callbackPath)}`);
  return user;
}

/** For pages that only some roles may see: everybody else gets a 404, not a hint that it exists. */
export async function requirePermission(permission: Permission, callbackPath: string): Promise<CurrentUser> {
  const user = await requireUser(callbackPath);
  if (!can(user, permission)) notFound();
  return user;
}
