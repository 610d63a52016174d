import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { getWorkspace } from "@/lib/memberships/queries";

/**
 * The Work-Space of `slug` for this request, or a 404 for everybody who may not see it (signed-in
 * non-members and anonymous visitors alike: no hint that it exists). Cached per request, so the
 * layout and each Work-Space page can both call it: pages must check too, because a client-side
 * navigation between Work-Space pages re-renders the page without its layout.
 */
export const loadWorkspace = cache(async (slug: string) => {
  const user = await currentUser();
  try {
    const workspace = await getWorkspace(user, slug);
    return { user, ...workspace };
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
});
