import "server-only";
import { and, eq, isNull, like, or } from "drizzle-orm";
import { getDb, type DbOrTx, type Tx } from "@/db/client";
import { networkMembers, networks, users, type Network } from "@/db/schema";
import { recordAudit } from "@/lib/audit/commands";
import { appUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { sendMail } from "@/lib/mail/send";
import { assertCan, assertCanInNetwork, type Actor } from "@/lib/policy";
import { parseInput } from "@/lib/validation";
import { networkAccess } from "./access";
import { recordActivity } from "./activity";
import { composeNetworkMail } from "./mail";
import { isAllowedStatusChange, slugify, uniqueSlug } from "./rules";
import {
  ZChangeNetworkStatus,
  ZCreateNetwork,
  ZDeclineNetwork,
  ZNetworkOnly,
  ZProposeNetwork,
  ZUpdateNetwork,
  toNetworkFields,
  type NetworkFields,
} from "./schemas";

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code === "23505" || e?.cause?.code === "23505";
}

async function freeSlug(db: DbOrTx, name: string): Promise<string> {
  const base = slugify(name);
  const rows = await db
    .select({ slug: networks.slug })
    .from(networks)
    .where(or(eq(networks.slug, base), like(networks.slug, `${base.replace(/[\\%_]/g, (c) => `\\${c}`)}-%`)));
  return uniqueSlug(base, rows.map((r) => r.slug));
}

/**
 * Inserts a network under a fresh slug. Two people naming a network alike at the same moment
 * both pick the same free slug; the loser hits the unique index and simply tries the next one.
 */
async function insertWithSlug<T>(name: string, write: (tx: Tx, slug: string) => Promise<T>): Promise<T> {
  const db = await getDb();
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction(async (tx) => write(tx, await freeSlug(tx, name)));
    } catch (error) {
      if (attempt < 4 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

async function findActiveUserByEmail(db: DbOrTx, email: string) {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, email), isNull(users.disabledAt)));
  return row ?? null;
}

function networkUrl(slug: string): string {
  return `${appUrl()}/networks/${encodeURIComponent(slug)}`;
}

/** Admins and moderators create networks directly; the creator (or the person they name) coordinates it. */
export async function createNetwork({ actor, input }: { actor: Actor | null; input: unknown }) {
  assertCan(actor, "network.create");
  const data = parseInput(ZCreateNetwork, input);
  const fields = toNetworkFields(data);
  return insertWithSlug(fields.name, async (tx, slug) => {
    let coordinatorId = actor.id;
    if (data.coordinatorEmail) {
      const coordinator = await findActiveUserByEmail(tx, data.coordinatorEmail);
      if (!coordinator) throw new AppError("invalid_input", "No such user", { fields: { coordinatorEmail: ["unknownUser"] } });
      coordinatorId = coordinator.id;
    }
    const [network] = await tx
      .insert(networks)
      .values({ ...fields, slug, approval: "approved", lastVerifiedAt: new Date(), createdById: actor.id })
      .returning({ id: networks.id, slug: networks.slug, name: networks.name });
    if (!network) throw new Error("network insert returned nothing");
    await tx.insert(networkMembers).values({ networkId: network.id, userId: coordinatorId, role: "coordinator" });
    await recordAudit(tx, { actorId: actor.id, action: "network.created", subjectType: "network", subjectId: network.id, data: { slug, coordinatorId } });
    await recordActivity(tx, { networkId: network.id, actorId: actor.id, verb: "network.created", subjectType: "network", subjectId: network.id, summary: network.name });
    return network;
  });
}

