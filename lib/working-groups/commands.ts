import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { networkMembers, workingGroupMembers, workingGroups } from "@/db/schema";
import { recordAudit } from "@/lib/audit/commands";
import { AppError } from "@/lib/errors";
import { recordActivity } from "@/lib/networks/activity";
import type { Actor } from "@/lib/policy";
import { workspaceFor } from "@/lib/tasks/commands";
import { parseInput } from "@/lib/validation";
import { ZCreateWorkingGroup, ZRenameWorkingGroup, ZWorkingGroupMember, ZWorkingGroupRef } from "./schemas";

/*
 * Working groups (Arbeitskreise) are managed by the network's coordinators and platform admins
 * (policy: workingGroup.manage, active networks only). Members are always network members.
 */

type Cmd = { actor: Actor | null; input: unknown };

async function loadGroup(tx: Tx, networkId: string, groupId: string) {
  const [group] = await tx
    .select()
    .from(workingGroups)
    .where(and(eq(workingGroups.id, groupId), eq(workingGroups.networkId, networkId)))
    .limit(1);
  if (!group) throw new AppError("not_found", "Working group not found");
  return group;
}

/** Names are unique per network regardless of case ("AK Eltern" and "ak eltern" would confuse). */
async function assertNameFree(tx: Tx, networkId: string, name: string, exceptId?: string) {
  const [clash] = await tx
    .select({ id: workingGroups.id })
    .from(workingGroups)
    .where(and(eq(workingGroups.networkId, networkId), sql`lower(${workingGroups.name}) = lower(${name})`, exceptId ? ne(workingGroups.id, exceptId) : undefined))
    .limit(1);
  if (clash) throw new AppError("invalid_input", "Name taken", { fields: { name: ["workingGroupNameTaken"] } });
}

export async function createWorkingGroup({ actor, input }: Cmd) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { network, actor: who } = await workspaceFor(tx, actor, input, "workingGroup.manage");
    const data = parseInput(ZCreateWorkingGroup, input);
    await assertNameFree(tx, network.id, data.name);
    const [group] = await tx.insert(workingGroups).values({ networkId: network.id, name: data.name, description: data.description }).returning();
    if (!group) throw new Error("working group insert returned nothing");
    await recordActivity(tx, { networkId: network.id, actorId: who.id, verb: "workingGroup.created", subjectType: "workingGroup", subjectId: group.id, summary: group.name });
    return group;
  });
}

export async function renameWorkingGroup({ actor, input }: Cmd) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { network, actor: who } = await workspaceFor(tx, actor, input, "workingGroup.manage");
    const data = parseInput(ZRenameWorkingGroup, input);
    const group = await loadGroup(tx, network.id, data.groupId);
    await assertNameFree(tx, network.id, data.name, group.id);
    const [updated] = await tx
      .update(workingGroups)
      .set({ name: data.name, ...(data.description !== undefined ? { description: data.description } : {}) })
      .where(eq(workingGroups.id, group.id))
      .returning();
    if (!updated) throw new Error("working group update returned nothing");
    await recordActivity(tx, { networkId: network.id, actorId: who.id, verb: "workingGroup.updated", subjectType: "workingGroup", subjectId: group.id, summary: updated.name });
    return updated;
  });
}

/** Its tasks stay in the network, without a working group (the foreign key sets them to null). */
export async function deleteWorkingGroup({ actor, input }: Cmd) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { network, actor: who } = await workspaceFor(tx, actor, input, "workingGroup.manage");
    const data = parseInput(ZWorkingGroupRef, input);
    const group = await loadGroup(tx, network.id, data.groupId);
    await tx.delete(workingGroups).where(eq(workingGroups.id, group.id));
    await recordActivity(tx, { networkId: network.id, actorId: who.id, verb: "workingGroup.deleted", subjectType: "workingGroup", subjectId: group.id, summary: group.name });
    await recordAudit(tx, { actorId: who.id, action: "workingGroup.deleted", subjectType: "workingGroup", subjectId: group.id, data: { networkId: network.id, name: group.name } });
    return { id: group.id, name: group.name };
  });
}

export async function addWorkingGroupMember({ actor, input }: Cmd) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { network, actor: who } = await workspaceFor(tx, actor, input, "workingGroup.manage");
    const data = parseInput(ZWorkingGroupMember, input);
    const group = await loadGroup(tx, network.id, data.groupId);
    const [member] = await tx
      .select({ userId: networkMembers.userId })
      .from(networkMembers)
      .where(and(eq(networkMembers.networkId, network.id), eq(networkMembers.userId, data.userId)))
      .limit(1);
    if (!member) throw new AppError("invalid_input", "Not a network member", { fields: { userId: ["notNetworkMember"] } });
    const added = await tx.insert(workingGroupMembers).values({ workingGroupId: group.id, userId: data.userId }).onConflictDoNothing().returning();
    if (added.length) {
      await recordActivity(tx, { networkId: network.id, actorId: who.id, verb: "workingGroup.member_added", subjectType: "workingGroup", subjectId: group.id, summary: group.name });
    }
    return { groupId: group.id, userId: data.userId, added: added.length > 0 };
  });
}

export async function removeWorkingGroupMember({ actor, input }: Cmd) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { network, actor: who } = await workspaceFor(tx, actor, input, "workingGroup.manage");
    const data = parseInput(ZWorkingGroupMember, input);
    const group = await loadGroup(tx, network.id, data.groupId);
    const removed = await tx
      .delete(workingGroupMembers)
      .where(and(eq(workingGroupMembers.workingGroupId, group.id), eq(workingGroupMembers.userId, data.userId)))
      .returning();
    if (removed.length) {
      await recordActivity(tx, { networkId: network.id, actorId: who.id, verb: "workingGroup.member_removed", subjectType: "workingGroup", subjectId: group.id, summary: group.name });
    }
    return { groupId: group.id, userId: data.userId, removed: removed.length > 0 };
  });
}
