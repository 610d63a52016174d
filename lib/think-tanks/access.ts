import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { networkMembers, problems, thinkTankParticipants, thinkTankProblems, thinkTanks, type ThinkTank } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { canInThinkTank, type Actor, type ThinkTankContext } from "@/lib/policy";
import { parseInput } from "@/lib/validation";
import { ZThinkTankRef } from "./schemas";

export type ThinkTankAccess = { thinkTank: ThinkTank; context: ThinkTankContext };

/** Is the actor a member of one of the networks this think-tank's problems came from? */
async function isOriginNetworkMember(db: DbOrTx, actorId: string, thinkTankId: string): Promise<boolean> {
  const origin = db
    .select({ networkId: problems.networkId })
    .from(thinkTankProblems)
    .innerJoin(problems, eq(problems.id, thinkTankProblems.problemId))
    .where(eq(thinkTankProblems.thinkTankId, thinkTankId));
  const [row] = await db
    .select({ userId: networkMembers.userId })
    .from(networkMembers)
    .where(and(eq(networkMembers.userId, actorId), inArray(networkMembers.networkId, origin)))
    .limit(1);
  return Boolean(row);
}

/**
 * Loads a think-tank together with the actor's place in it. Every think-tank read and write starts
 * here (boards too, through their think-tank), so a bare id is never trusted: whoever may not see
 * it gets `not_found`, exactly as if it did not exist.
 */
export async function thinkTankAccess(db: DbOrTx, actor: Actor | null, thinkTankId: string): Promise<ThinkTankAccess> {
  const [row] = await db
    .select({ thinkTank: thinkTanks, role: thinkTankParticipants.role })
    .from(thinkTanks)
    .leftJoin(
      thinkTankParticipants,
      and(eq(thinkTankParticipants.thinkTankId, thinkTanks.id), eq(thinkTankParticipants.userId, actor?.id ?? "")),
    )
    .where(eq(thinkTanks.id, thinkTankId))
    .limit(1);
  if (!row) throw new AppError("not_found", "Think-tank not found");
  const originReader =
    Boolean(actor) && row.thinkTank.visibility === "origin_networks" && !row.role
      ? await isOriginNetworkMember(db, actor!.id, thinkTankId)
      : false;
  const context: ThinkTankContext = { thinkTankRole: row.role ?? null, originReader, status: row.thinkTank.status };
  if (!canInThinkTank(actor, context, "thinkTank.view")) throw new AppError("not_found", "Think-tank not found");
  return { thinkTank: row.thinkTank, context };
}

/** The think-tank id alone, checked before the rest of the input: an outsider gets 404 before any field error. */
export function thinkTankIdOf(input: unknown): string {
  return parseInput(ZThinkTankRef, input).thinkTankId;
}

/**
 * Changes of one think-tank take turns (row lock), so checks such as "is this the last
 * moderator?" and the change itself are one atomic step even when two moderators act at once.
 * `no key update` still lets other transactions insert rows that reference the think-tank.
 */
export async function lockThinkTank(tx: Tx, thinkTankId: string, strength: "update" | "no key update" = "no key update"): Promise<void> {
  await tx.select({ id: thinkTanks.id }).from(thinkTanks).where(eq(thinkTanks.id, thinkTankId)).for(strength);
}
