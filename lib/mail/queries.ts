import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { outboxEmails } from "@/db/schema";
import { assertCan, type Actor } from "@/lib/policy";

export async function listOutbox(actor: Actor | null, options: { to?: string; limit?: number } = {}) {
  assertCan(actor, "outbox.read");
  const db = await getDb();
  return db
    .select()
    .from(outboxEmails)
    .where(options.to ? eq(outboxEmails.to, options.to.trim().toLowerCase()) : undefined)
    .orderBy(desc(outboxEmails.createdAt))
    .limit(Math.min(options.limit ?? 100, 500));
}
