import { and, count, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { boardColumns, boards, cards, outcomeIdeas, phases, problemStatusChanges, problems, tasks, thinkTankProblems, thinkTanks, type User } from "@/db/schema";
import { archiveThinkTank, carryOverThinkTank, concludeThinkTank, handBackOutcome } from "@/lib/outcomes/commands";
import { outcomeMarkdown } from "@/lib/outcomes/export";
import { getOutcome, getOutcomeReport, listArchive, networkOutcomes, thinkTankLinkForTask } from "@/lib/outcomes/queries";
import { conclusionFromForm } from "@/lib/outcomes/rules";
import { withTestDatabase, testDriver } from "../support/database";
import { appError } from "../support/errors";
import { actorOf, auditEntries, createNetwork, createProblemRow, createThinkTankRow, createUser, outboxFor } from "../support/factories";

const t = withTestDatabase();

beforeEach(() => {
  vi.spyOn(console, "info").mockImplementation(() => {});
});

type World = {
  moderator: User;
  expert: User;
  coordinator: User;
  member: User;
  otherCoordinator: User;
  outsider: User;
  host: User;
  binet: { id: string; slug: string };
  other: { id: string; slug: string };
};
let w: World;

beforeAll(async () => {
  const [moderator, expert, coordinator, member, otherCoordinator, outsider, host] = await Promise.all([
    createUser({ name: "Mona Moderation", role: "moderator", sector: "ngo_civil_society" }),
    createUser({ name: "Erika Expertin", sector: "research" }),
    createUser({ name: "Klara Koordination" }),
    createUser({ name: "Mehmet Mitglied" }),
    createUser({ name: "Olaf Anderes" }),
    createUser({ name: "Otto Außen" }),
    createUser({ name: "Hanna Host", role: "admin" }),
  ]);
  const binet = await createNetwork({ name: "BiNet", members: [{ userId: coordinator.id, role: "coordinator" }, { userId: member.id, role: "member" }] });
  const other = await createNetwork({ name: "Anderes Netz", members: [{ userId: otherCoordinator.id, role: "coordinator" }] });
  w = { moderator, expert, coordinator, member, otherCoordinator, outsider, host, binet, other };
});

async function setting(status: "convening" | "active" | "paused" | "concluded" | "archived" = "active") {
  const problemA = await createProblemRow(w.binet.id, { title: "Eltern erreichen" });
  const problemB = await createProblemRow(w.other.id, { title: "Räume fehlen" });
  const { thinkTank, board } = await createThinkTankRow({
    status,
    title: "Eltern-Think-Tank",
    question: "Wie erreichen wir Eltern?",
    participants: [
      { userId: w.moderator.id, role: "moderator" },
      { userId: w.expert.id, role: "knowledge_giver" },
    ],
    problemIds: [problemA.id, problemB.id],
  });
  const [card] = await t.db.insert(cards).values({ boardId: board.id, text: "Elterncafé am Kiosk", x: 10, y: 20 }).returning();
  return { thinkTank, board, card: card!, problemA, problemB };
}

const conclusion = (thinkTankId: string, extra: Record<string, unknown> = {}) => ({
  thinkTankId,
  summary: "Eltern erreicht man dort, wo sie ohnehin sind.",
  decisions: "Pilot im Herbst.",
  ...extra,
});

async function statusOf(id: string) {
  const [row] = await t.db.select({ status: thinkTanks.status }).from(thinkTanks).where(eq(thinkTanks.id, id));
  return row?.status;
}

async function taskCount() {
  const [row] = await t.db.select({ n: count() }).from(tasks);
  return row?.n ?? 0;
}

describe(`concludeThinkTank (${testDriver()})`, () => {
  it("writes the outcome, resolves or keeps problems open with notes, notifies origin networks, audits", async () => {
    const s = await setting();
    const result = await concludeThinkTank({
      actor: actorOf(w.moderator),
      input: conclusion(s.thinkTank.id, {
        ideas: [
          { title: "Elterncafé", cardId: s.card.id },
          { title: "Sprachmittler:innen", note: "mit dem Integrationsbeirat" },
        ],
        problems: [
          { problemId: s.problemA.id, resolution: "resolved", note: "Elterncafé startet" },
          { problemId: s.problemB.id, resolution: "open", note: "Braucht einen eigenen Think-Tank" },
        ],
      }),
    });
    expect(result).toEqual({ thinkTankId: s.thinkTank.id, resolved: [s.problemA.id], open: [s.problemB.id] });
    const [phase] = await t.db.select().from(phases).where(eq(phases.thinkTankId, s.thinkTank.id));
    expect(phase).toMatchObject({ status: "completed", runningSince: null });
    const [tt] = await t.db.select().from(thinkTanks).where(eq(thinkTanks.id, s.thinkTank.id));
    expect(tt).toMatchObject({ status: "concluded", outcomeSummary: "Eltern erreicht man dort, wo sie ohnehin sind.", outcomeDecisions: "Pilot im Herbst." });
    expect(tt?.concludedAt).toBeInstanceOf(Date);
    const ideas = await t.db.select().from(outcomeIdeas).where(eq(outcomeIdeas.thinkTankId, s.thinkTank.id)).orderBy(outcomeIdeas.position);
    expect(ideas.map((i) => [i.title, i.cardId, i.note])).toEqual([
      ["Elterncafé", s.card.id, ""],
      ["Sprachmittler:innen", null, "mit dem Integrationsbeirat"],
    ]);
    const [a] = await t.db.select().from(problems).where(eq(problems.id, s.problemA.id));
    const [b] = await t.db.select().from(problems).where(eq(problems.id, s.problemB.id));
    expect(a?.status).toBe("resolved");
    expect(b?.status).toBe("in_think_tank");
    const history = await t.db.select().from(problemStatusChanges).where(eq(problemStatusChanges.problemId, s.problemA.id));
    expect(history.at(-1)).toMatchObject({ fromStatus: "in_think_tank", toStatus: "resolved", note: "Elterncafé startet", actorId: w.moderator.id });
    const notes = await t.db.select().from(thinkTankProblems).where(eq(thinkTankProblems.thinkTankId, s.thinkTank.id));
    expect(notes.find((n) => n.problemId === s.problemB.id)?.resolutionNote).toBe("Braucht einen eigenen Think-Tank");
    for (const person of [w.coordinator, w.member, w.otherCoordinator]) {
      const mail = (await outboxFor(person.email)).at(-1);
      expect(mail?.kind).toBe("thinkTank.concluded");
      expect(mail?.text).toContain("Eltern erreicht man dort");
    }
    expect((await outboxFor(w.member.email)).at(-1)?.text).toContain(`/networks/${w.binet.slug}/workspace`);
    expect(await auditEntries({ action: "thinkTank.concluded", subjectId: s.thinkTank.id })).toHaveLength(1);
  });

  it("bad input → invalid_input and nothing changed", async () => {
    const s = await setting();
    const foreign = await setting();
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ summary: "  " }, "summary", "required"],
      [{ ideas: [{ title: "Fremd", cardId: foreign.card.id }] }, "ideas", "cardNotInThinkTank"],
      [{ problems: [{ problemId: foreign.problemA.id, resolution: "resolved" }] }, "problems", "problemNotOrigin"],
      [{ problems: [{ problemId: s.problemA.id, resolution: "maybe" }] }, "problems", "invalidChoice"],
    ];
    for (const [extra, field, key] of cases) {
      const e = await appError(concludeThinkTank({ actor: actorOf(w.moderator), input: conclusion(s.thinkTank.id, { problems: [{ problemId: s.problemA.id, resolution: "resolved" }], ...extra }) }));
      expect(e.code).toBe("invalid_input");
      expect(e.fields?.[field]).toEqual([key]);
    }
    expect(await statusOf(s.thinkTank.id)).toBe("active");
    expect(await t.db.select().from(outcomeIdeas).where(eq(outcomeIdeas.thinkTankId, s.thinkTank.id))).toHaveLength(0);
    expect((await t.db.select().from(problems).where(eq(problems.id, s.problemA.id)))[0]?.status).toBe("in_think_tank");
  });

  it("only active or paused think-tanks conclude; outsiders get 404, knowledge-givers 403", async () => {
    for (const status of ["convening", "concluded", "archived"] as const) {
      const s = await setting(status);
      expect((await appError(concludeThinkTank({ actor: actorOf(w.moderator), input: conclusion(s.thinkTank.id) }))).code).toBe("think_tank_not_open");
      expect(await statusOf(s.thinkTank.id)).toBe(status);
    }
    const paused = await setting("paused");
    await concludeThinkTank({ actor: actorOf(w.moderator), input: conclusion(paused.thinkTank.id) });
    expect(await statusOf(paused.thinkTank.id)).toBe("concluded");
    const s = await setting();
    expect((await appError(concludeThinkTank({ actor: actorOf(w.outsider), input: conclusion(s.thinkTank.id) }))).code).toBe("not_found");
    expect((await appError(concludeThinkTank({ actor: actorOf(w.expert), input: conclusion(s.thinkTank.id) }))).code).toBe("forbidden");
    expect(await statusOf(s.thinkTank.id)).toBe("active");
  });
});

