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
