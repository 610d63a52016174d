import "server-only";
import { notFound, redirect } from "next/navigation";
import { isAppError } from "@/lib/errors";

/**
 * Work-Space pages (tasks, working groups, problems, announcements): whoever may not see the
 * Work-Space (or the item) gets the 404 page, as if it did not exist; an expired session goes to
 * the sign-in page and comes back.
 */
export async function orNotFound<T>(promise: Promise<T>, callbackPath: string): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (isAppError(error)) {
      if (error.code === "unauthenticated") redirect(`/sign-in?callbackUrl=${encodeURIComponent(callbackPath)}`);
      if (error.code === "not_found" || error.code === "forbidden") notFound();
    }
    throw error;
  }
}
