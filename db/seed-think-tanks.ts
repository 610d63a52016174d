import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { phaseTemplatePhases, type PhaseSpec } from "@/lib/boards/templates";
import type { DbOrTx } from "./client";
import {
  boardColumns,
  boards,
  cards,
  networks,
  outcomeIdeas,
  phaseChanges,
  phases,
  problemStatusChanges,
  problems,
  tasks,
  thinkTankParticipants,
  thinkTankProblems,
  thinkTanks,
  users,
  type PhaseStatus,
  type ProblemStatus,
  type ThinkTankRole,
  type ThinkTankStatus,
} from "./schema";

/*
 * Three think-tanks that took up BiNet problems: one running in its Ideate phase (moderated by
 * moderation@, with expertin@ as knowledge-giver and cards on its boards), one concluded whose
 * outcome created BiNet tasks, and one paused with a reason. Each has its own origin problem (the
 * problem log's demo problems stay as they are). Idempotent: once the running think-tank exists,
 * nothing is touched.
 */

const DAY = 24 * 60 * 60 * 1000;
export const IDEATE_THINK_TANK_TITLE = "Wie erreichen wir Eltern, die keine Elternabende besuchen?";

type DemoThinkTank = {
  title: string;
  question: string;
  goals: string;
  status: ThinkTankStatus;
  pausedReason?: string;
  daysAgo: number;
  /** How far the phases got: completed before this index, this one in `currentStatus`, pending after. */
  currentIndex: number;
  currentStatus: PhaseStatus;
  participants: Array<{ email: string; role: ThinkTankRole }>;
  problem: { title: string; description: string; author: string; final: ProblemStatus; note?: string };
  /** Cards by phase index and board index. */
  cards: Array<{ phase: number; board?: number; texts: string[] }>;
  outcome?: { summary: string; decisions: string; ideas: string[]; tasks: Array<{ title: string; description: string; assignee: string; dueInDays: number }> };
};

