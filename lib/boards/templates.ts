import type { BoardTemplate, Locale, PhaseTemplate } from "@/db/schema";

/**
 * Design-thinking phase templates and the boards each phase starts with. Pure data and functions:
 * used by createThinkTank (server), the create form (preview) and tests. Texts come in both
 * languages because the records are written once, in the creator's language.
 */

type Localised = Record<Locale, string>;

export type BoardKindName = "canvas" | "columns";

/** Which kind of phase a phase is, independent of language; custom phases have none. */
export const phaseKeys = [
  "empathize",
  "define",
  "ideate",
  "prototype",
  "test",
  "understand",
  "observe",
  "point_of_view",
  "ideas",
  "prototypes",
  "testing",
  "discover",
  "dd_define",
  "develop",
  "deliver",
] as const;
export type PhaseKey = (typeof phaseKeys)[number];

type PhaseDefinition = { key: PhaseKey; name: Localised; goal: Localised; timeboxMinutes: number; board: BoardRecipe };
type BoardRecipe = { template: BoardTemplate; title: Localised; votesPerPerson: number };

export type BoardSpec = { title: string; kind: BoardKindName; template: BoardTemplate; votesPerPerson: number; columns: string[] };
export type PhaseSpec = { key: PhaseKey | null; name: string; goal: string; timeboxMinutes: number | null; boards: BoardSpec[] };

/** Dot voting in ideation phases: three dots each, the usual d.school practice. */
export const IDEATION_VOTES_PER_PERSON = 3;

const empathyMap: BoardRecipe = { template: "empathy_map", title: { de: "Empathy Map", en: "Empathy map" }, votesPerPerson: 0 };
const howMightWe: BoardRecipe = {
  template: "how_might_we",
  title: { de: "Wie könnten wir …?", en: "How might we …?" },
  votesPerPerson: 0,
};
const ideaCanvas: BoardRecipe = {
  template: "canvas",
  title: { de: "Ideen-Canvas", en: "Idea canvas" },
  votesPerPerson: IDEATION_VOTES_PER_PERSON,
};
const prototypeCanvas: BoardRecipe = { template: "canvas", title: { de: "Prototyp-Canvas", en: "Prototype canvas" }, votesPerPerson: 0 };
const feedbackGrid: BoardRecipe = { template: "feedback_grid", title: { de: "Feedback-Raster", en: "Feedback grid" }, votesPerPerson: 0 };
const freeCanvas: BoardRecipe = { template: "canvas", title: { de: "Arbeitsfläche", en: "Canvas" }, votesPerPerson: 0 };

