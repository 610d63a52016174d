import "server-only";
import type { DbOrTx } from "@/db/client";
import { networkActivity } from "@/db/schema";

export type ActivityEntry = {
  networkId: string;
  actorId: string | null;
  /** e.g. "member.joined", "task.created", "problem.status_changed"; the feed translates it. */
  verb: string;
  subjectType: string;
  subjectId?: string | null;
  /** Short human text (a task title, a problem title) shown next to the verb. */
  summary?: string;
};

/** Written in the same transaction as the change it describes. */
export async function recordActivity(db: DbOrTx, entry: ActivityEntry): Promise<void> {
  await db.insert(networkActivity).values({
    networkId: entry.networkId,
    actorId: entry.actorId,
    verb: entry.verb,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId ?? null,
    summary: entry.summary ?? "",
  });
}
