import "server-only";
import { decode } from "next-auth/jwt";
import { authSecret } from "@/lib/auth/secret";
import { sessionEndReason, type SessionClaims } from "@/lib/auth/session-rules";
import { env } from "@/lib/env";
import type { Actor } from "@/lib/policy";
import { findUserById } from "@/lib/users/queries";

const COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"];

function parseCookies(header: string | undefined): Map<string, string> {
  const jar = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    try {
      jar.set(name, decodeURIComponent(value));
    } catch {
      jar.set(name, value);
    }
  }
  return jar;
}

/** Auth.js splits large tokens into `name.0`, `name.1`, …; reassemble them in order. */
function readSessionToken(jar: Map<string, string>): { name: string; token: string } | null {
  for (const name of COOKIE_NAMES) {
    const whole = jar.get(name);
    if (whole) return { name, token: whole };
    const chunks: string[] = [];
    for (let i = 0; jar.has(`${name}.${i}`); i++) chunks.push(jar.get(`${name}.${i}`) ?? "");
    if (chunks.length) return { name, token: chunks.join("") };
  }
  return null;
}

/** The same checks as every HTTP request (see lib/auth): signature, version, timeouts, disabled. */
export async function actorFromCookieHeader(cookieHeader: string | undefined): Promise<(Actor & { name: string }) | null> {
  const found = readSessionToken(parseCookies(cookieHeader));
  if (!found) return null;
  let claims: SessionClaims | null;
  try {
    claims = (await decode({ token: found.token, secret: await authSecret(), salt: found.name })) as SessionClaims | null;
  } catch {
    return null;
  }
  if (!claims?.uid) return null;
  const user = await findUserById(claims.uid);
  const { SESSION_IDLE_MINUTES, SESSION_MAX_DAYS } = env();
  const ended = sessionEndReason(claims, user, Math.floor(Date.now() / 1000), {
    idleMinutes: SESSION_IDLE_MINUTES,
    maxDays: SESSION_MAX_DAYS,
  });
  if (ended || !user) return null;
  return { id: user.id, role: user.role, name: user.name };
}
