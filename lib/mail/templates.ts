import type { Locale } from "@/db/schema";
import { translator } from "@/lib/i18n/messages";
import type { Mail } from "./send";

type Templates = {
  magicLink: { name: string; url: string };
  passwordReset: { name: string; url: string };
  welcome: { name: string; url: string };
};

/** Mails are written in the recipient's language, from the `emails` namespace of the message files. */
export function composeMail<K extends keyof Templates>(kind: K, locale: Locale, to: string, params: Templates[K]): Mail {
  // Loosely typed on purpose: the key is computed from `kind`, the params are checked by Templates.
  const t = translator(locale, "emails") as unknown as (key: string, values: Record<string, string>) => string;
  return {
    to,
    kind,
    subject: t(`${kind}.subject`, params),
    text: t(`${kind}.body`, params),
  };
}
