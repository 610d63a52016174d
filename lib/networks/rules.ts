/*
 * Pure rules of the directory and of networks: no database, no framework, unit-tested.
 */

export type NetworkStatus = "active" | "paused" | "archived";

/** A directory entry nobody confirmed for this many months "needs review". */
export const STALE_AFTER_MONTHS = 12;

/**
 * The same calendar date `months` earlier (in UTC); a day that does not exist in the target month
 * falls back to the month's last day (29 Feb 2024 minus 12 months → 28 Feb 2023).
 */
export function monthsBefore(date: Date, months: number): Date {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() - months;
  const target = new Date(Date.UTC(year, month, 1, date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target;
}

/** Entries last confirmed at or before this instant are stale; the SQL queries use the same cutoff. */
export function staleCutoff(now: Date = new Date()): Date {
  return monthsBefore(now, STALE_AFTER_MONTHS);
}

/** Never confirmed counts as stale: somebody has to vouch for an entry before it is "current". */
export function isStale(lastVerifiedAt: Date | null | undefined, now: Date = new Date()): boolean {
  if (!lastVerifiedAt) return true;
  return lastVerifiedAt.getTime() <= staleCutoff(now).getTime();
}

// ---------------------------------------------------------------------------------------------
// Slugs
// ---------------------------------------------------------------------------------------------

/** Slugs that are routes of their own under /networks/. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set(["new"]);
export const SLUG_MAX_LENGTH = 60;

const TRANSLITERATIONS: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss", æ: "ae", ø: "oe", å: "aa", œ: "oe", ł: "l", đ: "d", þ: "th" };

/** "Bürgerforum Süd – Straße & Platz" → "buergerforum-sued-strasse-platz"; never empty. */
export function slugify(name: string): string {
  const lower = name.toLowerCase().replace(/[äöüßæøåœłđþ]/g, (c) => TRANSLITERATIONS[c] ?? c);
  const ascii = lower.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  const slug = ascii
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/-+$/g, "");
  return slug || "netzwerk";
}

/** The first free slug for a base: "binet", "binet-2", "binet-3" …; reserved words never. */
export function uniqueSlug(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const free = (slug: string) => !used.has(slug) && !RESERVED_SLUGS.has(slug);
  if (free(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, SLUG_MAX_LENGTH - suffix.length).replace(/-+$/g, "")}${suffix}`;
    if (free(candidate)) return candidate;
  }
}

// ---------------------------------------------------------------------------------------------
// Status
// ---------------------------------------------------------------------------------------------

/**
 * Which status changes exist. Who may make them is the policy's business (coordinators and admins
 * while active or paused; only admins restore an archived network). Archived networks come back
 * as active, never straight into the resting state.
 */
const STATUS_TRANSITIONS: Record<NetworkStatus, readonly NetworkStatus[]> = {
  active: ["paused", "archived"],
  paused: ["active", "archived"],
  archived: ["active"],
};

export function allowedStatusChanges(from: NetworkStatus): readonly NetworkStatus[] {
  return STATUS_TRANSITIONS[from];
}

export function isAllowedStatusChange(from: NetworkStatus, to: NetworkStatus): boolean {
  return STATUS_TRANSITIONS[from].includes(to);
}

// ---------------------------------------------------------------------------------------------
// CSV (RFC 4180, for Excel: UTF-8 with BOM, CRLF line ends)
// ---------------------------------------------------------------------------------------------

export const CSV_BOM = "\uFEFF";

/**
 * One CSV cell. Cells beginning with = + - @ or a control character are what spreadsheets run as
 * formulas (CSV injection, OWASP): they get a leading apostrophe so they stay plain text.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null | undefined>>): string {
  return CSV_BOM + rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