const demoThinkTanks: DemoThinkTank[] = [
  {
    title: IDEATE_THINK_TANK_TITLE,
    question: "Wie könnten wir Familien, die nie zu Elternabenden kommen, dort erreichen, wo sie ohnehin sind?",
    goals: "Drei Ideen, die BiNet-Schulen im nächsten Halbjahr ausprobieren können.",
    status: "active",
    daysAgo: 12,
    currentIndex: 2,
    currentStatus: "running",
    participants: [
      { email: "moderation@netzwerkstatt.test", role: "moderator" },
      { email: "expertin@netzwerkstatt.test", role: "knowledge_giver" },
      { email: "mitglied@binet.test", role: "delegate" },
    ],
    problem: {
      title: "Familien mit wenig Deutschkenntnissen bleiben Elternabenden fern",
      description: "Einladungen zu Elternabenden erreichen gerade die Familien nicht, denen Informationen über Förderangebote am meisten helfen würden.",
      author: "mitglied@binet.test",
      final: "in_think_tank",
    },
    cards: [
      { phase: 0, texts: ["Schichtarbeit: abends keine Zeit", "Schule wirkt einschüchternd", "Briefe kommen nicht an"] },
      { phase: 1, texts: ["Wie könnten wir Eltern im Alltag begegnen?"] },
      { phase: 2, texts: ["Elterncafé am Kiosk vor der Schule", "Sprachmittler:innen aus der Community", "Infos per Sprachnachricht", "Lernpat:innen als Brücke"] },
    ],
  },
  {
    title: "Lernpatenschaften verstetigen",
    question: "Wie könnten wir Lernpat:innen über ein ganzes Schuljahr halten?",
    goals: "Weniger Abbrüche von Lernpatenschaften.",
    status: "concluded",
    daysAgo: 60,
    currentIndex: 4,
    currentStatus: "completed",
    participants: [
      { email: "moderation@netzwerkstatt.test", role: "moderator" },
      { email: "expertin@netzwerkstatt.test", role: "knowledge_giver" },
      { email: "verein@binet.test", role: "delegate" },
    ],
    problem: {
      title: "Lernpat:innen springen nach wenigen Monaten ab",
      description: "Viele Lernpatenschaften enden nach zwei, drei Monaten; die Kinder verlieren ihre Bezugsperson.",
      author: "verein@binet.test",
      final: "resolved",
      note: "Tandems zum Halbjahr und ein Dankeschön-Abend werden eingeführt.",
    },
    cards: [{ phase: 2, texts: ["Tandems zum Halbjahr neu zusammenstellen", "Dankeschön-Abend", "Supervision in der Gruppe"] }],
    outcome: {
      summary: "Lernpat:innen bleiben, wenn sie sich gesehen fühlen und nicht allein sind: feste Tandems, ein halbjährlicher Wechselpunkt und sichtbare Anerkennung.",
      decisions: "BiNet führt halbjährliche Tandem-Gespräche ein und lädt einmal im Jahr zu einem Dankeschön-Abend ein.",
      ideas: ["Tandems zum Halbjahr neu zusammenstellen", "Dankeschön-Abend"],
      tasks: [
        { title: "Tandem-Gespräche zum Halbjahr vorbereiten", description: "Leitfaden für die Gespräche mit Lernpat:innen und Lehrkräften.", assignee: "verein@binet.test", dueInDays: 21 },
        { title: "Dankeschön-Abend für Lernpat:innen planen", description: "Ort, Termin und Budget klären.", assignee: "koordination@binet.test", dueInDays: 45 },
      ],
    },
  },
  {
    title: "Übergang Kita–Grundschule begleiten",
    question: "Wie könnten wir Wissen über ein Kind von der Kita in die Grundschule mitnehmen – mit den Eltern statt über sie?",
    goals: "Ein Übergabegespräch, das Eltern einbezieht.",
    status: "paused",
    pausedReason: "Sommerferien – wir machen im September weiter.",
    daysAgo: 30,
    currentIndex: 1,
    currentStatus: "paused",
    participants: [
      { email: "moderation@netzwerkstatt.test", role: "moderator" },
      { email: "referat@binet.test", role: "delegate" },
    ],
    problem: {
      title: "Beim Übergang Kita–Grundschule gehen Informationen verloren",
      description: "Was die Kita über ein Kind weiß, erreicht die Grundschule selten – und Eltern wissen oft nicht, was weitergegeben werden darf.",
      author: "referat@binet.test",
      final: "in_think_tank",
    },
    cards: [{ phase: 0, texts: ["Eltern fürchten Stempel", "Kitas kennen die Schule nicht"] }],
  },
];

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