describe(`handBackOutcome and archive (${testDriver()})`, () => {
  it("turns a result into a task in the origin network's Work-Space with owner, due date and link back", async () => {
    const s = await setting();
    await concludeThinkTank({ actor: actorOf(w.moderator), input: conclusion(s.thinkTank.id) });
    const task = await handBackOutcome({
      actor: actorOf(w.moderator),
      input: { thinkTankId: s.thinkTank.id, networkId: w.binet.id, title: "Elterncafé planen", description: "Mit dem Kiosk sprechen", assigneeId: w.coordinator.id, dueDate: "2027-03-01" },
    });
    expect(task).toMatchObject({ networkId: w.binet.id, title: "Elterncafé planen", assigneeId: w.coordinator.id, dueDate: "2027-03-01", status: "open", thinkTankId: s.thinkTank.id, createdById: w.moderator.id });
    expect(await auditEntries({ action: "thinkTank.handed_back", subjectId: s.thinkTank.id })).toHaveLength(1);
    expect(await thinkTankLinkForTask(task.id)).toEqual({ id: s.thinkTank.id, title: "Eltern-Think-Tank" });
    const view = await getOutcome(actorOf(w.expert), s.thinkTank.id);
    expect(view.tasks.map((x) => [x.title, x.networkSlug, x.assigneeName])).toEqual([["Elterncafé planen", w.binet.slug, "Klara Koordination"]]);
    const onWorkspace = await networkOutcomes(actorOf(w.member), w.binet.slug);
    expect(onWorkspace.find((o) => o.id === s.thinkTank.id)).toMatchObject({ summary: expect.stringContaining("Eltern erreicht"), tasks: [expect.objectContaining({ title: "Elterncafé planen" })] });
    // The other origin network sees the outcome but not BiNet's task; outsiders see no Work-Space at all.
    expect((await networkOutcomes(actorOf(w.otherCoordinator), w.other.slug)).find((o) => o.id === s.thinkTank.id)?.tasks).toEqual([]);
    expect((await appError(networkOutcomes(actorOf(w.outsider), w.binet.slug))).code).toBe("not_found");
  });

  it("bad input → invalid_input, no task; before conclusion → think_tank_not_open", async () => {
    const s = await setting();
    const base = { thinkTankId: s.thinkTank.id, networkId: w.binet.id, title: "Aufgabe", assigneeId: w.coordinator.id, dueDate: "2027-03-01" };
    const before = await taskCount();
    expect((await appError(handBackOutcome({ actor: actorOf(w.moderator), input: base }))).code).toBe("think_tank_not_open");
    await concludeThinkTank({ actor: actorOf(w.moderator), input: conclusion(s.thinkTank.id) });
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ assigneeId: w.outsider.id }, "assigneeId", "assigneeNotMember"],
      [{ assigneeId: w.otherCoordinator.id }, "assigneeId", "assigneeNotMember"],
      [{ networkId: (await createNetwork()).id }, "networkId", "networkNotOrigin"],
      [{ dueDate: "" }, "dueDate", "required"],
      [{ dueDate: "2027-02-30" }, "dueDate", "invalidDate"],
      [{ title: "" }, "title", "required"],
    ];
    for (const [extra, field, key] of cases) {
      const e = await appError(handBackOutcome({ actor: actorOf(w.moderator), input: { ...base, ...extra } }));
      expect(e.code).toBe("invalid_input");
      expect(e.fields?.[field]).toEqual([key]);
    }
    expect(await taskCount()).toBe(before);
  });

  it("archives a concluded think-tank, which is then read-only", async () => {
    const s = await setting();
    expect((await appError(archiveThinkTank({ actor: actorOf(w.moderator), input: { thinkTankId: s.thinkTank.id } }))).code).toBe("think_tank_not_open");
    await concludeThinkTank({ actor: actorOf(w.moderator), input: conclusion(s.thinkTank.id) });
    expect((await appError(archiveThinkTank({ actor: actorOf(w.expert), input: { thinkTankId: s.thinkTank.id } }))).code).toBe("forbidden");
    await archiveThinkTank({ actor: actorOf(w.moderator), input: { thinkTankId: s.thinkTank.id } });
    expect(await statusOf(s.thinkTank.id)).toBe("archived");
    expect(await auditEntries({ action: "thinkTank.archived", subjectId: s.thinkTank.id })).toHaveLength(1);
    const e = await appError(handBackOutcome({ actor: actorOf(w.moderator), input: { thinkTankId: s.thinkTank.id, networkId: w.binet.id, title: "Zu spät", assigneeId: w.coordinator.id, dueDate: "2027-01-01" } }));
    expect(e.code).toBe("think_tank_not_open");
    const view = await getOutcome(actorOf(w.moderator), s.thinkTank.id);
    expect(view.can).toMatchObject({ conclude: false, handBack: false, carryOver: false, archive: false, export: true });
  });
});

