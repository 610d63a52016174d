import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { announcements, networkMembers, networks, users } from "@/db/schema";
import { networkAccess } from "@/lib/networks/access";
import { assertSignedIn, canInNetwork, type Actor } from "@/lib/policy";
import { readUnsubscribeToken } from "@/lib/unsubscribe";

/** The network's announcements, newest first, and whether the actor may send or mute. */
export async function listAnnouncements(actor: Actor | null, networkRef: string, options: { limit?: number } = {}) {
  assertSignedIn(actor);
  const db = await getDb();
  const { network, context } = await networkAccess(db, actor, networkRef);
  const rows = await db
    .select({ id: announcements.id, subject: announcements.subject, body: announcements.body, createdAt: announcements.createdAt, authorName: users.name })
    .from(announcements)
    .leftJoin(users, eq(users.id, announcements.authorId))
    .where(eq(announcements.networkId, network.id))
    .orderBy(desc(announcements.createdAt), desc(announcements.id))
    .limit(Math.min(options.limit ?? 100, 500));
  let muted: boolean | null = null;
  if (context.networkRole) {
    const [membership] = await db
      .select({ muted: networkMembers.announcementsMuted })
      .from(networkMembers)
      .where(and(eq(networkMembers.networkId, network.id), eq(networkMembers.userId, actor.id)));
    muted = membership?.muted ?? null;
  }
  return {
    network: { id: network.id, slug: network.slug, name: network.name, status: network.status },
    announcements: rows,
    canSend: canInNetwork(actor, context, "announcement.send"),
    canMute: canInNetwork(actor, context, "announcement.mute") && muted !== null,
    /** null when the actor is not a member (admins and moderators looking in). */
    muted,
  };
}

/** What the unsubscribe page shows for a token: null when the token is not genuine. */
export async function describeUnsubscribeToken(token: string) {
  const subject = await readUnsubscribeToken(token);
  if (!subject) return null;
  const db = await getDb();
  const [network] = await db.select({ name: networks.name }).from(networks).where(eq(networks.id, subject.networkId));
  if (!network) return null;
  const [membership] = await db
    .select({ muted: networkMembers.announcementsMuted })
    .from(networkMembers)
    .where(and(eq(networkMembers.networkId, subject.networkId), eq(networkMembers.userId, subject.userId)));
  return { networkName: network.name, isMember: Boolean(membership), muted: membership?.muted ?? true };
}
