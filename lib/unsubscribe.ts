import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";
import { appUrl } from "@/lib/env";

/*
 * Unsubscribe links in announcement e-mails must work without signing in, so the link itself
 * proves who is asking: an HMAC (keyed with the app's auth secret) over the member and network.
 * No table is needed, and a token cannot be turned into one for another person or network.
 * It does not expire: an old e-mail's link should still stop the e-mails.
 */
export type UnsubscribeSubject = { userId: string; networkId: string };

const PURPOSE = "netzwerkstatt:unsubscribe-announcements:v1";

function mac(secret: string, payload: string): string {
  return createHmac("sha256", secret).update(`${PURPOSE}\n${payload}`).digest("base64url");
}

export function signUnsubscribeToken(secret: string, subject: UnsubscribeSubject): string {
  if (subject.userId.includes("\n") || subject.networkId.includes("\n")) throw new Error("ids must not contain newlines");
  const payload = Buffer.from(`${subject.userId}\n${subject.networkId}`, "utf8").toString("base64url");
  return `${payload}.${mac(secret, payload)}`;
}

/** The member and network a token names, or null when it is malformed or its signature does not match. */
export function verifyUnsubscribeToken(secret: string, token: string): UnsubscribeSubject | null {
  if (typeof token !== "string" || token.length > 500) return null;
  const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const [, payload = "", signature = ""] = match;
  const expected = Buffer.from(mac(secret, payload), "utf8");
  const given = Buffer.from(signature, "utf8");
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const [userId, networkId, ...rest] = Buffer.from(payload, "base64url").toString("utf8").split("\n");
  if (!userId || !networkId || rest.length) return null;
  return { userId, networkId };
}

export async function unsubscribeToken(subject: UnsubscribeSubject): Promise<string> {
  return signUnsubscribeToken(await authSecret(), subject);
}

export async function readUnsubscribeToken(token: string): Promise<UnsubscribeSubject | null> {
  return verifyUnsubscribeToken(await authSecret(), token);
}

export async function unsubscribeUrl(subject: UnsubscribeSubject): Promise<string> {
  return `${appUrl()}/unsubscribe/${await unsubscribeToken(subject)}`;
}
