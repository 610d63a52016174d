import type { Locale } from "@/db/schema";
import { appUrl } from "@/lib/env";
import { translator } from "@/lib/i18n/messages";
import type { Mail } from "@/lib/mail/send";

/** Think-tank mails, composed in the recipient's language from the `thinkTankEmails` namespace. */
export type ThinkTankMail = { to: string; locale: Locale } & (
  | { kind: "problemsEscalated"; params: { name: string; network: string; slug: string; thinkTank: string; problems: { id: string; title: string }[] } }
  | { kind: "phaseStarted"; params: { name: string; thinkTank: string; thinkTankId: string; phase: string; goal: string } }
);

export function thinkTankUrl(thinkTankId: string): string {
  return `${appUrl()}/think-tanks/${encodeURIComponent(thinkTankId)}`;
}

export function composeThinkTankMail(mail: ThinkTankMail): Mail {
  const t = translator(mail.locale, "thinkTankEmails");
  const base = appUrl();
  let values: Record<string, string>;
  switch (mail.kind) {
    case "problemsEscalated": {
      const { name, network, slug, thinkTank, problems } = mail.params;
      const list = problems.map((p) => `- ${p.title}: ${base}/networks/${slug}/workspace/problems/${p.id}`).join("\n");
      values = { name, network, thinkTank, problems: list };
      break;
    }
    case "phaseStarted": {
      const { name, thinkTank, thinkTankId, phase, goal } = mail.params;
      values = { name, thinkTank, phase, goal: goal || "–", url: thinkTankUrl(thinkTankId) };
      break;
    }
  }
  // Loosely typed on purpose: the key is computed from `kind`; the values are checked above.
  const tt = t as unknown as (key: string, values: Record<string, string>) => string;
  return { to: mail.to, kind: `thinkTank.${mail.kind}`, subject: tt(`${mail.kind}.subject`, values), text: tt(`${mail.kind}.body`, values) };
}