describe(`carryOverThinkTank (${testDriver()})`, () => {
  it("starts a new think-tank with selected problems and cards, linked both ways", async () => {
    const s = await setting("paused");
    const result = await carryOverThinkTank({
      actor: actorOf(w.moderator),
      input: { thinkTankId: s.thinkTank.id, title: "Eltern-Think-Tank II", question: "Wie halten wir Eltern?", problemIds: [s.problemB.id], cardIds: [s.card.id] },
    });
    expect(result).toMatchObject({ problems: 1, cards: 1 });
    const [next] = await t.db.select().from(thinkTanks).where(eq(thinkTanks.id, result.thinkTankId));
    expect(next).toMatchObject({ title: "Eltern-Think-Tank II", question: "Wie halten wir Eltern?", status: "convening", carriedOverFromId: s.thinkTank.id });
    const linked = await t.db.select().from(thinkTankProblems).where(eq(thinkTankProblems.thinkTankId, result.thinkTankId));
    expect(linked.map((l) => l.problemId)).toEqual([s.problemB.id]);
    const [firstPhase] = await t.db.select().from(phases).where(eq(phases.thinkTankId, result.thinkTankId)).orderBy(phases.position).limit(1);
    const [firstBoard] = await t.db.select().from(boards).where(eq(boards.phaseId, firstPhase!.id)).orderBy(boards.position).limit(1);
    const copied = await t.db.select().from(cards).where(eq(cards.boardId, firstBoard!.id));
    expect(copied).toEqual([expect.objectContaining({ text: "Elterncafé am Kiosk", carriedFromCardId: s.card.id })]);
    if (firstBoard!.kind === "columns") {
      const [column] = await t.db.select().from(boardColumns).where(eq(boardColumns.boardId, firstBoard!.id)).orderBy(boardColumns.position).limit(1);
      expect(copied[0]?.columnId).toBe(column?.id);
    }
    expect((await getOutcome(actorOf(w.moderator), s.thinkTank.id)).successors).toEqual([{ id: result.thinkTankId, title: "Eltern-Think-Tank II" }]);
    expect((await getOutcome(actorOf(w.moderator), result.thinkTankId)).predecessor).toEqual({ id: s.thinkTank.id, title: "Eltern-Think-Tank" });
    expect(await auditEntries({ action: "thinkTank.carried_over", subjectId: s.thinkTank.id })).toHaveLength(1);
  });

  it("bad input or an active think-tank → error and no new think-tank", async () => {
    const s = await setting("concluded");
    const foreign = await setting();
    const before = (await t.db.select({ n: count() }).from(thinkTanks))[0]?.n;
    const base = { thinkTankId: s.thinkTank.id, title: "Weiter", question: "Wie weiter?" };
    const e1 = await appError(carryOverThinkTank({ actor: actorOf(w.moderator), input: { ...base, cardIds: [foreign.card.id] } }));
    expect(e1.fields?.cardIds).toEqual(["cardNotInThinkTank"]);
    const e2 = await appError(carryOverThinkTank({ actor: actorOf(w.moderator), input: { ...base, problemIds: [foreign.problemA.id] } }));
    expect(e2.fields?.problemIds).toEqual(["problemNotOrigin"]);
    const e3 = await appError(carryOverThinkTank({ actor: actorOf(w.moderator), input: { ...base, title: "" } }));
    expect(e3.fields?.title).toEqual(["required"]);
    expect((await appError(carryOverThinkTank({ actor: actorOf(w.moderator), input: { ...base, thinkTankId: foreign.thinkTank.id } }))).code).toBe("think_tank_not_open");
    expect((await appError(carryOverThinkTank({ actor: actorOf(w.outsider), input: base }))).code).toBe("not_found");
    expect((await t.db.select({ n: count() }).from(thinkTanks))[0]?.n).toBe(before);
  });
});

