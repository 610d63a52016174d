import { createTranslator } from "next-intl";
import type { Locale } from "@/db/schema";
import de from "./messages/de.json";
import en from "./messages/en.json";

export type Messages = typeof de;
export const messages: Record<Locale, Messages> = { de, en };

/** A translator usable outside React (mails, API errors, server start-up). */
export function translator<N extends keyof Messages>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: messages[locale], namespace });
}
