import type { Locale, ThinkTankRole } from "@/db/schema";
import { appUrl } from "@/lib/env";
import { translator } from "@/lib/i18n/messages";
import type { Mail } from "@/lib/mail/send";

/** Mails about think-tank participation, in the recipient's language (`participantsEmails` namespace). */
export type ParticipantMail = { to: string; locale: Locale } & (
  | { kind: "invitation"; params: { thinkTank: string; question: string; inviter: string; role: ThinkTankRole; token: string; expiresAt: Date; message: string } }
  | { kind: "added"; params: { thinkTank: string; question: string; inviter: string; role: ThinkTankRole; thinkTankId: string } }
  | { kind: "accepted" | "declined"; params: { thinkTank: string; person: string; role: ThinkTankRole; thinkTankId: string } }
);

export function thinkTankInvitationUrl(token: string): string {
  return `${appUrl()}/think-tank-invitations/${encodeURIComponent(token)}`;
}

export function composeParticipantMail(mail: ParticipantMail): Mail {
  const t = translator(mail.locale, "participantsEmails");
  const base = appUrl();
  let values: Record<string, string>;
  switch (mail.kind) {
    case "invitation": {
      const { thinkTank, question, inviter, role, token, expiresAt, message } = mail.params;
      const expires = new Intl.DateTimeFormat(mail.locale === "en" ? "en-GB" : "de-DE", { dateStyle: "long", timeZone: "Europe/Berlin" }).format(expiresAt);
      const note = message ? t("invitation.note", { inviter, message }) : "";
      values = { thinkTank, question, inviter, role: t(`roles.${role}`), expires, url: thinkTankInvitationUrl(token), note };
      break;
    }
    case "added":
      values = {
        thinkTank: mail.params.thinkTank,
        question: mail.params.question,
        inviter: mail.params.inviter,
        role: t(`roles.${mail.params.role}`),
        url: `${base}/think-tanks/${mail.params.thinkTankId}`,
      };
      break;
    case "accepted":
    case "declined":
      values = { thinkTank: mail.params.thinkTank, person: mail.params.person, role: t(`roles.${mail.params.role}`), url: `${base}/think-tanks/${mail.params.thinkTankId}/participants` };
      break;
  }
  // Loosely typed on purpose: the key is computed from `kind`; the values are checked above.
  const tt = t as unknown as (key: string, values: Record<string, string>) => string;
  return { to: mail.to, kind: `thinkTank.${mail.kind}`, subject: tt(`${mail.kind}.subject`, values), text: tt(`${mail.kind}.body`, values) };
}