describe(`archive page, export (${testDriver()})`, () => {
  it("lists past think-tanks the reader may see, searchable, with sectors, outcome and tasks", async () => {
    const s = await setting();
    await concludeThinkTank({ actor: actorOf(w.moderator), input: conclusion(s.thinkTank.id, { summary: "Ein Kiosk-Elterncafé als Treffpunkt" }) });
    await handBackOutcome({ actor: actorOf(w.moderator), input: { thinkTankId: s.thinkTank.id, networkId: w.binet.id, title: "Kiosk anfragen", assigneeId: w.member.id, dueDate: "2027-01-15" } });
    const active = await setting();
    const mine = await listArchive(actorOf(w.expert), { q: "kiosk-elterncafé" });
    expect(mine.entries.map((e) => e.id)).toEqual([s.thinkTank.id]);
    expect(mine.entries[0]).toMatchObject({ question: "Wie erreichen wir Eltern?", status: "concluded", networks: expect.arrayContaining(["BiNet", "Anderes Netz"]) });
    expect(mine.entries[0]?.sectorMix).toEqual(expect.arrayContaining([{ sector: "research", count: 1 }]));
    expect(mine.entries[0]?.tasks.map((x) => x.title)).toEqual(["Kiosk anfragen"]);
    expect((await listArchive(actorOf(w.expert), { q: "gibt es nicht" })).entries).toEqual([]);
    expect((await listArchive(actorOf(w.outsider), {})).entries.map((e) => e.id)).not.toContain(s.thinkTank.id);
    // Participants-only think-tanks stay hidden from origin-network members here.
    expect((await listArchive(actorOf(w.member), {})).entries.map((e) => e.id)).not.toContain(s.thinkTank.id);
    const all = await listArchive(actorOf(w.host), {});
    expect(all.entries.map((e) => e.id)).toContain(s.thinkTank.id);
    expect(all.entries.map((e) => e.id)).not.toContain(active.thinkTank.id);
  });

  it("exports the outcome as Markdown with escaped user text", async () => {
    const s = await setting();
    await concludeThinkTank({
      actor: actorOf(w.moderator),
      input: conclusion(s.thinkTank.id, { summary: "# Kein Titel\n[Link](http://x)", ideas: [{ title: "Elterncafé", cardId: s.card.id }], problems: [{ problemId: s.problemA.id, resolution: "resolved" }] }),
    });
    await handBackOutcome({ actor: actorOf(w.moderator), input: { thinkTankId: s.thinkTank.id, networkId: w.binet.id, title: "Kiosk anfragen", assigneeId: w.member.id, dueDate: "2027-01-15" } });
    const text = outcomeMarkdown(await getOutcomeReport(actorOf(w.expert), s.thinkTank.id), "de");
    expect(text).toMatch(/^# Eltern-Think-Tank\n/);
    expect(text).toContain("**Leitfrage:** Wie erreichen wir Eltern?");
    expect(text).toContain("\\# Kein Titel");
    expect(text).toContain("\\[Link\\]\\(http://x\\)");
    expect(text).toContain(`/think-tanks/${s.thinkTank.id}/boards/${s.board.id}`);
    expect(text).toContain("- Eltern erreichen (BiNet): gelöst");
    expect(text).toContain("- Räume fehlen (Anderes Netz): bleibt offen");
    expect(text).toContain("- Kiosk anfragen (BiNet, Mehmet Mitglied, fällig 2027-01-15)");
    expect(text).toContain("Erika Expertin (Wissensgeber:in");
  });

  it("reads the conclusion form's flat fields", () => {
    const form = { thinkTankId: "t1", summary: "S", decisions: "D", cardIds: ["c1", "c2"], ideas: "Idee A\n\n Idee B ", resolution_p1: "resolved", note_p1: "gut", resolution_p2: "open" };
    expect(conclusionFromForm(form, [{ id: "c1", text: "Karte eins" }])).toEqual({
      thinkTankId: "t1",
      summary: "S",
      decisions: "D",
      ideas: [
        { title: "Karte eins", note: "", cardId: "c1" },
        { title: "c2", note: "", cardId: "c2" },
        { title: "Idee A", note: "", cardId: null },
        { title: "Idee B", note: "", cardId: null },
      ],
      problems: [
        { problemId: "p1", resolution: "resolved", note: "gut" },
        { problemId: "p2", resolution: "open", note: "" },
      ],
    });
  });
});

/* Who may conclude, hand back, carry over, archive and read the outcome, per role (error code or "ok"). */
describe(`outcomes: role × action (${testDriver()})`, () => {
  type Who = "moderator" | "knowledge_giver" | "delegate" | "observer" | "originReader" | "outsider" | "steward";
  type Action = "view" | "conclude" | "handBack" | "carryOver" | "archive";
  // The think-tank's moderator here is a platform member: carrying over convenes a new think-tank, which is the host's.
  const expected: Record<Action, Record<Who, string>> = {
    view: { moderator: "ok", knowledge_giver: "ok", delegate: "ok", observer: "ok", originReader: "ok", outsider: "not_found", steward: "ok" },
    conclude: { moderator: "ok", knowledge_giver: "forbidden", delegate: "forbidden", observer: "forbidden", originReader: "forbidden", outsider: "not_found", steward: "ok" },
    handBack: { moderator: "ok", knowledge_giver: "forbidden", delegate: "forbidden", observer: "forbidden", originReader: "forbidden", outsider: "not_found", steward: "ok" },
    carryOver: { moderator: "forbidden", knowledge_giver: "forbidden", delegate: "forbidden", observer: "forbidden", originReader: "forbidden", outsider: "not_found", steward: "ok" },
    archive: { moderator: "ok", knowledge_giver: "forbidden", delegate: "forbidden", observer: "forbidden", originReader: "forbidden", outsider: "not_found", steward: "ok" },
  };
  const needsConcluded: Action[] = ["handBack", "carryOver", "archive"];

  for (const action of Object.keys(expected) as Action[]) {
    it(action, async () => {
      for (const who of Object.keys(expected[action]) as Who[]) {
        const delegate = await createUser();
        const reader = await createUser();
        const owner = await createUser();
        const network = await createNetwork({ members: [{ userId: delegate.id, role: "member" }, { userId: reader.id, role: "member" }, { userId: owner.id, role: "member" }] });
        const problem = await createProblemRow(network.id);
        const people: Record<Who, User> = {
          moderator: await createUser(),
          knowledge_giver: await createUser(),
          delegate,
          observer: await createUser(),
          originReader: reader,
          outsider: await createUser(),
          steward: await createUser({ role: "moderator" }),
        };
        const { thinkTank } = await createThinkTankRow({
          status: needsConcluded.includes(action) ? "concluded" : "active",
          visibility: "origin_networks",
          problemIds: [problem.id],
          participants: [
            { userId: people.moderator.id, role: "moderator" },
            { userId: people.knowledge_giver.id, role: "knowledge_giver" },
            { userId: delegate.id, role: "delegate" },
            { userId: people.observer.id, role: "observer" },
          ],
        });
        const actor = actorOf(people[who]);
        const id = thinkTank.id;
        const run: Record<Action, () => Promise<unknown>> = {
          view: () => getOutcome(actor, id),
          conclude: () => concludeThinkTank({ actor, input: conclusion(id) }),
          handBack: () => handBackOutcome({ actor, input: { thinkTankId: id, networkId: network.id, title: "T", assigneeId: owner.id, dueDate: "2027-01-01" } }),
          carryOver: () => carryOverThinkTank({ actor, input: { thinkTankId: id, title: "Weiter", question: "Wie weiter?" } }),
          archive: () => archiveThinkTank({ actor, input: { thinkTankId: id } }),
        };
        const outcome = await run[action]().then(
          () => "ok",
          (e: unknown) => (e as { code?: string }).code ?? String(e),
        );
        expect(`${who}: ${outcome}`).toBe(`${who}: ${expected[action][who]}`);
        if (outcome !== "ok" && action !== "view") {
          const expectedStatus = needsConcluded.includes(action) ? "concluded" : "active";
          expect(await statusOf(id)).toBe(expectedStatus);
          const [n] = await t.db.select({ n: count() }).from(tasks).where(and(eq(tasks.thinkTankId, id)));
          expect(n?.n).toBe(0);
        }
      }
    });
  }
});
