import { describe, expect, it } from "vitest";
import { boardToCsv, boardToMarkdown, csvCell, exportFileName, type BoardExportLabels } from "@/lib/boards/export";
import type { BoardCardState, BoardSnapshot } from "@/lib/realtime/events";

const labels: BoardExportLabels = {
  canvas: "Karten",
  group: (title) => `Gruppe: ${title}`,
  untitledGroup: "Gruppe ohne Namen",
  votes: (n) => `${n} Punkte`,
  author: (name) => `von ${name}`,
  empty: "Keine Karten.",
  anonymousNote: "Anonymes Board: ohne Namen.",
  csvHeader: { column: "Spalte", group: "Gruppe", text: "Text", colour: "Farbe", votes: "Punkte", author: "Von" },
  colour: (c) => c,
};

const colA = "00000000-0000-4000-8000-00000000000a";
const colB = "00000000-0000-4000-8000-00000000000b";
const group = "00000000-0000-4000-8000-0000000000f1";

function card(id: string, text: string, extra: Partial<BoardCardState> = {}): BoardCardState {
  return { id, text, colour: "yellow", columnId: colA, groupId: null, x: null, y: null, position: 1, version: 1, deleted: false, ...extra };
}

function snapshot(anonymous: boolean, cards: BoardCardState[]): BoardSnapshot {
  return {
    seq: 3,
    board: { id: "b", title: "Retro", kind: "columns", template: "retrospective", anonymous, locked: false, votesPerPerson: 3, votesHidden: false, votesRevealed: false, timerEndsAt: null, spotlightCardId: null, closedReason: null },
    columns: [
      { id: colB, title: "Was fehlt?", position: 2 },
      { id: colA, title: "Was war gut?", position: 1 },
    ],
    groups: [{ id: group, title: "Zeit", columnId: colA, x: null, y: null, version: 1 }],
    cards,
    myVotes: {},
    mine: [],
    me: { id: "u", name: "U", canWrite: true, canModerate: false },
  };
}

describe("board export", () => {
  const cards = [
    card("c1", "Pünktlich", { author: { id: "u1", name: "Ada" }, votes: 2, position: 2 }),
    card("c2", "Pausen", { groupId: group, votes: 1, author: { id: "u2", name: "Bodo Bauer" } }),
    card("c3", "=HYPERLINK(\"x\")", { columnId: colB, votes: 0, author: { id: "u1", name: "Ada" } }),
    card("c4", "gelöscht", { deleted: true }),
  ];

  it("writes columns in order, groups, texts, votes and authors", () => {
    const md = boardToMarkdown(snapshot(false, cards), labels);
    expect(md.indexOf("## Was war gut?")).toBeLessThan(md.indexOf("## Was fehlt?"));
    expect(md).toContain("### Gruppe: Zeit");
    expect(md).toContain("- Pünktlich (2 Punkte, von Ada)");
    expect(md).not.toContain("gelöscht");
    const marked = boardToMarkdown(snapshot(false, [card("c9", "*fett* <b>x</b>\nzweite Zeile (ok)")]), labels);
    expect(marked).toContain("- \\*fett\\* \\<b\\>x\\</b\\> zweite Zeile (ok)");
  });

  it("never names an author on an anonymous board, even if a card carried one", () => {
    const md = boardToMarkdown(snapshot(true, cards), labels);
    const csv = boardToCsv(snapshot(true, cards), labels);
    for (const out of [md, csv]) {
      expect(out).not.toContain("Ada");
      expect(out).not.toContain("Bodo");
    }
    expect(csv.split("\r\n")[0]).toBe("Spalte,Gruppe,Text,Farbe,Punkte");
  });

  it("defuses formulas in CSV cells", () => {
    const csv = boardToCsv(snapshot(false, cards), labels);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("a,b")).toBe('"a,b"');
  });

  it("makes safe file names", () => {
    expect(exportFileName("Retro: Was war gut?", "csv")).toBe("retro-was-war-gut.csv");
    expect(exportFileName("///", "md")).toBe("board.md");
  });
});
