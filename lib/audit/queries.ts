import "server-only";
import { desc, eq, lt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { assertCan, type Actor } from "@/lib/policy";

export async function listAuditEntries(actor: Actor | null, options: { before?: number; limit?: number } = {}) {
  assertCan(actor, "audit.read");
  const db = await getDb();
  const limit = Math.min(options.limit ?? 50, 200);
  return db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      subjectType: auditLog.subjectType,
      subjectId: auditLog.subjectId,
      data: auditLog.data,
      at: auditLog.at,
      actorName: users.name,
      actorEmail: users.email,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(options.before ? lt(auditLog.id, options.before) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(limit);
}
