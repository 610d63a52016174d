import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { networkMembers, users, workingGroupMembers, workingGroups } from "@/db/schema";
import { networkAccess } from "@/lib/networks/access";
import { canInNetwork, type Actor } from "@/lib/policy";
import { networkMemberOptions } from "@/lib/tasks/queries";

export type WorkingGroupView = {
  id: string;
  name: string;
  description: string;
  members: Array<{ id: string; name: string; organisation: string | null }>;
  openTaskCount: number;
};

/**
 * The network's working groups with their members and how many of their tasks are not done yet.
 * Only people who are still network members are listed (someone who left keeps no seat).
 */
export async function listWorkingGroups({ actor, network: ref }: { actor: Actor | null; network: string }) {
  const db = await getDb();
  const { network, context } = await networkAccess(db, actor, ref);
  const groups = await db
    .select({
      id: workingGroups.id,
      name: workingGroups.name,
      description: workingGroups.description,
      // Spelled out with table names: drizzle leaves columns unqualified in a single-table select.
      openTaskCount: sql<number>`(select count(*) from "tasks" t where t."working_group_id" = "working_groups"."id" and t."status" <> 'done')`.mapWith(Number),
    })
    .from(workingGroups)
    .where(eq(workingGroups.networkId, network.id))
    .orderBy(asc(workingGroups.name));
  const memberRows = groups.length
    ? await db
        .select({ groupId: workingGroupMembers.workingGroupId, id: users.id, name: users.name, organisation: users.organisation })
        .from(workingGroupMembers)
        .innerJoin(users, eq(users.id, workingGroupMembers.userId))
        .innerJoin(networkMembers, and(eq(networkMembers.userId, users.id), eq(networkMembers.networkId, network.id)))
        .where(inArray(workingGroupMembers.workingGroupId, groups.map((g) => g.id)))
        .orderBy(asc(users.name))
    : [];
  const views: WorkingGroupView[] = groups.map((g) => ({
    ...g,
    members: memberRows.filter((m) => m.groupId === g.id).map(({ id, name, organisation }) => ({ id, name, organisation })),
  }));
  return {
    network: { id: network.id, slug: network.slug, name: network.name, status: network.status },
    context,
    canManage: canInNetwork(actor, context, "workingGroup.manage"),
    groups: views,
    networkMembers: await networkMemberOptions(db, network.id),
  };
}
