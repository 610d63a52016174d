import "server-only";
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { networkMembers, networks, sectors, users, type NetworkContact, type Sector } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { assertCan, canInNetwork, type Actor, type NetworkContext } from "@/lib/policy";
import { allowedStatusChanges, isStale, staleCutoff } from "./rules";
import type { DirectoryQuery } from "./schemas";

/** Only the contact fields a network marked public leave the database for the directory. */
export function publicContact(contact: NetworkContact): Omit<NetworkContact, "public"> {
  const visible = new Set(contact.public ?? []);
  const out: Omit<NetworkContact, "public"> = {};
  for (const key of ["organisation", "person", "email", "phone", "website"] as const) {
    if (visible.has(key) && contact[key]) out[key] = contact[key];
  }
  return out;
}

/** Members without a sector in their profile are counted, as "not stated". */
export type SectorKey = Sector | "unspecified";
export type SectorMix = Array<{ sector: SectorKey; count: number }>;
const SECTOR_ORDER: SectorKey[] = [...sectors, "unspecified"];

/** Sector counts per network: the transsectoral mix, never who the members are. */
async function sectorMixes(networkIds: string[]): Promise<Map<string, SectorMix>> {
  const out = new Map<string, SectorMix>();
  if (!networkIds.length) return out;
  const db = await getDb();
  const rows = await db
    .select({ networkId: networkMembers.networkId, sector: users.sector, n: count() })
    .from(networkMembers)
    .innerJoin(users, eq(users.id, networkMembers.userId))
    .where(inArray(networkMembers.networkId, networkIds))
    .groupBy(networkMembers.networkId, users.sector);
  for (const row of rows) {
    const mix = out.get(row.networkId) ?? [];
    mix.push({ sector: row.sector ?? "unspecified", count: Number(row.n) });
    out.set(row.networkId, mix);
  }
  for (const mix of out.values()) mix.sort((a, b) => SECTOR_ORDER.indexOf(a.sector) - SECTOR_ORDER.indexOf(b.sector));
  return out;
}

// ---------------------------------------------------------------------------------------------
// The public directory
// ---------------------------------------------------------------------------------------------

export type DirectoryEntry = {
  slug: string;
  name: string;
  focus: string;
  description: string;
  socialAreas: string[];
  status: "active" | "paused" | "archived";
  hostName: string | null;
  contact: Omit<NetworkContact, "public">;
  lastVerifiedAt: Date | null;
  needsReview: boolean;
  memberCount: number;
  sectors: SectorMix;
};

const searchDocument = sql`(${networks.name} || ' ' || ${networks.focus} || ' ' || ${networks.description} || ' ' || array_to_string(${networks.socialAreas}, ' '))`;

function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * German full-text search (stems: "Schulen" finds "Schule"), plus a substring fallback so that
 * partial words ("Bildung" in "Bildungsnetzwerk", "Hasenb") match too: every word typed must occur.
 */
function searchCondition(q: string): SQL {
  const terms = q.split(/\s+/).filter(Boolean).slice(0, 10);
  const fullText = sql`to_tsvector('german', ${searchDocument}) @@ websearch_to_tsquery('german', ${q})`;
  const substrings = terms.map((term) => sql`${searchDocument} ilike ${likePattern(term)}`);
  return or(fullText, and(...substrings)) ?? fullText;
}

/** Every approved, listed network matching the query: public fields only. */
export async function listDirectory(query: Partial<DirectoryQuery> = {}): Promise<DirectoryEntry[]> {
  const db = await getDb();
  const conditions: SQL[] = [eq(networks.approval, "approved"), eq(networks.listed, true)];
  if (query.q) conditions.push(searchCondition(query.q));
  if (query.area) {
    conditions.push(sql`exists (select 1 from unnest(${networks.socialAreas}) as area where lower(area) = lower(${query.area}))`);
  }
  if (query.focus) conditions.push(sql`lower(${networks.focus}) = lower(${query.focus})`);
  if (query.status) conditions.push(eq(networks.status, query.status));
  const order = query.q
    ? [desc(sql`ts_rank(to_tsvector('german', ${searchDocument}), websearch_to_tsquery('german', ${query.q}))`), asc(networks.name)]
    : [asc(networks.name)];
  const rows = await db
    .select({
      id: networks.id,
      slug: networks.slug,
      name: networks.name,
      focus: networks.focus,
      description: networks.description,
      socialAreas: networks.socialAreas,
      contact: networks.contact,
      status: networks.status,
      hostName: networks.hostName,
      lastVerifiedAt: networks.lastVerifiedAt,
    })
    .from(networks)
    .where(and(...conditions))
    .orderBy(...order);
  const mixes = await sectorMixes(rows.map((r) => r.id));
  const now = new Date();
  return rows.map(({ id, contact, ...row }) => {
    const mix = mixes.get(id) ?? [];
    return {
      ...row,
      contact: publicContact(contact),
      needsReview: isStale(row.lastVerifiedAt, now),
      memberCount: mix.reduce((sum, s) => sum + s.count, 0),
      sectors: mix,
    };
  });
}

