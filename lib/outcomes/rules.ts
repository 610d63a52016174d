/**
 * Outcome rules that need no database. Form fields arrive flat; these turn them into the
 * structured conclusion the command (and the JSON API) takes.
 */

/** `resolution_<problemId>` / `note_<problemId>` pairs and checked `cardId`s plus free idea lines. */
export function conclusionFromForm(form: Record<string, unknown>, cards: ReadonlyArray<{ id: string; text: string }>) {
  const list = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);
  const cardIds = list(form.cardIds);
  const byId = new Map(cards.map((c) => [c.id, c.text]));
  const ideas: Array<{ title: string; note: string; cardId: string | null }> = cardIds.map((id) => ({
    // A card id that is not on this think-tank's boards reaches the command as-is and is refused there.
    title: (byId.get(id) ?? id).slice(0, 300),
    note: "",
    cardId: id,
  }));
  for (const line of String(form.ideas ?? "").split(/\r?\n/)) {
    const title = line.trim();
    if (title) ideas.push({ title, note: "", cardId: null });
  }
  const problems = Object.keys(form)
    .filter((k) => k.startsWith("resolution_"))
    .map((k) => {
      const problemId = k.slice("resolution_".length);
      return { problemId, resolution: form[k], note: typeof form[`note_${problemId}`] === "string" ? form[`note_${problemId}`] : "" };
    });
  return { thinkTankId: form.thinkTankId, summary: form.summary, decisions: form.decisions, ideas, problems };
}

/** The statuses a think-tank can be carried over from, and those that show up in the archive. */
export const CARRY_OVER_FROM = ["paused", "concluded"] as const;
export const ARCHIVE_STATUSES = ["concluded", "archived"] as const;

/** A safe file name for downloads: letters, digits and dashes. */
export function fileSlug(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return slug || "think-tank";
}
