import { createTranslator } from "next-intl";
import type { Locale } from "@/db/schema";
import de from "./messages/de.json";
import deApi from "./messages/de.api.json";
import deMembers from "./messages/de.members.json";
import deNetworks from "./messages/de.networks.json";
import deProblems from "./messages/de.problems.json";
import deWorkspace from "./messages/de.workspace.json";
import en from "./messages/en.json";
import enApi from "./messages/en.api.json";
import enMembers from "./messages/en.members.json";
import enNetworks from "./messages/en.networks.json";
import enProblems from "./messages/en.problems.json";
import enWorkspace from "./messages/en.workspace.json";

/*
 * One file per area and language (de.json holds the shell, auth, profile and admin); each area's
 * file holds its own top-level namespaces, so the merge below never overwrites anything.
 */
const deAll = { ...de, ...deNetworks, ...deWorkspace, ...deProblems, ...deApi, ...deMembers };
const enAll = { ...en, ...enNetworks, ...enWorkspace, ...enProblems, ...enApi, ...enMembers };

export type Messages = typeof deAll;
export const messages: Record<Locale, Messages> = { de: deAll, en: enAll as Messages };

/** A translator usable outside React (mails, API errors, server start-up). */
export function translator<N extends keyof Messages>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: messages[locale], namespace });
}
