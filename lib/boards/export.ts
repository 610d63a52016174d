import type { BoardCardState, BoardGroupState, BoardSnapshot } from "@/lib/realtime/events";

/*
 * Board exports (Markdown and CSV) built from the snapshot the reader is allowed to see: authors
 * are taken only from the cards, and the server never puts an author on a card of an anonymous
 * board, so an export of an anonymous board cannot name anybody. Votes appear only where the
 * snapshot carries totals (hidden, unrevealed votes are absent there as well).
 */

export type BoardExportLabels = {
  /** Heading for cards of a canvas board (it has no columns). */
  canvas: string;
  /** "Gruppe: {title}". */
  group: (title: string) => string;
  untitledGroup: string;
  votes: (count: number) => string;
  author: (name: string) => string;
  empty: string;
  anonymousNote: string;
  csvHeader: { column: string; group: string; text: string; colour: string; votes: string; author: string };
  colour: (colour: BoardCardState["colour"]) => string;
};

type Section = { id: string | null; title: string; groups: Array<{ group: BoardGroupState | null; cards: BoardCardState[] }> };

function byPosition(a: BoardCardState, b: BoardCardState): number {
  return a.position - b.position || a.id.localeCompare(b.id);
}

/** Columns (or the canvas) in order, each with its ungrouped cards first and then its groups. */
export function boardSections(snapshot: BoardSnapshot, labels: Pick<BoardExportLabels, "canvas">): Section[] {
  const live = snapshot.cards.filter((c) => !c.deleted);
  const groupsById = new Map(snapshot.groups.map((g) => [g.id, g]));
  const columnIds = new Set(snapshot.columns.map((c) => c.id));
  const sections: Array<{ id: string | null; title: string }> =
    snapshot.board.kind === "columns" && snapshot.columns.length > 0
      ? [...snapshot.columns].sort((a, b) => a.position - b.position).map((c) => ({ id: c.id, title: c.title }))
      : [{ id: null, title: labels.canvas }];
  const firstId = sections[0]?.id ?? null;
  const sectionOf = (card: BoardCardState): string | null => {
    if (snapshot.board.kind !== "columns") return null;
    const group = card.groupId ? groupsById.get(card.groupId) : undefined;
    const column = card.columnId ?? group?.columnId ?? null;
    return column && columnIds.has(column) ? column : firstId;
  };
  return sections.map((section) => {
    const cards = live.filter((c) => sectionOf(c) === section.id).sort(byPosition);
    const loose = cards.filter((c) => !c.groupId || !groupsById.has(c.groupId));
    const groupIds = [...new Set(cards.filter((c) => c.groupId && groupsById.has(c.groupId)).map((c) => c.groupId as string))];
    const groups = groupIds
      .map((id) => ({ group: groupsById.get(id) ?? null, cards: cards.filter((c) => c.groupId === id) }))
      .sort((a, b) => (a.group?.title ?? "").localeCompare(b.group?.title ?? ""));
    return { ...section, groups: [...(loose.length ? [{ group: null, cards: loose }] : []), ...groups] };
  });
}

/**
 * One line of Markdown never breaks the list: newlines become spaces, and the characters that
 * change inline rendering (emphasis, code, links, HTML, tables) are escaped; others stay readable.
 */
function markdownInline(text: string): string {
  return text
    .replace(/\r?\n+/g, " ")
    .replace(/([\\`*_[\]<>|~])/g, "\\$1")
    .trim();
}

export function boardToMarkdown(snapshot: BoardSnapshot, labels: BoardExportLabels): string {
  const lines: string[] = [`# ${markdownInline(snapshot.board.title)}`, ""];
  if (snapshot.board.anonymous) lines.push(`_${labels.anonymousNote}_`, "");
  for (const section of boardSections(snapshot, labels)) {
    lines.push(`## ${markdownInline(section.title)}`, "");
    if (section.groups.length === 0) lines.push(`_${labels.empty}_`, "");
    for (const { group, cards } of section.groups) {
      if (group) lines.push(`### ${markdownInline(labels.group(group.title || labels.untitledGroup))}`, "");
      for (const card of cards) {
        const extras: string[] = [];
        if (card.votes !== undefined) extras.push(labels.votes(card.votes));
        if (card.author && !snapshot.board.anonymous) extras.push(labels.author(markdownInline(card.author.name)));
        lines.push(`- ${markdownInline(card.text) || "…"}${extras.length ? ` (${extras.join(", ")})` : ""}`);
      }
      lines.push("");
    }
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

/**
 * Spreadsheet programs run cells starting with = + - @ (or a tab/CR before them) as formulas;
 * such cells get a leading apostrophe, the OWASP recommendation against CSV injection.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function boardToCsv(snapshot: BoardSnapshot, labels: BoardExportLabels): string {
  const withAuthor = !snapshot.board.anonymous;
  const withVotes = snapshot.cards.some((c) => c.votes !== undefined);
  const h = labels.csvHeader;
  const header = [h.column, h.group, h.text, h.colour, ...(withVotes ? [h.votes] : []), ...(withAuthor ? [h.author] : [])];
  const rows: string[][] = [];
  for (const section of boardSections(snapshot, labels)) {
    for (const { group, cards } of section.groups) {
      for (const card of cards) {
        rows.push([
          section.title,
          group ? group.title || labels.untitledGroup : "",
          card.text,
          labels.colour(card.colour),
          ...(withVotes ? [String(card.votes ?? 0)] : []),
          ...(withAuthor ? [card.author?.name ?? ""] : []),
        ]);
      }
    }
  }
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** A file name from the board title that every file system accepts. */
export function exportFileName(title: string, extension: "md" | "csv"): string {
  const base =
    title
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .toLowerCase()
      .slice(0, 60) || "board";
  return `${base}.${extension}`;
}