const definitions: Record<Exclude<PhaseTemplate, "custom">, PhaseDefinition[]> = {
  dschool: [
    {
      key: "empathize",
      name: { de: "Empathize", en: "Empathize" },
      goal: {
        de: "Die Menschen verstehen, um die es geht: zuhören, beobachten, ihre Erfahrungen sammeln.",
        en: "Understand the people concerned: listen, observe and collect their experiences.",
      },
      timeboxMinutes: 90,
      board: empathyMap,
    },
    {
      key: "define",
      name: { de: "Define", en: "Define" },
      goal: {
        de: "Die Erkenntnisse bündeln und das Problem als „Wie könnten wir …?“-Frage fassen.",
        en: "Synthesise the insights and frame the problem as a “How might we …?” question.",
      },
      timeboxMinutes: 60,
      board: howMightWe,
    },
    {
      key: "ideate",
      name: { de: "Ideate", en: "Ideate" },
      goal: {
        de: "Möglichst viele Ideen sammeln, clustern und die vielversprechendsten auswählen.",
        en: "Generate as many ideas as possible, cluster them and pick the most promising.",
      },
      timeboxMinutes: 60,
      board: ideaCanvas,
    },
    {
      key: "prototype",
      name: { de: "Prototype", en: "Prototype" },
      goal: {
        de: "Ausgewählte Ideen schnell und einfach greifbar machen.",
        en: "Make the chosen ideas tangible, quickly and simply.",
      },
      timeboxMinutes: 120,
      board: prototypeCanvas,
    },
    {
      key: "test",
      name: { de: "Test", en: "Test" },
      goal: {
        de: "Prototypen mit Betroffenen ausprobieren und Rückmeldungen sammeln.",
        en: "Try the prototypes with the people concerned and gather feedback.",
      },
      timeboxMinutes: 60,
      board: feedbackGrid,
    },
  ],
  hpi: [
    {
      key: "understand",
      name: { de: "Verstehen", en: "Understand" },
      goal: {
        de: "Den Problemraum abstecken: Was wissen wir, was wissen wir nicht, wer ist betroffen?",
        en: "Map the problem space: what do we know, what don't we know, who is affected?",
      },
      timeboxMinutes: 60,
      board: empathyMap,
    },
    {
      key: "observe",
      name: { de: "Beobachten", en: "Observe" },
      goal: {
        de: "Vor Ort hinschauen und mit Betroffenen sprechen, um ihre Sicht kennenzulernen.",
        en: "Look on site and talk to the people concerned to learn their view.",
      },
      timeboxMinutes: 90,
      board: empathyMap,
    },
    {
      key: "point_of_view",
      name: { de: "Sichtweise definieren", en: "Define point of view" },
      goal: {
        de: "Die Beobachtungen zu einer Sichtweise verdichten und als Leitfrage formulieren.",
        en: "Condense the observations into a point of view and phrase it as a guiding question.",
      },
      timeboxMinutes: 60,
      board: howMightWe,
    },
    {
      key: "ideas",
      name: { de: "Ideen finden", en: "Find ideas" },
      goal: {
        de: "Viele Ideen entwickeln, aufeinander aufbauen und gemeinsam bewerten.",
        en: "Develop many ideas, build on each other's and rate them together.",
      },
      timeboxMinutes: 60,
      board: ideaCanvas,
    },
    {
      key: "prototypes",
      name: { de: "Prototypen entwickeln", en: "Build prototypes" },
      goal: {
        de: "Die besten Ideen als einfache Prototypen erlebbar machen.",
        en: "Turn the best ideas into simple prototypes people can experience.",
      },
      timeboxMinutes: 120,
      board: prototypeCanvas,
    },
    {
      key: "testing",
      name: { de: "Testen", en: "Test" },
      goal: {
        de: "Prototypen mit der Zielgruppe testen und daraus lernen.",
        en: "Test the prototypes with the target group and learn from it.",
      },
      timeboxMinutes: 60,
      board: feedbackGrid,
    },
  ],
  double_diamond: [
    {
      key: "discover",
      name: { de: "Discover", en: "Discover" },
      goal: {
        de: "Breit erkunden: Erfahrungen, Daten und Perspektiven aller Beteiligten sammeln.",
        en: "Explore widely: collect experiences, data and every stakeholder's perspective.",
      },
      timeboxMinutes: 120,
      board: empathyMap,
    },
    {
      key: "dd_define",
      name: { de: "Define", en: "Define" },
      goal: {
        de: "Eingrenzen: die Kernherausforderung als „Wie könnten wir …?“-Frage festhalten.",
        en: "Narrow down: capture the core challenge as a “How might we …?” question.",
      },
      timeboxMinutes: 60,
      board: howMightWe,
    },
    {
      key: "develop",
      name: { de: "Develop", en: "Develop" },
      goal: {
        de: "Wieder öffnen: Lösungsideen entwickeln und die besten per Punktabfrage wählen.",
        en: "Open up again: develop solution ideas and choose the best by dot voting.",
      },
      timeboxMinutes: 120,
      board: ideaCanvas,
    },
    {
      key: "deliver",
      name: { de: "Deliver", en: "Deliver" },
      goal: {
        de: "Lösungen ausarbeiten, erproben und für die Übergabe an die Netzwerke vorbereiten.",
        en: "Work out and try the solutions and prepare them for handing back to the networks.",
      },
      timeboxMinutes: 90,
      board: prototypeCanvas,
    },
  ],
};

