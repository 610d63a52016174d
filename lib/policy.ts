import { AppError } from "./errors";
import type { PlatformRole } from "@/db/schema";

/**
 * The ONLY place that decides who may do what. Platform roles map to permissions here; later
 * domains add context checks (network role, think-tank participation) as functions in this module.
 */
export type Actor = { id: string; role: PlatformRole };

export const permissions = [
  "profile.edit",
  "profile.export",
  "profile.delete",
  "admin.view",
  "users.list",
  "users.changeRole",
  "users.disable",
  "outbox.read",
  "audit.read",
  "network.create",
  "network.propose",
  "network.approve",
  "problems.inbox",
  "thinkTank.convene",
] as const;
export type Permission = (typeof permissions)[number];

const member: Permission[] = ["profile.edit", "profile.export", "profile.delete", "network.propose"];
const moderator: Permission[] = [...member, "network.create", "problems.inbox", "thinkTank.convene"];
const admin: Permission[] = [
  ...moderator,
  "admin.view",
  "users.list",
  "users.changeRole",
  "users.disable",
  "outbox.read",
  "audit.read",
  "network.approve",
];

export const rolePermissions: Record<PlatformRole, ReadonlySet<Permission>> = {
  member: new Set(member),
  moderator: new Set(moderator),
  admin: new Set(admin),
};

export function can(actor: Actor | null | undefined, permission: Permission): boolean {
  if (!actor) return false;
  return rolePermissions[actor.role].has(permission);
}

/** Throws `unauthenticated` for nobody, `forbidden` for a signed-in actor without the permission. */
export function assertCan(actor: Actor | null | undefined, permission: Permission): asserts actor is Actor {
  if (!actor) throw new AppError("unauthenticated", "Sign-in required");
  if (!can(actor, permission)) throw new AppError("forbidden", `Missing permission ${permission}`);
}

// ---------------------------------------------------------------------------------------------
// Inside a network: the actor's network role, the platform role and the network's status decide.
// ---------------------------------------------------------------------------------------------

export type NetworkRole = "coordinator" | "member";
export type NetworkStatus = "active" | "paused" | "archived";

export const networkActions = [
  "network.viewWorkspace",
  "network.edit",
  "network.changeStatus",
  "network.confirmListing",
  "members.viewContacts",
  "members.invite",
  "members.approveJoin",
  "members.changeRole",
  "members.remove",
  "network.leave",
  "workingGroup.manage",
  "task.create",
  "task.edit",
  "task.comment",
  "problem.create",
  "problem.comment",
  "problem.support",
  "problem.triage",
  "announcement.send",
  "announcement.mute",
] as const;
export type NetworkAction = (typeof networkActions)[number];

export type NetworkContext = { networkRole: NetworkRole | null; status: NetworkStatus };

type Who = "coordinator" | "member" | "admin" | "moderator";

/**
 * Who may do what inside a network, and in which network statuses. Paused networks rest: people
 * read, comment and tidy up, but start nothing new. Archived networks are read-only; only admins
 * (to restore them) and leaving members act on them.
 */
const networkRules: Record<NetworkAction, { who: Who[]; when: NetworkStatus[] }> = {
  "network.viewWorkspace": { who: ["coordinator", "member", "admin", "moderator"], when: ["active", "paused", "archived"] },
  "network.edit": { who: ["coordinator", "admin"], when: ["active", "paused"] },
  "network.changeStatus": { who: ["coordinator", "admin"], when: ["active", "paused"] },
  "network.confirmListing": { who: ["coordinator", "admin"], when: ["active", "paused"] },
  "members.viewContacts": { who: ["coordinator", "member", "admin", "moderator"], when: ["active", "paused", "archived"] },
  "members.invite": { who: ["coordinator", "admin"], when: ["active"] },
  "members.approveJoin": { who: ["coordinator", "admin"], when: ["active"] },
  "members.changeRole": { who: ["coordinator", "admin"], when: ["active", "paused"] },
  "members.remove": { who: ["coordinator", "admin"], when: ["active", "paused"] },
  "network.leave": { who: ["coordinator", "member"], when: ["active", "paused", "archived"] },
  "workingGroup.manage": { who: ["coordinator", "admin"], when: ["active"] },
  "task.create": { who: ["coordinator", "member", "admin"], when: ["active"] },
  "task.edit": { who: ["coordinator", "member", "admin"], when: ["active", "paused"] },
  "task.comment": { who: ["coordinator", "member", "admin", "moderator"], when: ["active", "paused"] },
  "problem.create": { who: ["coordinator", "member"], when: ["active"] },
  "problem.comment": { who: ["coordinator", "member", "admin", "moderator"], when: ["active", "paused"] },
  "problem.support": { who: ["coordinator", "member"], when: ["active", "paused"] },
  "problem.triage": { who: ["coordinator", "admin", "moderator"], when: ["active", "paused"] },
  "announcement.send": { who: ["coordinator", "admin"], when: ["active"] },
  "announcement.mute": { who: ["coordinator", "member"], when: ["active", "paused", "archived"] },
};

/** Admins restore archived networks; nothing else happens in an archived one. */
const ARCHIVED_ADMIN_ACTIONS: ReadonlySet<NetworkAction> = new Set(["network.changeStatus"]);

export function canInNetwork(actor: Actor | null | undefined, network: NetworkContext, action: NetworkAction): boolean {
  if (!actor) return false;
  const rule = networkRules[action];
  const whos: Who[] = [];
  if (network.networkRole) whos.push(network.networkRole);
  if (actor.role === "admin" || actor.role === "moderator") whos.push(actor.role);
  if (!whos.some((w) => rule.who.includes(w))) return false;
  if (rule.when.includes(network.status)) return true;
  return network.status === "archived" && actor.role === "admin" && ARCHIVED_ADMIN_ACTIONS.has(action);
}

/**
 * Anyone who cannot even see the Work-Space gets `not_found` (no hint that it exists); people who
 * see it but may not do this get `forbidden`, or `conflict` when only the network's status stops them.
 */
export function assertCanInNetwork(actor: Actor | null | undefined, network: NetworkContext, action: NetworkAction): asserts actor is Actor {
  if (!actor) throw new AppError("unauthenticated", "Sign-in required");
  if (!canInNetwork(actor, network, "network.viewWorkspace")) throw new AppError("not_found", "Network not found");
  if (canInNetwork(actor, network, action)) return;
  const anyStatus = (["active", "paused", "archived"] as const).some((status) => canInNetwork(actor, { ...network, status }, action));
  if (anyStatus) throw new AppError("network_not_active", `Not possible while the network is ${network.status}`);
  throw new AppError("forbidden", `Missing network permission ${action}`);
}

/**
 * Anybody signed in may ask to join a listed, approved, active network they are not a member of
 * (paused networks start nothing new; unlisted ones are joined by invitation only).
 */
export type JoinableNetwork = NetworkContext & { listed: boolean; approval: "proposed" | "approved" | "declined" };

export function canRequestToJoin(actor: Actor | null | undefined, network: JoinableNetwork): boolean {
  if (!actor) return false;
  return network.listed && network.approval === "approved" && network.status === "active" && network.networkRole === null;
}
