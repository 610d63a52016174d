import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { networkActivity, networkMembers, networks, tasks, workingGroupMembers, workingGroups, type User } from "@/db/schema";
import { createTask } from "@/lib/tasks/commands";
import {
  addWorkingGroupMember,
  createWorkingGroup,
  deleteWorkingGroup,
  removeWorkingGroupMember,
  renameWorkingGroup,
} from "@/lib/working-groups/commands";
import { listWorkingGroups } from "@/lib/working-groups/queries";
// Renamed on import: the React hooks lint rule reads any "use…" call as a hook.
import { testDriver, useTestDatabase as withTestDatabase } from "../support/database";
import { actorOf, auditEntries, createNetwork, createUser } from "../support/factories";
import { appError } from "../support/errors";

const t = withTestDatabase();


let coordinator: User, member: User, outsider: User, admin: User;
let net: Awaited<ReturnType<typeof createNetwork>>;
let otherNet: Awaited<ReturnType<typeof createNetwork>>;

beforeAll(async () => {
  [coordinator, member, outsider, admin] = await Promise.all([
    createUser({ name: "Klara Koch" }),
    createUser({ name: "Mehmet Demir" }),
    createUser({ name: "Olga Außen" }),
    createUser({ role: "admin", name: "Anna Albrecht" }),
  ]);
  net = await createNetwork({ members: [{ userId: coordinator.id, role: "coordinator" }, { userId: member.id, role: "member" }] });
  otherNet = await createNetwork({ members: [{ userId: outsider.id, role: "coordinator" }] });
});