const recipesByKey = new Map<PhaseKey, BoardRecipe>(
  Object.values(definitions)
    .flat()
    .map((d) => [d.key, d.board]),
);

const columnTitles: Record<BoardTemplate, Record<Locale, string[]>> = {
  canvas: { de: [], en: [] },
  retrospective: {
    de: [
      "Was war gut und ist es wert, beibehalten zu werden?",
      "Was war notwendig, hat aber seinen Zweck erfüllt?",
      "Was fehlt noch?",
      "Was beschäftigt uns sonst noch?",
    ],
    en: ["What was good and worth keeping?", "What was necessary but has served its purpose?", "What is still missing?", "What else concerns us?"],
  },
  info_wall: {
    de: ["Wer ist da", "Was kann ich anbieten", "Was suche ich"],
    en: ["Who is here", "What can I offer", "What am I looking for"],
  },
  empathy_map: { de: ["Sagt", "Denkt", "Tut", "Fühlt"], en: ["Says", "Thinks", "Does", "Feels"] },
  feedback_grid: { de: ["Gefällt", "Wünsche", "Fragen", "Ideen"], en: ["Likes", "Wishes", "Questions", "Ideas"] },
  how_might_we: { de: ["Wie könnten wir …?"], en: ["How might we …?"] },
};

/** Column titles a board of this template starts with, in order; none for the free canvas. */
export function boardTemplateColumns(template: BoardTemplate, locale: Locale): string[] {
  return [...columnTitles[template][locale]];
}

/** The free canvas is the only template without columns. */
export function boardKindForTemplate(template: BoardTemplate): BoardKindName {
  return template === "canvas" ? "canvas" : "columns";
}

function boardFromRecipe(recipe: BoardRecipe, locale: Locale): BoardSpec {
  return {
    title: recipe.title[locale],
    kind: boardKindForTemplate(recipe.template),
    template: recipe.template,
    votesPerPerson: recipe.votesPerPerson,
    columns: boardTemplateColumns(recipe.template, locale),
  };
}

const templateTitles: Record<BoardTemplate, Localised> = {
  canvas: freeCanvas.title,
  retrospective: { de: "Retrospektive", en: "Retrospective" },
  info_wall: { de: "Info-Wand", en: "Info wall" },
  empathy_map: empathyMap.title,
  feedback_grid: feedbackGrid.title,
  how_might_we: howMightWe.title,
};

/** A board a moderator adds to a phase: the template's kind and columns, its title or the template's. */
export function boardSpecForTemplate(template: BoardTemplate, locale: Locale, title?: string): BoardSpec {
  return {
    title: title || templateTitles[template][locale],
    kind: boardKindForTemplate(template),
    template,
    votesPerPerson: 0,
    columns: boardTemplateColumns(template, locale),
  };
}

/** The boards a phase starts with: by its template key, or one free canvas for custom phases. */
export function defaultBoardsForPhase(key: PhaseKey | null | undefined, locale: Locale): BoardSpec[] {
  const recipe = (key && recipesByKey.get(key)) || freeCanvas;
  return [boardFromRecipe(recipe, locale)];
}

/** The phases (with goal, default timebox and boards) of a template; custom starts empty. */
export function phaseTemplatePhases(template: PhaseTemplate, locale: Locale): PhaseSpec[] {
  if (template === "custom") return [];
  return definitions[template].map((d) => ({
    key: d.key,
    name: d.name[locale],
    goal: d.goal[locale],
    timeboxMinutes: d.timeboxMinutes,
    boards: defaultBoardsForPhase(d.key, locale),
  }));
}

/** A custom phase as the moderator wrote it, with its free canvas. */
export function customPhase(input: { name: string; goal?: string; timeboxMinutes?: number | null }, locale: Locale): PhaseSpec {
  return {
    key: null,
    name: input.name,
    goal: input.goal ?? "",
    timeboxMinutes: input.timeboxMinutes ?? null,
    boards: defaultBoardsForPhase(null, locale),
  };
}

export function isPhaseKey(value: unknown): value is PhaseKey {
  return typeof value === "string" && (phaseKeys as readonly string[]).includes(value);
}
