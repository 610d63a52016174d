import { createTranslator } from "next-intl";
import type { Locale } from "@/db/schema";
import de from "./messages/de.json";
import deApi from "./messages/de.api.json";
import deBoards from "./messages/de.boards.json";
import deMembers from "./messages/de.members.json";
import deNetworks from "./messages/de.networks.json";
import deOutcomes from "./messages/de.outcomes.json";
import deProblems from "./messages/de.problems.json";
import deThinkTanks from "./messages/de.thinktanks.json";
import deWorkspace from "./messages/de.workspace.json";
import en from "./messages/en.json";
import enApi from "./messages/en.api.json";
import enBoards from "./messages/en.boards.json";
import enMembers from "./messages/en.members.json";
import enNetworks from "./messages/en.networks.json";
import enOutcomes from "./messages/en.outcomes.json";
import enProblems from "./messages/en.problems.json";
import enThinkTanks from "./messages/en.thinktanks.json";
import enWorkspace from "./messages/en.workspace.json";

/*
 * One file per area and language (de.json holds the shell, auth, profile and admin); each area's
 * file holds its own top-level namespaces, so the merge below never overwrites anything.
 */
const deAll = { ...de, ...deNetworks, ...deWorkspace, ...deProblems, ...deApi, ...deMembers, ...deThinkTanks, ...deOutcomes, ...deBoards };
const enAll = { ...en, ...enNetworks, ...enWorkspace, ...enProblems, ...enApi, ...enMembers, ...enThinkTanks, ...enOutcomes, ...enBoards };

export type Messages = typeof deAll;
export const messages: Record<Locale, Messages> = { de: deAll, en: enAll as Messages };

/** A translator usable outside React (mails, API errors, server start-up). */
export function translator<N extends keyof Messages>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: messages[locale], namespace });
}
