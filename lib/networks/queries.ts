import "server-only";
import { asc, count, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { networkMembers, networks, type NetworkContact } from "@/db/schema";
import type { Actor } from "@/lib/policy";

/** Only the contact fields a network marked public leave the database for the directory. */
export function publicContact(contact: NetworkContact): Omit<NetworkContact, "public"> {
  const visible = new Set(contact.public ?? []);
  const out: Omit<NetworkContact, "public"> = {};
  for (const key of ["organisation", "person", "email", "phone", "website"] as const) {
    if (visible.has(key) && contact[key]) out[key] = contact[key];
  }
  return out;
}

export async function listDirectory() {
  const db = await getDb();
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
      memberCount: count(networkMembers.userId),
    })
    .from(networks)
    .leftJoin(networkMembers, eq(networkMembers.networkId, networks.id))
    .where(eq(networks.listed, true))
    .groupBy(networks.id)
    .orderBy(asc(networks.name));
  return rows.map(({ contact, ...row }) => ({ ...row, contact: publicContact(contact) }));
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
