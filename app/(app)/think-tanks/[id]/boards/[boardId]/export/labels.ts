import "server-only";
import { getTranslations } from "next-intl/server";
import type { BoardExportLabels } from "@/lib/boards/export";

/** The export's words in the reader's language. */
export async function exportLabels(): Promise<BoardExportLabels> {
  const [t, tc] = await Promise.all([getTranslations("boardExport"), getTranslations("boardColours")]);
  return {
    canvas: t("canvas"),
    group: (title) => t("group", { title }),
    untitledGroup: t("untitledGroup"),
    votes: (count) => t("votes", { count }),
    author: (name) => t("author", { name }),
    empty: t("empty"),
    anonymousNote: t("anonymousNote"),
    csvHeader: { column: t("column"), group: t("groupHeader"), text: t("text"), colour: t("colour"), votes: t("votesHeader"), author: t("authorHeader") },
    colour: (colour) => tc(colour),
  };
}