/** The values the directory's filters offer: every area and focus of a listed network. */
export async function directoryFilterOptions(): Promise<{ areas: string[]; focuses: string[] }> {
  const db = await getDb();
  const visible = and(eq(networks.approval, "approved"), eq(networks.listed, true));
  const rows = await db.select({ focus: networks.focus, socialAreas: networks.socialAreas }).from(networks).where(visible);
  const collator = new Intl.Collator("de");
  const uniq = (values: string[]) => {
    const seen = new Map<string, string>();
    for (const v of values) if (v && !seen.has(v.toLocaleLowerCase("de"))) seen.set(v.toLocaleLowerCase("de"), v);
    return [...seen.values()].sort(collator.compare);
  };
  return { areas: uniq(rows.flatMap((r) => r.socialAreas)), focuses: uniq(rows.map((r) => r.focus)) };
}

// ---------------------------------------------------------------------------------------------
// One network's public page
// ---------------------------------------------------------------------------------------------

async function loadWithRole(actor: Actor | null, slug: string) {
  const db = await getDb();
  const [row] = await db
    .select({ network: networks, networkRole: networkMembers.role, proposerName: users.name })
    .from(networks)
    .leftJoin(networkMembers, and(eq(networkMembers.networkId, networks.id), eq(networkMembers.userId, actor?.id ?? "")))
    .leftJoin(users, eq(users.id, networks.createdById))
    .where(eq(networks.slug, slug))
    .limit(1);
  return row ?? null;
}

export type NetworkMemberEntry = { id: string; name: string; organisation: string | null; sector: Sector | null; role: "coordinator" | "member" };

/**
 * The public page of a network. Approved and listed: everybody. Unlisted: only who sees its
 * Work-Space. Proposed or declined: only the proposer and admins. Everybody else: `not_found`,
 * as if it did not exist. Member names only for those who see the Work-Space.
 */
export async function getNetworkPage(actor: Actor | null, slug: string) {
  const row = await loadWithRole(actor, slug);
  if (!row) throw new AppError("not_found", "Network not found");
  const { network } = row;
  const context: NetworkContext = { networkRole: row.networkRole ?? null, status: network.status };
  const pending = network.approval !== "approved";
  const seesWorkspace = !pending && canInNetwork(actor, context, "network.viewWorkspace");
  const visible = pending ? Boolean(actor && (actor.role === "admin" || network.createdById === actor.id)) : network.listed || seesWorkspace;
  if (!visible) throw new AppError("not_found", "Network not found");

  const mix = (await sectorMixes([network.id])).get(network.id) ?? [];
  let members: NetworkMemberEntry[] | null = null;
  if (seesWorkspace) {
    const db = await getDb();
    members = await db
      .select({ id: users.id, name: users.name, organisation: users.organisation, sector: users.sector, role: networkMembers.role })
      .from(networkMembers)
      .innerJoin(users, eq(users.id, networkMembers.userId))
      .where(eq(networkMembers.networkId, network.id))
      .orderBy(asc(networkMembers.role), asc(users.name));
  }
  return {
    network: {
      id: network.id,
      slug: network.slug,
      name: network.name,
      focus: network.focus,
      description: network.description,
      socialAreas: network.socialAreas,
      status: network.status,
      hostName: network.hostName,
      listed: network.listed,
      approval: network.approval,
      declineReason: network.declineReason,
      contact: publicContact(network.contact),
      lastVerifiedAt: network.lastVerifiedAt,
      needsReview: isStale(network.lastVerifiedAt),
    },
    proposerName: row.proposerName,
    sectors: mix,
    memberCount: mix.reduce((sum, s) => sum + s.count, 0),
    members,
    viewer: {
      networkRole: context.networkRole,
      seesWorkspace,
      canEdit: !pending && canInNetwork(actor, context, "network.edit"),
      canChangeStatus: !pending && canInNetwork(actor, context, "network.changeStatus"),
      canConfirm: !pending && canInNetwork(actor, context, "network.confirmListing"),
    },
  };
}
export type NetworkPage = Awaited<ReturnType<typeof getNetworkPage>>;

