import type { Locale } from "@/db/schema";
import { translator } from "@/lib/i18n/messages";
import type { Mail } from "@/lib/mail/send";

type NetworkMailTemplates = {
  proposalApproved: { name: string; network: string; url: string };
  proposalDeclined: { name: string; network: string; reason: string; url: string };
  proposalReceived: { name: string; network: string; proposer: string; url: string };
};

/** The directory's mails, in the recipient's language, from the `networkEmails` namespace. */
export function composeNetworkMail<K extends keyof NetworkMailTemplates>(kind: K, locale: Locale, to: string, params: NetworkMailTemplates[K]): Mail {
  // Loosely typed on purpose: the key is computed from `kind`, the params are checked by the map above.
  const t = translator(locale, "networkEmails") as unknown as (key: string, values: Record<string, string>) => string;
  return { to, kind: `network.${kind}`, subject: t(`${kind}.subject`, params), text: t(`${kind}.body`, params) };
}
