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

/** Throws `unauthenticated` unless somebody is signed in. */
export function assertSignedIn(actor: Actor | null | undefined): asserts actor is Actor {
  if (!actor) throw new AppError("unauthenticated", "Sign-in required");
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

// ---------------------------------------------------------------------------------------------
// Inside a think-tank: the participant role, the platform role and the think-tank's status decide.
// ---------------------------------------------------------------------------------------------

export type ThinkTankRole = "moderator" | "knowledge_giver" | "delegate" | "observer";
export type ThinkTankStatus = "convening" | "active" | "paused" | "concluded" | "archived";

export const thinkTankActions = [
  "thinkTank.view",
  "thinkTank.edit",
  "thinkTank.changeStatus",
  "thinkTank.attachProblems",
  "thinkTank.conclude",
  "thinkTank.handBack",
  "thinkTank.carryOver",
  "thinkTank.archive",
  "thinkTank.leave",
  "phases.edit",
  "phases.run",
  "participants.viewContacts",
  "participants.invite",
  "participants.changeRole",
  "participants.remove",
  "board.view",
  "board.write",
  "board.moderate",
  "board.export",
] as const;
export type ThinkTankAction = (typeof thinkTankActions)[number];

/**
 * `originReader`: a member of an origin network of a think-tank whose visibility lets origin
 * networks read along. Platform admins and moderators are the host's stewards: they see every
 * think-tank and may moderate it (as they see every Work-Space).
 */
export type ThinkTankContext = { thinkTankRole: ThinkTankRole | null; originReader: boolean; status: ThinkTankStatus };

type TtWho = ThinkTankRole | "originReader" | "steward";

const ALL_TT: ThinkTankStatus[] = ["convening", "active", "paused", "concluded", "archived"];
const READERS: TtWho[] = ["moderator", "knowledge_giver", "delegate", "observer", "originReader", "steward"];
const PARTICIPANTS: TtWho[] = ["moderator", "knowledge_giver", "delegate", "observer", "steward"];
const MODERATORS: TtWho[] = ["moderator", "steward"];
const CONTRIBUTORS: TtWho[] = ["moderator", "knowledge_giver", "delegate", "steward"];

/**
 * Convening and active think-tanks work; paused ones rest (people read, moderators tidy up and
 * may resume or carry over); concluded ones hand back and archive; archived ones are read-only.
 */
const thinkTankRules: Record<ThinkTankAction, { who: TtWho[]; when: ThinkTankStatus[] }> = {
  "thinkTank.view": { who: READERS, when: ALL_TT },
  "thinkTank.edit": { who: MODERATORS, when: ["convening", "active", "paused"] },
  "thinkTank.changeStatus": { who: MODERATORS, when: ["convening", "active", "paused", "concluded"] },
  "thinkTank.attachProblems": { who: MODERATORS, when: ["convening", "active", "paused"] },
  "thinkTank.conclude": { who: MODERATORS, when: ["active", "paused"] },
  "thinkTank.handBack": { who: MODERATORS, when: ["concluded"] },
  "thinkTank.carryOver": { who: MODERATORS, when: ["paused", "concluded"] },
  "thinkTank.archive": { who: MODERATORS, when: ["concluded"] },
  "thinkTank.leave": { who: ["knowledge_giver", "delegate", "observer"], when: ["convening", "active", "paused", "concluded"] },
  "phases.edit": { who: MODERATORS, when: ["convening", "active", "paused"] },
  "phases.run": { who: MODERATORS, when: ["convening", "active"] },
  "participants.viewContacts": { who: PARTICIPANTS, when: ALL_TT },
  "participants.invite": { who: MODERATORS, when: ["convening", "active", "paused"] },
  "participants.changeRole": { who: MODERATORS, when: ["convening", "active", "paused"] },
  "participants.remove": { who: MODERATORS, when: ["convening", "active", "paused"] },
  "board.view": { who: READERS, when: ALL_TT },
  "board.write": { who: CONTRIBUTORS, when: ["convening", "active"] },
  "board.moderate": { who: MODERATORS, when: ["convening", "active"] },
  "board.export": { who: READERS, when: ALL_TT },
};

function thinkTankWhos(actor: Actor, context: ThinkTankContext): TtWho[] {
  const whos: TtWho[] = [];
  if (context.thinkTankRole) whos.push(context.thinkTankRole);
  if (context.originReader) whos.push("originReader");
  if (actor.role === "admin" || actor.role === "moderator") whos.push("steward");
  return whos;
}

export function canInThinkTank(actor: Actor | null | undefined, context: ThinkTankContext, action: ThinkTankAction): boolean {
  if (!actor) return false;
  const rule = thinkTankRules[action];
  return thinkTankWhos(actor, context).some((w) => rule.who.includes(w)) && rule.when.includes(context.status);
}

/**
 * Whoever cannot see the think-tank gets `not_found` (no hint that it exists); people who see it
 * but may not do this get `forbidden`, or `think_tank_not_open` when only its status stops them.
 */
export function assertCanInThinkTank(actor: Actor | null | undefined, context: ThinkTankContext, action: ThinkTankAction): asserts actor is Actor {
  if (!actor) throw new AppError("unauthenticated", "Sign-in required");
  if (!canInThinkTank(actor, context, "thinkTank.view")) throw new AppError("not_found", "Think-tank not found");
  if (canInThinkTank(actor, context, action)) return;
  const anyStatus = ALL_TT.some((status) => canInThinkTank(actor, { ...context, status }, action));
  if (anyStatus) throw new AppError("think_tank_not_open", `Not possible while the think-tank is ${context.status}`);
  throw new AppError("forbidden", `Missing think-tank permission ${action}`);
}
