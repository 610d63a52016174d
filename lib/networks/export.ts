import { sectors, type Locale } from "@/db/schema";
import { translator } from "@/lib/i18n/messages";
import type { DirectoryEntry, SectorKey } from "./queries";
import { toCsv } from "./rules";

/** The published shape of a directory entry (JSON API); public fields only, stable keys. */
export function directoryJson(entry: DirectoryEntry, baseUrl: string) {
  return {
    slug: entry.slug,
    name: entry.name,
    url: `${baseUrl}/networks/${encodeURIComponent(entry.slug)}`,
    focus: entry.focus,
    description: entry.description,
    socialAreas: entry.socialAreas,
    status: entry.status,
    hostName: entry.hostName,
    contact: entry.contact,
    lastVerifiedAt: entry.lastVerifiedAt?.toISOString() ?? null,
    needsReview: entry.needsReview,
    memberCount: entry.memberCount,
    sectors: Object.fromEntries(entry.sectors.map((s) => [s.sector, s.count])) as Partial<Record<SectorKey, number>>,
  };
}

const SECTOR_COLUMNS: SectorKey[] = [...sectors, "unspecified"];
const CONTACT_COLUMNS = ["organisation", "person", "email", "phone", "website"] as const;

/** The same entries as a spreadsheet: one row per network, one column per contact field and sector. */
export function directoryCsv(entries: DirectoryEntry[], locale: Locale, baseUrl: string): string {
  const t = translator(locale, "directory");
  const ts = translator(locale, "sectors");
  const header = [
    t("csv.name"),
    t("csv.url"),
    t("csv.focus"),
    t("csv.description"),
    t("csv.areas"),
    t("csv.status"),
    t("csv.host"),
    ...CONTACT_COLUMNS.map((c) => t(`contactFields.${c}`)),
    t("csv.lastVerified"),
    t("csv.needsReview"),
    t("csv.members"),
    ...SECTOR_COLUMNS.map((s) => (s === "unspecified" ? t("sectorNames.unspecified") : ts(s))),
  ];
  const rows = entries.map((e) => {
    const bySector = new Map(e.sectors.map((s) => [s.sector, s.count]));
    return [
      e.name,
      `${baseUrl}/networks/${encodeURIComponent(e.slug)}`,
      e.focus,
      e.description,
      e.socialAreas.join("; "),
      t(`status.${e.status}`),
      e.hostName ?? "",
      ...CONTACT_COLUMNS.map((c) => e.contact[c] ?? ""),
      e.lastVerifiedAt ? e.lastVerifiedAt.toISOString().slice(0, 10) : "",
      e.needsReview ? t("csv.yes") : t("csv.no"),
      e.memberCount,
      ...SECTOR_COLUMNS.map((s) => bySector.get(s) ?? 0),
    ];
  });
  return toCsv([header, ...rows]);
}
