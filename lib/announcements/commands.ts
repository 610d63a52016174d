import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { announcements, networkMembers, networks, users, type Locale } from "@/db/schema";
import { recordAudit } from "@/lib/audit/commands";
import { appUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { translator } from "@/lib/i18n/messages";
import { sendMail } from "@/lib/mail/send";
import { networkAccess } from "@/lib/networks/access";
import { recordActivity } from "@/lib/networks/activity";
import { assertCanInNetwork, assertSignedIn, type Actor } from "@/lib/policy";
import { ZNetworkRef } from "@/lib/problems/schemas";
import { readUnsubscribeToken, unsubscribeUrl } from "@/lib/unsubscribe";
import { parseInput } from "@/lib/validation";
import { ZSendAnnouncement, ZUnsubscribe } from "./schemas";

type Command = { actor: Actor | null; input: unknown };

export type AnnouncementMailParams = {
  name: string;
  author: string;
  network: string;
  subject: string;
  body: string;
  url: string;
  unsubscribeUrl: string;
};

/** The announcement e-mail in the recipient's language (namespace `announcementEmails`). */
export function composeAnnouncementMail(locale: Locale, to: string, params: AnnouncementMailParams) {
  const t = translator(locale, "announcementEmails") as unknown as (key: string, values: Record<string, string>) => string;
  return { to, kind: "announcement", subject: t("subject", params), text: t("body", params) };
}

/**
 * A coordinator writes to the network's distribution list: the announcement is stored (and shown
 * in the Work-Space) in one transaction, then mailed to every member who has not muted
 * announcements, each mail with a personal unsubscribe link. Mails go out after the commit, so a
 * failing mail server never loses the announcement itself (sendMail records failures).
 */
export async function sendAnnouncement({ actor, input }: Command) {
  assertSignedIn(actor);
  const db = await getDb();
  const { network: ref } = parseInput(ZNetworkRef, input);
  const { network, context } = await networkAccess(db, actor, ref);
  assertCanInNetwork(actor, context, "announcement.send");
  const data = parseInput(ZSendAnnouncement, input);

  const announcement = await db.transaction(async (tx) => {
    const [row] = await tx.insert(announcements).values({ networkId: network.id, authorId: actor.id, ...data }).returning();
    if (!row) throw new Error("announcement insert returned nothing");
    await recordActivity(tx, {
      networkId: network.id,
      actorId: actor.id,
      verb: "announcement.sent",
      subjectType: "announcement",
      subjectId: row.id,
      summary: row.subject,
    });
    return row;
  });

  const [author] = await db.select({ name: users.name }).from(users).where(eq(users.id, actor.id));
  const recipients = await db
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(networkMembers)
    .innerJoin(users, eq(users.id, networkMembers.userId))
    .where(and(eq(networkMembers.networkId, network.id), eq(networkMembers.announcementsMuted, false), isNull(users.disabledAt)));
  const url = `${appUrl()}/networks/${encodeURIComponent(network.slug)}/workspace/announcements`;
  for (const r of recipients) {
    await sendMail(
      composeAnnouncementMail(r.locale ?? "de", r.email, {
        name: r.name,
        author: author?.name ?? "",
        network: network.name,
        subject: announcement.subject,
        body: announcement.body,
        url,
        unsubscribeUrl: await unsubscribeUrl({ userId: r.id, networkId: network.id }),
      }),
    );
  }
  return { announcement, recipients: recipients.length };
}

/**
 * The unsubscribe link of an announcement e-mail, used without signing in: the signed token names
 * exactly one member and one network, and only that membership is muted. Someone who has left the
 * network meanwhile gets no more mails anyway; that is a success, not an error.
 */
export async function unsubscribeFromAnnouncements({ input }: { input: unknown }) {
  const { token } = parseInput(ZUnsubscribe, input);
  const subject = await readUnsubscribeToken(token);
  if (!subject) throw new AppError("token_invalid", "Unsubscribe link invalid", { fields: { token: ["tokenInvalid"] } });
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [network] = await tx.select({ id: networks.id, name: networks.name }).from(networks).where(eq(networks.id, subject.networkId));
    if (!network) throw new AppError("token_invalid", "Network no longer exists");
    const [row] = await tx
      .update(networkMembers)
      .set({ announcementsMuted: true })
      .where(and(eq(networkMembers.networkId, subject.networkId), eq(networkMembers.userId, subject.userId)))
      .returning({ userId: networkMembers.userId });
    if (row) {
      await recordAudit(tx, {
        actorId: subject.userId,
        action: "announcements.unsubscribed",
        subjectType: "network",
        subjectId: subject.networkId,
        data: { via: "email_link" },
      });
    }
    return { networkName: network.name, muted: true, wasMember: Boolean(row) };
  });
}