async function insertPhases(tx: DbOrTx, thinkTankId: string, specs: PhaseSpec[], demo: DemoThinkTank, start: Date, moderatorId: string) {
  const created: Array<{ id: string; boards: Array<{ id: string; kind: string; columnIds: string[] }> }> = [];
  for (const [position, spec] of specs.entries()) {
    const startedAt = new Date(start.getTime() + position * 2 * DAY);
    const status: PhaseStatus = position < demo.currentIndex ? "completed" : position === demo.currentIndex ? demo.currentStatus : "pending";
    const ran = status !== "pending";
    const [phase] = await tx
      .insert(phases)
      .values({
        thinkTankId,
        position,
        name: spec.name,
        goal: spec.goal,
        timeboxMinutes: spec.timeboxMinutes,
        status,
        startedAt: ran ? startedAt : null,
        completedAt: status === "completed" ? new Date(startedAt.getTime() + DAY) : null,
        // The running phase started twenty minutes ago, so its remaining time shows.
        runningSince: status === "running" ? new Date(Date.now() - 20 * 60 * 1000) : null,
        elapsedSeconds: status === "completed" ? (spec.timeboxMinutes ?? 60) * 60 : status === "paused" ? 25 * 60 : 0,
      })
      .returning({ id: phases.id });
    if (!phase) throw new Error("phase insert returned nothing");
    if (ran) {
      await tx.insert(phaseChanges).values({ thinkTankId, phaseId: phase.id, action: "started", actorId: moderatorId, at: startedAt });
      if (status === "completed") await tx.insert(phaseChanges).values({ thinkTankId, phaseId: phase.id, action: "completed", actorId: moderatorId, at: new Date(startedAt.getTime() + DAY) });
      if (status === "paused") await tx.insert(phaseChanges).values({ thinkTankId, phaseId: phase.id, action: "paused", actorId: moderatorId, at: new Date(startedAt.getTime() + DAY) });
    }
    const boardRows: Array<{ id: string; kind: string; columnIds: string[] }> = [];
    for (const [index, board] of spec.boards.entries()) {
      const [row] = await tx
        .insert(boards)
        .values({ thinkTankId, phaseId: phase.id, title: board.title, kind: board.kind, template: board.template, position: index, votesPerPerson: board.votesPerPerson })
        .returning({ id: boards.id });
      if (!row) throw new Error("board insert returned nothing");
      const columnIds: string[] = [];
      for (const [i, title] of board.columns.entries()) {
        const [col] = await tx.insert(boardColumns).values({ boardId: row.id, title, position: i + 1 }).returning({ id: boardColumns.id });
        if (col) columnIds.push(col.id);
      }
      boardRows.push({ id: row.id, kind: board.kind, columnIds });
    }
    created.push({ id: phase.id, boards: boardRows });
  }
  return created;
}

async function logProblemWithHistory(tx: DbOrTx, networkId: string, demo: DemoThinkTank, ids: Map<string, string>, created: Date) {
  const authorId = ids.get(demo.problem.author) ?? null;
  const hostId = ids.get("moderation@netzwerkstatt.test") ?? null;
  const [problem] = await tx
    .insert(problems)
    .values({ networkId, title: demo.problem.title, description: demo.problem.description, urgency: "medium", status: demo.problem.final, createdById: authorId, createdAt: created })
    .returning({ id: problems.id });
  if (!problem) throw new Error("problem insert returned nothing");
  const steps: Array<{ from: ProblemStatus | null; to: ProblemStatus; by: string | null; note: string; at: Date }> = [
    { from: null, to: "open", by: authorId, note: "", at: created },
    { from: "open", to: "escalated", by: hostId, note: `Eskaliert an den Think-Tank „${demo.title}“`, at: new Date(created.getTime() + DAY) },
    { from: "escalated", to: "in_think_tank", by: hostId, note: `Aufgenommen in den Think-Tank „${demo.title}“`, at: new Date(created.getTime() + DAY + 60_000) },
  ];
  if (demo.problem.final === "resolved") steps.push({ from: "in_think_tank", to: "resolved", by: hostId, note: demo.problem.note ?? "", at: new Date(Date.now() - 5 * DAY) });
  for (const s of steps) await tx.insert(problemStatusChanges).values({ problemId: problem.id, fromStatus: s.from, toStatus: s.to, note: s.note, actorId: s.by, at: s.at });
  return problem.id;
}