/** Anybody signed in proposes a network; it is invisible to others until an admin approves it. */
export async function proposeNetwork({ actor, input }: { actor: Actor | null; input: unknown }) {
  assertCan(actor, "network.propose");
  const fields = toNetworkFields(parseInput(ZProposeNetwork, input));
  const network = await insertWithSlug(fields.name, async (tx, slug) => {
    const [row] = await tx
      .insert(networks)
      .values({ ...fields, slug, approval: "proposed", lastVerifiedAt: null, createdById: actor.id })
      .returning({ id: networks.id, slug: networks.slug, name: networks.name });
    if (!row) throw new Error("network insert returned nothing");
    await recordAudit(tx, { actorId: actor.id, action: "network.proposed", subjectType: "network", subjectId: row.id, data: { slug } });
    return row;
  });
  // After the commit: a mail that fails to go out must not undo the proposal.
  const db = await getDb();
  const [proposer] = await db.select({ name: users.name }).from(users).where(eq(users.id, actor.id));
  const admins = await db
    .select({ email: users.email, name: users.name, locale: users.locale })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.disabledAt)));
  for (const admin of admins) {
    await sendMail(
      composeNetworkMail("proposalReceived", admin.locale ?? "de", admin.email, {
        name: admin.name,
        network: network.name,
        proposer: proposer?.name ?? "",
        url: `${appUrl()}/admin/proposals`,
      }),
    );
  }
  return network;
}

/** Loads a proposal for a decision; only a pending one can be decided, and only once. */
async function decideProposal(tx: Tx, ref: string, decision: { approval: "approved" | "declined"; declineReason: string | null }): Promise<Network> {
  const [decided] = await tx
    .update(networks)
    .set({ approval: decision.approval, declineReason: decision.declineReason, ...(decision.approval === "approved" ? { lastVerifiedAt: new Date() } : {}) })
    .where(and(or(eq(networks.id, ref), eq(networks.slug, ref)), eq(networks.approval, "proposed")))
    .returning();
  if (decided) return decided;
  const [exists] = await tx
    .select({ id: networks.id })
    .from(networks)
    .where(or(eq(networks.id, ref), eq(networks.slug, ref)));
  throw exists ? new AppError("conflict", "The proposal was already decided") : new AppError("not_found", "Network not found");
}

async function mailProposer(network: Network, compose: (p: { name: string; email: string; locale: "de" | "en" }) => Parameters<typeof sendMail>[0]) {
  if (!network.createdById) return;
  const db = await getDb();
  const [proposer] = await db
    .select({ name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .where(eq(users.id, network.createdById));
  if (proposer) await sendMail(compose({ ...proposer, locale: proposer.locale ?? "de" }));
}

/** Admins approve a proposal: it enters the directory, and its proposer becomes its coordinator. */
export async function approveNetwork({ actor, input }: { actor: Actor | null; input: unknown }) {
  assertCan(actor, "network.approve");
  const { network: ref } = parseInput(ZNetworkOnly, input);
  const db = await getDb();
  const network = await db.transaction(async (tx) => {
    const row = await decideProposal(tx, ref, { approval: "approved", declineReason: null });
    if (row.createdById) {
      await tx
        .insert(networkMembers)
        .values({ networkId: row.id, userId: row.createdById, role: "coordinator" })
        .onConflictDoUpdate({ target: [networkMembers.networkId, networkMembers.userId], set: { role: "coordinator" } });
    }
    await recordAudit(tx, { actorId: actor.id, action: "network.approved", subjectType: "network", subjectId: row.id, data: { slug: row.slug } });
    await recordActivity(tx, { networkId: row.id, actorId: actor.id, verb: "network.approved", subjectType: "network", subjectId: row.id, summary: row.name });
    return row;
  });
  await mailProposer(network, (p) => composeNetworkMail("proposalApproved", p.locale, p.email, { name: p.name, network: network.name, url: networkUrl(network.slug) }));
  return network;
}

/** Admins decline a proposal with a reason, which the proposer reads in the mail. */
export async function declineNetwork({ actor, input }: { actor: Actor | null; input: unknown }) {
  assertCan(actor, "network.approve");
  const { network: ref, reason } = parseInput(ZDeclineNetwork, input);
  const db = await getDb();
  const network = await db.transaction(async (tx) => {
    const row = await decideProposal(tx, ref, { approval: "declined", declineReason: reason });
    await recordAudit(tx, { actorId: actor.id, action: "network.declined", subjectType: "network", subjectId: row.id, data: { slug: row.slug, reason } });
    return row;
  });
  await mailProposer(network, (p) =>
    composeNetworkMail("proposalDeclined", p.locale, p.email, { name: p.name, network: network.name, reason, url: `${appUrl()}/networks/new` }),
  );
  return network;
}

const EDITABLE: Array<keyof NetworkFields> = ["name", "focus", "description", "socialAreas", "hostName", "contact", "listed"];

/**
 * Coordinators and admins edit the entry. Saving it also vouches for it: an updated entry is a
 * current one, so it counts as confirmed (lastVerifiedAt = now), exactly like "confirm".
 * The slug stays: links to the network keep working after a rename.
 */
export async function updateNetwork({ actor, input }: { actor: Actor | null; input: unknown }) {
  const data = parseInput(ZUpdateNetwork, input);
  const fields = toNetworkFields(data);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { network, context } = await networkAccess(tx, actor, data.network);
    assertCanInNetwork(actor, context, "network.edit");
    const changed = EDITABLE.filter((key) => JSON.stringify(network[key]) !== JSON.stringify(fields[key]));
    await tx
      .update(networks)
      .set({ ...fields, lastVerifiedAt: new Date() })
      .where(eq(networks.id, network.id));
    await recordAudit(tx, { actorId: actor.id, action: "network.updated", subjectType: "network", subjectId: network.id, data: { changed } });
    await recordActivity(tx, { networkId: network.id, actorId: actor.id, verb: "network.updated", subjectType: "network", subjectId: network.id, summary: fields.name });
    return { id: network.id, slug: network.slug, changed };
  });
}

