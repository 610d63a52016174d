import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";
import { clientIp } from "@/lib/auth/client-ip";
import { signInThrottle } from "@/lib/auth/throttle";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";

export const GET = handlers.GET;

/**
 * Auth.js answers a failed credentials sign-in with a redirect. Throttled clients get a real 429
 * (with Retry-After) before Auth.js runs, so scripts and the API see the limit; the sign-in form
 * shows the same limit through the error code that authorize() raises.
 */
export async function POST(request: NextRequest): Promise<Response> {
  if (request.nextUrl.pathname.endsWith("/callback/credentials")) {
    const form = await request.clone().formData().catch(() => null);
    const email = String(form?.get("email") ?? "").trim().toLowerCase();
    const throttle = await signInThrottle(email, clientIp(request.headers));
    if (throttle.limited) {
      return errorResponse(new AppError("too_many_attempts", "Too many sign-in attempts", { retryAfterSeconds: throttle.retryAfterSeconds }), request);
    }
  }
  return handlers.POST(request);
}
