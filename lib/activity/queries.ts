import "server-only";
import { and, desc, eq, lt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { networkActivity, users } from "@/db/schema";
import { ACTIVITY_PAGE_SIZE } from "@/lib/memberships/rules";
import { networkAccess } from "@/lib/networks/access";
import { assertCanInNetwork, type Actor } from "@/lib/policy";

/**
 * One page of a network's activity feed, newest first. `before` is an activity id (the cursor of
 * the "older entries" link); ids only grow, so pages stay stable while new entries arrive.
 */
export async function activityFeed(actor: Actor | null, networkIdOrSlug: string, options: { before?: number | null; limit?: number } = {}) {
  const db = await getDb();
  const { network, context } = await networkAccess(db, actor, networkIdOrSlug);
  assertCanInNetwork(actor, context, "network.viewWorkspace");
  const limit = Math.min(Math.max(options.limit ?? ACTIVITY_PAGE_SIZE, 1), 100);
  const rows = await db
    .select({
      id: networkActivity.id,
      verb: networkActivity.verb,
      subjectType: networkActivity.subjectType,
      subjectId: networkActivity.subjectId,
      summary: networkActivity.summary,
      at: networkActivity.at,
      actorId: networkActivity.actorId,
      actorName: users.name,
    })
    .from(networkActivity)
    .leftJoin(users, eq(users.id, networkActivity.actorId))
    .where(and(eq(networkActivity.networkId, network.id), options.before ? lt(networkActivity.id, options.before) : undefined))
    .orderBy(desc(networkActivity.id))
    .limit(limit + 1);
  const entries = rows.slice(0, limit);
  const last = entries.at(-1);
  return { entries, nextCursor: rows.length > limit && last ? last.id : null };
}