export async function seedThinkTanks(tx: DbOrTx): Promise<void> {
  const [existing] = await tx.select({ id: thinkTanks.id }).from(thinkTanks).where(eq(thinkTanks.title, IDEATE_THINK_TANK_TITLE)).limit(1);
  if (existing) return;
  const [binet] = await tx.select({ id: networks.id }).from(networks).where(eq(networks.slug, "binet"));
  if (!binet) return;
  const emails = [...new Set(demoThinkTanks.flatMap((d) => [...d.participants.map((p) => p.email), d.problem.author, ...(d.outcome?.tasks.map((t) => t.assignee) ?? [])]))];
  const people = await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails)).orderBy(asc(users.email));
  const ids = new Map(people.map((p) => [p.email, p.id]));
  const moderatorId = ids.get("moderation@netzwerkstatt.test");
  if (!moderatorId) return;

  for (const demo of demoThinkTanks) {
    const createdAt = new Date(Date.now() - demo.daysAgo * DAY);
    const [tt] = await tx
      .insert(thinkTanks)
      .values({
        title: demo.title,
        question: demo.question,
        goals: demo.goals,
        status: demo.status,
        pausedReason: demo.pausedReason ?? null,
        template: "dschool",
        visibility: "origin_networks",
        startsOn: isoDate(createdAt),
        createdById: moderatorId,
        createdAt,
        outcomeSummary: demo.outcome?.summary ?? "",
        outcomeDecisions: demo.outcome?.decisions ?? "",
        concludedAt: demo.status === "concluded" ? new Date(Date.now() - 5 * DAY) : null,
      })
      .returning({ id: thinkTanks.id });
    if (!tt) throw new Error("think-tank insert returned nothing");
    for (const p of demo.participants) {
      const userId = ids.get(p.email);
      if (userId) await tx.insert(thinkTankParticipants).values({ thinkTankId: tt.id, userId, role: p.role, invitedById: moderatorId, joinedAt: createdAt });
    }
    const problemId = await logProblemWithHistory(tx, binet.id, demo, ids, new Date(createdAt.getTime() - 3 * DAY));
    await tx.insert(thinkTankProblems).values({ thinkTankId: tt.id, problemId, addedById: moderatorId, resolutionNote: demo.problem.note ?? "", addedAt: createdAt });

    const created = await insertPhases(tx, tt.id, phaseTemplatePhases("dschool", "de"), demo, createdAt, moderatorId);
    const current = created[Math.min(demo.currentIndex, created.length - 1)];
    await tx.update(thinkTanks).set({ currentPhaseId: demo.status === "concluded" ? null : (current?.id ?? null) }).where(eq(thinkTanks.id, tt.id));

    const authorIds = demo.participants.map((p) => ids.get(p.email)).filter((x): x is string => Boolean(x));
    const cardIds = new Map<string, string>();
    for (const group of demo.cards) {
      const board = created[group.phase]?.boards[group.board ?? 0];
      if (!board) continue;
      for (const [i, text] of group.texts.entries()) {
        const [card] = await tx
          .insert(cards)
          .values({
            boardId: board.id,
            text,
            colour: ["yellow", "blue", "green", "pink"][i % 4] ?? "yellow",
            columnId: board.kind === "columns" ? (board.columnIds[i % Math.max(1, board.columnIds.length)] ?? null) : null,
            x: board.kind === "canvas" ? 40 + (i % 3) * 240 : null,
            y: board.kind === "canvas" ? 40 + Math.floor(i / 3) * 180 : null,
            position: i + 1,
            authorId: authorIds[i % authorIds.length] ?? null,
          })
          .returning({ id: cards.id });
        if (card) cardIds.set(text, card.id);
      }
    }

    if (demo.outcome) {
      for (const [position, title] of demo.outcome.ideas.entries()) {
        await tx.insert(outcomeIdeas).values({ thinkTankId: tt.id, title, cardId: cardIds.get(title) ?? null, position });
      }
      for (const task of demo.outcome.tasks) {
        const [last] = await tx.select({ position: tasks.position }).from(tasks).where(and(eq(tasks.networkId, binet.id), eq(tasks.status, "open"))).orderBy(desc(tasks.position)).limit(1);
        await tx.insert(tasks).values({
          networkId: binet.id,
          title: task.title,
          description: task.description,
          status: "open",
          assigneeId: ids.get(task.assignee) ?? null,
          dueDate: isoDate(new Date(Date.now() + task.dueInDays * DAY)),
          position: (last?.position ?? 0) + 100,
          createdById: moderatorId,
          thinkTankId: tt.id,
        });
      }
    }
  }
}
