import type { Locale, NetworkRole } from "@/db/schema";
import { appUrl } from "@/lib/env";
import { translator } from "@/lib/i18n/messages";
import type { Mail } from "@/lib/mail/send";

/** Mails about memberships, composed in the recipient's language from the `memberEmails` namespace. */
export type MemberMail = { to: string; locale: Locale } & (
  | { kind: "invitation"; params: { network: string; inviter: string; role: NetworkRole; token: string; expiresAt: Date } }
  | { kind: "joinRequested"; params: { network: string; slug: string; requester: string } }
  | { kind: "joinApproved" | "joinDeclined"; params: { network: string; slug: string; name: string } }
);

export function invitationUrl(token: string): string {
  return `${appUrl()}/invitations/${encodeURIComponent(token)}`;
}

export function composeMemberMail(mail: MemberMail): Mail {
  const t = translator(mail.locale, "memberEmails");
  const base = appUrl();
  let values: Record<string, string>;
  switch (mail.kind) {
    case "invitation": {
      const { network, inviter, role, token, expiresAt } = mail.params;
      const expires = new Intl.DateTimeFormat(mail.locale === "en" ? "en-GB" : "de-DE", { dateStyle: "long", timeZone: "Europe/Berlin" }).format(expiresAt);
      values = { network, inviter, role: t(`roles.${role}`), expires, url: invitationUrl(token) };
      break;
    }
    case "joinRequested":
      values = { network: mail.params.network, requester: mail.params.requester, url: `${base}/networks/${mail.params.slug}/workspace/members` };
      break;
    case "joinApproved":
      values = { network: mail.params.network, name: mail.params.name, url: `${base}/networks/${mail.params.slug}/workspace` };
      break;
    case "joinDeclined":
      values = { network: mail.params.network, name: mail.params.name, url: `${base}/networks` };
      break;
  }
  // Loosely typed on purpose: the key is computed from `kind`; the values are checked above.
  const tt = t as unknown as (key: string, values: Record<string, string>) => string;
  return { to: mail.to, kind: `member.${mail.kind}`, subject: tt(`${mail.kind}.subject`, values), text: tt(`${mail.kind}.body`, values) };
}
