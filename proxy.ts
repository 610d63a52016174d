import type { NextRequest } from "next/server";
import { auth } from "@/lib/auth";

type InlineProxy = (request: NextRequest) => Promise<Response>;

/**
 * Runs before every page and API request: re-checks the session against the database and
 * re-issues its cookie, which is what makes the idle timeout slide with activity.
 * (Auth.js's inline form: called with the request, it answers "continue" plus the session cookie.)
 */
export async function proxy(request: NextRequest): Promise<Response> {
  return (auth as unknown as InlineProxy)(request);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/auth|api/health|socket.io).*)"],
};
