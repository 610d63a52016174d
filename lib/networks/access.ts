import "server-only";
import { and, eq, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { networkMembers, networks, type Network } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { canInNetwork, type Actor, type NetworkContext } from "@/lib/policy";

export type NetworkAccess = { network: Network; context: NetworkContext };

/**
 * Loads a network (by id or slug) together with the actor's role in it. Every Work-Space read and
 * write starts here, so a bare id is never trusted: whoever may not see the Work-Space gets
 * `not_found`, exactly as if the network did not exist. Proposed or declined networks are visible
 * only to their proposer and to admins.
 */
export async function networkAccess(db: DbOrTx, actor: Actor | null, idOrSlug: string): Promise<NetworkAccess> {
  const [row] = await db
    .select({ network: networks, networkRole: networkMembers.role })
    .from(networks)
    .leftJoin(networkMembers, and(eq(networkMembers.networkId, networks.id), eq(networkMembers.userId, actor?.id ?? "")))
    .where(or(eq(networks.id, idOrSlug), eq(networks.slug, idOrSlug)))
    .limit(1);
  if (!row) throw new AppError("not_found", "Network not found");
  const context: NetworkContext = { networkRole: row.networkRole ?? null, status: row.network.status };
  const pendingApproval = row.network.approval !== "approved";
  const visible = pendingApproval
    ? Boolean(actor && (actor.role === "admin" || row.network.createdById === actor.id))
    : canInNetwork(actor, context, "network.viewWorkspace");
  if (!visible) throw new AppError("not_found", "Network not found");
  return { network: row.network, context };
}
