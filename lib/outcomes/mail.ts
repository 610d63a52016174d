import type { Locale } from "@/db/schema";
import { appUrl } from "@/lib/env";
import { translator } from "@/lib/i18n/messages";
import type { Mail } from "@/lib/mail/send";

/** Mails about outcomes, in the recipient's language (`outcomeEmails` namespace). */
export type OutcomeMail = { to: string; locale: Locale } & {
  kind: "concluded";
  params: { thinkTank: string; question: string; summary: string; network: string; slug: string };
};

export function composeOutcomeMail(mail: OutcomeMail): Mail {
  const t = translator(mail.locale, "outcomeEmails");
  // Origin networks read the outcome on their Work-Space (the think-tank itself may be participants-only).
  const values = { ...mail.params, url: `${appUrl()}/networks/${encodeURIComponent(mail.params.slug)}/workspace` };
  return { to: mail.to, kind: `thinkTank.${mail.kind}`, subject: t("concluded.subject", values), text: t("concluded.body", values) };
}