/** Active ⇄ paused, either → archived; only admins bring an archived network back (policy). */
export async function changeNetworkStatus({ actor, input }: { actor: Actor | null; input: unknown }) {
  const { network: ref, status } = parseInput(ZChangeNetworkStatus, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { network, context } = await networkAccess(tx, actor, ref);
    assertCanInNetwork(actor, context, "network.changeStatus");
    if (!isAllowedStatusChange(network.status, status)) {
      throw new AppError("invalid_input", `Status change ${network.status} → ${status} not allowed`, { fields: { status: ["statusChangeNotAllowed"] } });
    }
    // Guarded by the old status: of two concurrent changes, the second finds nothing to change.
    const [updated] = await tx
      .update(networks)
      .set({ status })
      .where(and(eq(networks.id, network.id), eq(networks.status, network.status)))
      .returning({ id: networks.id });
    if (!updated) throw new AppError("conflict", "The status changed meanwhile");
    await recordAudit(tx, { actorId: actor.id, action: "network.status_changed", subjectType: "network", subjectId: network.id, data: { from: network.status, to: status } });
    await recordActivity(tx, {
      networkId: network.id,
      actorId: actor.id,
      verb: "network.status_changed",
      subjectType: "network",
      subjectId: network.id,
      summary: `${network.status} → ${status}`,
    });
    return { id: network.id, slug: network.slug, from: network.status, to: status };
  });
}

/** "Still current": the coordinator (or an admin) vouches for the directory entry as it is. */
export async function confirmDirectoryEntry({ actor, input }: { actor: Actor | null; input: unknown }) {
  const { network: ref } = parseInput(ZNetworkOnly, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { network, context } = await networkAccess(tx, actor, ref);
    assertCanInNetwork(actor, context, "network.confirmListing");
    const lastVerifiedAt = new Date();
    await tx.update(networks).set({ lastVerifiedAt }).where(eq(networks.id, network.id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "network.listing_confirmed",
      subjectType: "network",
      subjectId: network.id,
      data: { previous: network.lastVerifiedAt?.toISOString() ?? null },
    });
    await recordActivity(tx, { networkId: network.id, actorId: actor.id, verb: "network.listing_confirmed", subjectType: "network", subjectId: network.id, summary: network.name });
    return { id: network.id, slug: network.slug, lastVerifiedAt };
  });
}
