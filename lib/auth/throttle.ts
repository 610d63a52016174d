import "server-only";
import { and, desc, eq, gt, lt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { signInAttempts } from "@/db/schema";

/** 5 failed sign-ins per e-mail and per IP within 15 minutes lock further attempts for that window. */
export const THROTTLE = { maxFailures: 5, windowMs: 15 * 60 * 1000 } as const;

export type ThrottleState = { limited: boolean; retryAfterSeconds: number };

export async function signInThrottle(email: string, ip: string, now = new Date()): Promise<ThrottleState> {
  const db = await getDb();
  const since = new Date(now.getTime() - THROTTLE.windowMs);
  const recentFailures = (where: ReturnType<typeof eq>) =>
    db
      .select({ at: signInAttempts.at })
      .from(signInAttempts)
      .where(and(where, eq(signInAttempts.succeeded, false), gt(signInAttempts.at, since)))
      .orderBy(desc(signInAttempts.at))
      .limit(THROTTLE.maxFailures);
  const [byEmail, byIp] = await Promise.all([
    recentFailures(eq(signInAttempts.email, email)),
    recentFailures(eq(signInAttempts.ip, ip)),
  ]);
  let retryAt = 0;
  for (const rows of [byEmail, byIp]) {
    const oldestCounted = rows[THROTTLE.maxFailures - 1];
    // Locked until the oldest of the last five failures ages out of the window.
    if (oldestCounted) retryAt = Math.max(retryAt, oldestCounted.at.getTime() + THROTTLE.windowMs);
  }
  if (!retryAt) return { limited: false, retryAfterSeconds: 0 };
  return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil((retryAt - now.getTime()) / 1000)) };
}

export async function recordSignInAttempt(email: string, ip: string, succeeded: boolean): Promise<void> {
  const db = await getDb();
  await db.insert(signInAttempts).values({ email, ip, succeeded });
  // Keep the table small: attempts older than a day matter to nobody.
  if (Math.random() < 0.02) {
    await db.delete(signInAttempts).where(lt(signInAttempts.at, new Date(Date.now() - 24 * 3600 * 1000)));
  }
}
