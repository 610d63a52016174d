import "server-only";
import type { NextRequest } from "next/server";
import { actorFromApiToken } from "@/lib/api-tokens/commands";
import { currentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";
import type { Actor } from "@/lib/policy";

export type ApiContext<P> = {
  actor: Actor | null;
  /** How the caller authenticated: a personal API token, the session cookie, or not at all. */
  via: "token" | "session" | "none";
  request: NextRequest;
  params: P;
};

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

async function resolveActor(request: NextRequest): Promise<{ actor: Actor | null; via: ApiContext<unknown>["via"] }> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const actor = match?.[1] ? await actorFromApiToken(match[1]) : null;
    // A bad token never falls back to the cookie: the caller meant to use the token.
    if (!actor) throw new AppError("unauthenticated", "Invalid or revoked API token");
    return { actor, via: "token" };
  }
  // No session cookie: anonymous, without asking Auth.js (and usable outside a page request).
  if (!request.cookies.getAll().some((c) => c.name.includes("authjs.session-token"))) return { actor: null, via: "none" };
  const user = await currentUser();
  return user ? { actor: { id: user.id, role: user.role }, via: "session" } : { actor: null, via: "none" };
}

/**
 * Cookie-authenticated writes must come from our own pages: browsers send Origin on every
 * cross-site POST, so a mismatch is a forged request. Token callers are not exposed to CSRF.
 */
function assertSameOrigin(request: NextRequest): void {
  const origin = request.headers.get("origin");
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw new AppError("forbidden", "Cross-site request refused");
  if (origin && origin !== request.nextUrl.origin && new URL(origin).host !== request.headers.get("host")) {
    throw new AppError("forbidden", "Cross-site request refused");
  }
}

/**
 * Wraps a /api/v1 route: authenticates (Bearer token or session), guards cookie writes against
 * CSRF, turns the result into JSON and every error into `{ error: { code, message, fields? } }`.
 */
export function apiRoute<P = Record<string, never>>(
  handle: (ctx: ApiContext<P>) => Promise<unknown>,
  options: { status?: number } = {},
) {
  return async (request: NextRequest, route: { params: Promise<P> }): Promise<Response> => {
    try {
      const { actor, via } = await resolveActor(request);
      if (via === "session" && MUTATING.has(request.method)) assertSameOrigin(request);
      const result = await handle({ actor, via, request, params: await route.params });
      if (result instanceof Response) return result;
      if (result === undefined) return new Response(null, { status: 204 });
      return Response.json(result, { status: options.status ?? 200, headers: { "cache-control": "no-store" } });
    } catch (error) {
      return errorResponse(error, request);
    }
  };
}

/** The JSON body, or `invalid_input` for a body that is not JSON. */
export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new AppError("invalid_input", "Body must be JSON", { fields: { _body: ["invalidJson"] } });
  }
}

/** Query parameters as a plain object; repeated keys become arrays. */
export function queryObject(request: NextRequest): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of request.nextUrl.searchParams) {
    const existing = out[key];
    out[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

/** For endpoints behind authentication: nobody → 401 before anything else is looked at. */
export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError("unauthenticated", "Authentication required");
  return actor;
}

/** A JSON object body (the command validates its fields); anything else is invalid input. */
export async function readObject(request: Request): Promise<Record<string, unknown>> {
  const body = await readJson(request);
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    throw new AppError("invalid_input", "Body must be a JSON object", { fields: { _body: ["invalidJson"] } });
  }
  return body as Record<string, unknown>;
}
