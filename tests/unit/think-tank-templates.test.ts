import { describe, expect, it } from "vitest";
import { boardTemplates, phaseTemplates } from "@/db/schema";
import {
  IDEATION_VOTES_PER_PERSON,
  boardKindForTemplate,
  boardTemplateColumns,
  customPhase,
  defaultBoardsForPhase,
  phaseTemplatePhases,
} from "@/lib/boards/templates";

describe("phase templates", () => {
  it("lists the phases of each template in order, in both languages", () => {
    expect(phaseTemplatePhases("dschool", "de").map((p) => p.name)).toEqual(["Empathize", "Define", "Ideate", "Prototype", "Test"]);
    expect(phaseTemplatePhases("hpi", "de").map((p) => p.name)).toEqual([
      "Verstehen",
      "Beobachten",
      "Sichtweise definieren",
      "Ideen finden",
      "Prototypen entwickeln",
      "Testen",
    ]);
    expect(phaseTemplatePhases("hpi", "en").map((p) => p.name)).toEqual([
      "Understand",
      "Observe",
      "Define point of view",
      "Find ideas",
      "Build prototypes",
      "Test",
    ]);
    expect(phaseTemplatePhases("double_diamond", "en").map((p) => p.name)).toEqual(["Discover", "Define", "Develop", "Deliver"]);
    expect(phaseTemplatePhases("custom", "de")).toEqual([]);
  });

  it("gives every template phase a goal, a positive timebox and exactly one board in each language", () => {
    for (const template of phaseTemplates) {
      for (const locale of ["de", "en"] as const) {
        for (const phase of phaseTemplatePhases(template, locale)) {
          expect(phase.goal.length, `${template}/${phase.name}`).toBeGreaterThan(10);
          expect(phase.timeboxMinutes).toBeGreaterThan(0);
          expect(phase.boards).toHaveLength(1);
        }
      }
    }
    // goals are really translated, not copied
    const de = phaseTemplatePhases("dschool", "de").map((p) => p.goal);
    const en = phaseTemplatePhases("dschool", "en").map((p) => p.goal);
    de.forEach((goal, i) => expect(goal).not.toEqual(en[i]));
  });

  it("starts each phase with its default board kind", () => {
    const templateOf = (t: "dschool" | "hpi" | "double_diamond") =>
      Object.fromEntries(phaseTemplatePhases(t, "de").map((p) => [p.name, p.boards.map((b) => b.template)]));
    expect(templateOf("dschool")).toEqual({
      Empathize: ["empathy_map"],
      Define: ["how_might_we"],
      Ideate: ["canvas"],
      Prototype: ["canvas"],
      Test: ["feedback_grid"],
    });
    expect(templateOf("hpi")).toEqual({
      Verstehen: ["empathy_map"],
      Beobachten: ["empathy_map"],
      "Sichtweise definieren": ["how_might_we"],
      "Ideen finden": ["canvas"],
      "Prototypen entwickeln": ["canvas"],
      Testen: ["feedback_grid"],
    });
    expect(templateOf("double_diamond")).toEqual({
      Discover: ["empathy_map"],
      Define: ["how_might_we"],
      Develop: ["canvas"],
      Deliver: ["canvas"],
    });
  });

  it("switches dot voting on only for the ideation canvases", () => {
    const voting = phaseTemplatePhases("dschool", "en").map((p) => [p.key, p.boards[0]!.votesPerPerson]);
    expect(voting).toEqual([
      ["empathize", 0],
      ["define", 0],
      ["ideate", IDEATION_VOTES_PER_PERSON],
      ["prototype", 0],
      ["test", 0],
    ]);
    expect(IDEATION_VOTES_PER_PERSON).toBe(3);
    expect(defaultBoardsForPhase("ideas", "de")[0]!.votesPerPerson).toBe(3);
    expect(defaultBoardsForPhase("develop", "de")[0]!.votesPerPerson).toBe(3);
  });

  it("gives custom phases one free canvas without columns", () => {
    const phase = customPhase({ name: "Kick-off", timeboxMinutes: 30 }, "de");
    expect(phase).toMatchObject({ key: null, name: "Kick-off", goal: "", timeboxMinutes: 30 });
    expect(phase.boards).toEqual([{ title: "Arbeitsfläche", kind: "canvas", template: "canvas", votesPerPerson: 0, columns: [] }]);
    expect(defaultBoardsForPhase(null, "en")[0]!.title).toBe("Canvas");
  });
});

describe("board template columns", () => {
  it("names the columns of each columns template", () => {
    expect(boardTemplateColumns("retrospective", "de")).toEqual([
      "Was war gut und ist es wert, beibehalten zu werden?",
      "Was war notwendig, hat aber seinen Zweck erfüllt?",
      "Was fehlt noch?",
      "Was beschäftigt uns sonst noch?",
    ]);
    expect(boardTemplateColumns("retrospective", "en")).toEqual([
      "What was good and worth keeping?",
      "What was necessary but has served its purpose?",
      "What is still missing?",
      "What else concerns us?",
    ]);
    expect(boardTemplateColumns("info_wall", "de")).toEqual(["Wer ist da", "Was kann ich anbieten", "Was suche ich"]);
    expect(boardTemplateColumns("empathy_map", "de")).toEqual(["Sagt", "Denkt", "Tut", "Fühlt"]);
    expect(boardTemplateColumns("feedback_grid", "de")).toEqual(["Gefällt", "Wünsche", "Fragen", "Ideen"]);
    expect(boardTemplateColumns("how_might_we", "de")).toEqual(["Wie könnten wir …?"]);
    expect(boardTemplateColumns("canvas", "de")).toEqual([]);
  });

  it("has the same number of columns in both languages and a kind for every template", () => {
    for (const template of boardTemplates) {
      expect(boardTemplateColumns(template, "en")).toHaveLength(boardTemplateColumns(template, "de").length);
      expect(boardKindForTemplate(template)).toBe(template === "canvas" ? "canvas" : "columns");
    }
  });

  it("returns a copy callers may change", () => {
    boardTemplateColumns("empathy_map", "de").push("X");
    expect(boardTemplateColumns("empathy_map", "de")).toHaveLength(4);
  });
});