describe(`working groups (${testDriver()})`, () => {
  it("coordinators create, rename and delete groups; activity and audit are written", async () => {
    const group = await createWorkingGroup({ actor: actorOf(coordinator), input: { network: net.slug, name: " AK Elternarbeit ", description: "Eltern stärken" } });
    expect(group).toMatchObject({ networkId: net.id, name: "AK Elternarbeit", description: "Eltern stärken" });
    const renamed = await renameWorkingGroup({ actor: actorOf(coordinator), input: { network: net.slug, groupId: group.id, name: "AK Eltern" } });
    expect(renamed).toMatchObject({ name: "AK Eltern", description: "Eltern stärken" });
    const task = await createTask({ actor: actorOf(member), input: { network: net.slug, title: "Gruppenaufgabe", workingGroupId: group.id } });
    await deleteWorkingGroup({ actor: actorOf(coordinator), input: { network: net.slug, groupId: group.id } });
    expect(await t.db.select().from(workingGroups).where(eq(workingGroups.id, group.id))).toEqual([]);
    // The task stays, without a group.
    const [row] = await t.db.select().from(tasks).where(eq(tasks.id, task.id));
    expect(row?.workingGroupId).toBeNull();
    const verbs = (await t.db.select().from(networkActivity).where(eq(networkActivity.subjectId, group.id))).map((a) => a.verb);
    expect(verbs).toEqual(["workingGroup.created", "workingGroup.updated", "workingGroup.deleted"]);
    expect(await auditEntries({ action: "workingGroup.deleted", subjectId: group.id })).toHaveLength(1);
  });

  it("refuses duplicate names (any case) and empty names, writing nothing", async () => {
    await createWorkingGroup({ actor: actorOf(coordinator), input: { network: net.slug, name: "AK Übergang Kita–Schule" } });
    const dup = await appError(createWorkingGroup({ actor: actorOf(coordinator), input: { network: net.slug, name: "ak übergang kita–schule" } }));
    expect(dup.fields).toEqual({ name: ["workingGroupNameTaken"] });
    const empty = await appError(createWorkingGroup({ actor: actorOf(coordinator), input: { network: net.slug, name: "  " } }));
    expect(empty.fields).toEqual({ name: ["required"] });
    // The same name in another network is fine.
    await createWorkingGroup({ actor: actorOf(outsider), input: { network: otherNet.slug, name: "AK Übergang Kita–Schule" } });
    const names = (await t.db.select().from(workingGroups).where(eq(workingGroups.networkId, net.id))).map((g) => g.name);
    expect(names.filter((n) => n.toLowerCase() === "ak übergang kita–schule")).toHaveLength(1);
  });

  it("only coordinators and admins manage; members get forbidden, outsiders not_found, paused networks network_not_active", async () => {
    expect((await appError(createWorkingGroup({ actor: actorOf(member), input: { network: net.slug, name: "X" } }))).code).toBe("forbidden");
    expect((await appError(createWorkingGroup({ actor: actorOf(outsider), input: { network: net.slug, name: "X" } }))).code).toBe("not_found");
    expect((await appError(createWorkingGroup({ actor: null, input: { network: net.slug, name: "X" } }))).code).toBe("unauthenticated");
    const byAdmin = await createWorkingGroup({ actor: actorOf(admin), input: { network: net.slug, name: "AK Admin" } });
    expect(byAdmin.networkId).toBe(net.id);
    await t.db.update(networks).set({ status: "paused" }).where(eq(networks.id, net.id));
    try {
      expect((await appError(createWorkingGroup({ actor: actorOf(coordinator), input: { network: net.slug, name: "Y" } }))).code).toBe("network_not_active");
    } finally {
      await t.db.update(networks).set({ status: "active" }).where(eq(networks.id, net.id));
    }
    // A group id of another network is not found through this network.
    const foreign = await createWorkingGroup({ actor: actorOf(outsider), input: { network: otherNet.slug, name: "Fremd" } });
    expect((await appError(renameWorkingGroup({ actor: actorOf(coordinator), input: { network: net.slug, groupId: foreign.id, name: "Gekapert" } }))).code).toBe("not_found");
    expect((await appError(deleteWorkingGroup({ actor: actorOf(coordinator), input: { network: net.slug, groupId: foreign.id } }))).code).toBe("not_found");
  });

  it("adds and removes only network members and lists groups with members and open task counts", async () => {
    const group = await createWorkingGroup({ actor: actorOf(coordinator), input: { network: net.slug, name: "AK Lernpaten" } });
    await addWorkingGroupMember({ actor: actorOf(coordinator), input: { network: net.slug, groupId: group.id, userId: member.id } });
    const again = await addWorkingGroupMember({ actor: actorOf(coordinator), input: { network: net.slug, groupId: group.id, userId: member.id } });
    expect(again.added).toBe(false);
    const notMember = await appError(addWorkingGroupMember({ actor: actorOf(coordinator), input: { network: net.slug, groupId: group.id, userId: outsider.id } }));
    expect(notMember.fields).toEqual({ userId: ["notNetworkMember"] });
    expect((await appError(addWorkingGroupMember({ actor: actorOf(member), input: { network: net.slug, groupId: group.id, userId: member.id } }))).code).toBe("forbidden");
    await addWorkingGroupMember({ actor: actorOf(coordinator), input: { network: net.slug, groupId: group.id, userId: coordinator.id } });

    await createTask({ actor: actorOf(member), input: { network: net.slug, title: "Offen 1", workingGroupId: group.id } });
    await createTask({ actor: actorOf(member), input: { network: net.slug, title: "In Arbeit", workingGroupId: group.id, status: "in_progress" } });
    await createTask({ actor: actorOf(member), input: { network: net.slug, title: "Erledigt", workingGroupId: group.id, status: "done" } });

    const view = await listWorkingGroups({ actor: actorOf(member), network: net.slug });
    expect(view.canManage).toBe(false);
    const listed = view.groups.find((g) => g.id === group.id);
    expect(listed?.openTaskCount).toBe(2);
    expect(listed?.members.map((m) => m.name)).toEqual(["Klara Koch", "Mehmet Demir"]);
    expect((await listWorkingGroups({ actor: actorOf(coordinator), network: net.slug })).canManage).toBe(true);
    expect((await appError(listWorkingGroups({ actor: actorOf(outsider), network: net.slug }))).code).toBe("not_found");

    await removeWorkingGroupMember({ actor: actorOf(coordinator), input: { network: net.slug, groupId: group.id, userId: member.id } });
    const rows = await t.db.select().from(workingGroupMembers).where(and(eq(workingGroupMembers.workingGroupId, group.id)));
    expect(rows.map((r) => r.userId)).toEqual([coordinator.id]);

    // Someone who leaves the network no longer shows as a group member.
    await t.db.delete(networkMembers).where(and(eq(networkMembers.networkId, net.id), eq(networkMembers.userId, coordinator.id)));
    try {
      const after = await listWorkingGroups({ actor: actorOf(admin), network: net.slug });
      expect(after.groups.find((g) => g.id === group.id)?.members).toEqual([]);
    } finally {
      await t.db.insert(networkMembers).values({ networkId: net.id, userId: coordinator.id, role: "coordinator" });
    }
  });
});