/** Everything the settings page edits, including the non-public contact fields; coordinators and admins only. */
export async function getNetworkSettings(actor: Actor | null, slug: string) {
  const row = await loadWithRole(actor, slug);
  if (!row || row.network.approval !== "approved") throw new AppError("not_found", "Network not found");
  const context: NetworkContext = { networkRole: row.networkRole ?? null, status: row.network.status };
  const canEdit = canInNetwork(actor, context, "network.edit");
  const canChangeStatus = canInNetwork(actor, context, "network.changeStatus");
  const canConfirm = canInNetwork(actor, context, "network.confirmListing");
  if (!canEdit && !canChangeStatus && !canConfirm) {
    throw new AppError(canInNetwork(actor, context, "network.viewWorkspace") ? "forbidden" : "not_found", "Network settings not available");
  }
  const { network } = row;
  return {
    network: {
      id: network.id,
      slug: network.slug,
      name: network.name,
      focus: network.focus,
      description: network.description,
      socialAreas: network.socialAreas,
      hostName: network.hostName,
      contact: network.contact,
      listed: network.listed,
      status: network.status,
      lastVerifiedAt: network.lastVerifiedAt,
      needsReview: isStale(network.lastVerifiedAt),
    },
    canEdit,
    canChangeStatus,
    canConfirm,
    // The policy still decides per change; this is what the form offers.
    statusOptions: canChangeStatus ? allowedStatusChanges(network.status) : [],
  };
}

// ---------------------------------------------------------------------------------------------
// Admin lists
// ---------------------------------------------------------------------------------------------

/** Proposals waiting for a decision, oldest first. */
export async function listProposals(actor: Actor | null) {
  assertCan(actor, "network.approve");
  const db = await getDb();
  return db
    .select({
      id: networks.id,
      slug: networks.slug,
      name: networks.name,
      focus: networks.focus,
      description: networks.description,
      socialAreas: networks.socialAreas,
      createdAt: networks.createdAt,
      proposerName: users.name,
      proposerEmail: users.email,
    })
    .from(networks)
    .leftJoin(users, eq(users.id, networks.createdById))
    .where(eq(networks.approval, "proposed"))
    .orderBy(asc(networks.createdAt));
}

/** A network's name for the admins' notices ("… is approved"), by slug; null when there is none. */
export async function networkNameForAdmin(actor: Actor | null, slug: string): Promise<string | null> {
  assertCan(actor, "network.approve");
  const db = await getDb();
  const [row] = await db.select({ name: networks.name }).from(networks).where(eq(networks.slug, slug));
  return row?.name ?? null;
}

/** Approved networks nobody confirmed for 12 months (or ever), longest-unconfirmed first. */
export async function listStaleEntries(actor: Actor | null, now: Date = new Date()) {
  assertCan(actor, "network.approve");
  const db = await getDb();
  const rows = await db
    .select({
      id: networks.id,
      slug: networks.slug,
      name: networks.name,
      status: networks.status,
      listed: networks.listed,
      lastVerifiedAt: networks.lastVerifiedAt,
    })
    .from(networks)
    .where(and(eq(networks.approval, "approved"), or(isNull(networks.lastVerifiedAt), lte(networks.lastVerifiedAt, staleCutoff(now)))))
    .orderBy(sql`${networks.lastVerifiedAt} asc nulls first`, asc(networks.name));
  const coordinators = rows.length
    ? await db
        .select({ networkId: networkMembers.networkId, name: users.name, email: users.email })
        .from(networkMembers)
        .innerJoin(users, eq(users.id, networkMembers.userId))
        .where(and(inArray(networkMembers.networkId, rows.map((r) => r.id)), eq(networkMembers.role, "coordinator")))
        .orderBy(asc(users.name))
    : [];
  return rows.map((r) => ({ ...r, coordinators: coordinators.filter((c) => c.networkId === r.id).map(({ name, email }) => ({ name, email })) }));
}

export async function listMyNetworks(actor: Actor) {
  const db = await getDb();
  return db
    .select({ id: networks.id, slug: networks.slug, name: networks.name, focus: networks.focus, status: networks.status, role: networkMembers.role })
    .from(networkMembers)
    .innerJoin(networks, eq(networks.id, networkMembers.networkId))
    .where(eq(networkMembers.userId, actor.id))
    .orderBy(asc(networks.name));
}

/**
 * Networks whose Work-Space the actor sees: their own memberships, and for the host's admins and
 * moderators every approved network (they watch all Work-Spaces).
 */
export async function listWorkspaceNetworks(actor: Actor) {
  const db = await getDb();
  const hostStaff = actor.role === "admin" || actor.role === "moderator";
  return db
    .select({
      id: networks.id,
      slug: networks.slug,
      name: networks.name,
      focus: networks.focus,
      status: networks.status,
      listed: networks.listed,
      role: networkMembers.role,
    })
    .from(networks)
    .leftJoin(networkMembers, and(eq(networkMembers.networkId, networks.id), eq(networkMembers.userId, actor.id)))
    .where(and(eq(networks.approval, "approved"), hostStaff ? undefined : isNotNull(networkMembers.userId)))
    .orderBy(asc(networks.name));
}
