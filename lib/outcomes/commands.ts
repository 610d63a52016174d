import "server-only";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import {
  boardColumns,
  boards,
  cards,
  networkMembers,
  networks,
  outcomeIdeas,
  phaseChanges,
  phases,
  problems,
  tasks,
  thinkTankProblems,
  thinkTanks,
  users,
  type Locale,
  type ThinkTank,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit/commands";
import { AppError } from "@/lib/errors";
import { sendMail } from "@/lib/mail/send";
import { recordActivity } from "@/lib/networks/activity";
import { assertCan, assertCanInThinkTank, assertSignedIn, type Actor } from "@/lib/policy";
import { moveProblemStatus } from "@/lib/problems/commands";
import { lockThinkTank, thinkTankAccess, thinkTankIdOf } from "@/lib/think-tanks/access";
import { createThinkTank } from "@/lib/think-tanks/commands";
import { announcePhaseUpdate } from "@/lib/think-tanks/realtime";
import { parseInput } from "@/lib/validation";
import { composeOutcomeMail, type OutcomeMail } from "./mail";
import { ZCarryOver, ZConcludeThinkTank, ZHandBackTask } from "./schemas";

/*
 * The end of a think-tank: conclusion (outcome, ideas, what became of the origin problems), hand
 * back (tasks in an origin network's Work-Space) and archive. Access first (outsiders get 404),
 * then the think-tank policy (which also knows in which status each step is possible), then input.
 */

type Command = { actor: Actor | null; input: unknown };




/** The think-tank's origin problems with their networks. */
export async function originProblems(tx: Tx, thinkTankId: string) {
  return tx
    .select({ id: problems.id, title: problems.title, status: problems.status, networkId: problems.networkId })
    .from(thinkTankProblems)
    .innerJoin(problems, eq(problems.id, thinkTankProblems.problemId))
    .where(eq(thinkTankProblems.thinkTankId, thinkTankId));
}

/**
 * Concludes an active or paused think-tank: the moderator's outcome (summary, decisions, selected
 * ideas, each optionally pointing at a card of this think-tank), every origin problem resolved or
 * left open with a note, the status concluded; the origin networks hear of it by e-mail.
 */
export async function concludeThinkTank({ actor, input }: Command): Promise<{ thinkTankId: string; resolved: string[]; open: string[] }> {
  assertSignedIn(actor);
  const thinkTankId = thinkTankIdOf(input);
  const db = await getDb();
  const { result, mails } = await db.transaction(async (tx) => {
    const { thinkTank, context } = await thinkTankAccess(tx, actor, thinkTankId);
    assertCanInThinkTank(actor, context, "thinkTank.conclude");
    const data = parseInput(ZConcludeThinkTank, input);
    await lockThinkTank(tx, thinkTank.id, "update");
    const origin = await originProblems(tx, thinkTank.id);
    const originIds = new Set(origin.map((p) => p.id));
    if (data.problems.some((p) => !originIds.has(p.problemId))) {
      throw new AppError("invalid_input", "Not an origin problem", { fields: { problems: ["problemNotOrigin"] } });
    }
    const cardIds = [...new Set(data.ideas.map((i) => i.cardId).filter((id): id is string => Boolean(id)))];
    if (cardIds.length) {
      const found = await tx
        .select({ id: cards.id })
        .from(cards)
        .innerJoin(boards, eq(boards.id, cards.boardId))
        .where(and(inArray(cards.id, cardIds), eq(boards.thinkTankId, thinkTank.id), isNull(cards.deletedAt)));
      if (found.length !== cardIds.length) throw new AppError("invalid_input", "Card not on this think-tank's boards", { fields: { ideas: ["cardNotInThinkTank"] } });
    }
    const [updated] = await tx
      .update(thinkTanks)
      .set({ status: "concluded", outcomeSummary: data.summary, outcomeDecisions: data.decisions, concludedAt: new Date(), pausedReason: null })
      .where(and(eq(thinkTanks.id, thinkTank.id), eq(thinkTanks.status, thinkTank.status)))
      .returning();
    if (!updated) throw new AppError("conflict", "The think-tank changed meanwhile");
    await completeOpenPhases(tx, thinkTank.id, actor.id);
    await tx.delete(outcomeIdeas).where(eq(outcomeIdeas.thinkTankId, thinkTank.id));
    if (data.ideas.length) {
      await tx.insert(outcomeIdeas).values(data.ideas.map((idea, position) => ({ thinkTankId: thinkTank.id, title: idea.title, note: idea.note, cardId: idea.cardId, position })));
    }
    const decisions = new Map(data.problems.map((p) => [p.problemId, p]));
    const resolved: string[] = [];
    const open: string[] = [];
    for (const problem of origin) {
      const decision = decisions.get(problem.id) ?? { resolution: "open" as const, note: "" };
      await tx
        .update(thinkTankProblems)
        .set({ resolutionNote: decision.note })
        .where(and(eq(thinkTankProblems.thinkTankId, thinkTank.id), eq(thinkTankProblems.problemId, problem.id)));
      if (decision.resolution === "resolved") {
        resolved.push(problem.id);
        // The think-tank's moderator acts for the host here: the conclusion is the host's decision.
        if (problem.status !== "resolved") {
          await moveProblemStatus(tx, { networkId: problem.networkId, actorId: actor.id, roles: ["host"], problemId: problem.id, to: "resolved", note: decision.note });
        }
      } else {
        open.push(problem.id);
      }
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "thinkTank.concluded",
      subjectType: "think_tank",
      subjectId: thinkTank.id,
      data: { from: thinkTank.status, ideas: data.ideas.length, resolved, open },
    });
    const mails = await conclusionMails(tx, updated, origin.map((p) => p.networkId));
    return { result: { thinkTankId: thinkTank.id, resolved, open }, mails };
  });
  for (const mail of mails) await sendMail(composeOutcomeMail(mail));
  announcePhaseUpdate(thinkTankId);
  return result;
}

/**
 * A concluded think-tank has no clock running: phases still running or paused are completed
 * (their time so far kept), in the phase history like a moderator's "complete".
 */
async function completeOpenPhases(tx: Tx, thinkTankId: string, actorId: string): Promise<void> {
  const open = await tx.select().from(phases).where(and(eq(phases.thinkTankId, thinkTankId), inArray(phases.status, ["running", "paused"])));
  const now = new Date();
  for (const phase of open) {
    const ranFor = phase.runningSince ? Math.max(0, Math.round((now.getTime() - phase.runningSince.getTime()) / 1000)) : 0;
    await tx
      .update(phases)
      .set({ status: "completed", completedAt: now, runningSince: null, elapsedSeconds: phase.elapsedSeconds + ranFor })
      .where(eq(phases.id, phase.id));
    await tx.insert(phaseChanges).values({ thinkTankId, phaseId: phase.id, action: "complete", actorId, at: now });
    await recordAudit(tx, { actorId, action: "phase.complete", subjectType: "phase", subjectId: phase.id, data: { thinkTankId, phase: phase.name, because: "thinkTank.concluded" } });
  }
}

/** Every coordinator and member of the origin networks (once each), in their language. */
async function conclusionMails(tx: Tx, thinkTank: ThinkTank, networkIds: string[]): Promise<OutcomeMail[]> {
  if (!networkIds.length) return [];
  const rows = await tx
    .select({ email: users.email, locale: users.locale, networkName: networks.name, slug: networks.slug })
    .from(networkMembers)
    .innerJoin(users, eq(users.id, networkMembers.userId))
    .innerJoin(networks, eq(networks.id, networkMembers.networkId))
    .where(and(inArray(networkMembers.networkId, [...new Set(networkIds)]), isNull(users.disabledAt)));
  const seen = new Set<string>();
  const mails: OutcomeMail[] = [];
  for (const r of rows) {
    if (seen.has(r.email)) continue;
    seen.add(r.email);
    mails.push({
      kind: "concluded",
      to: r.email,
      locale: (r.locale ?? "de") as Locale,
      params: { thinkTank: thinkTank.title, question: thinkTank.question, summary: thinkTank.outcomeSummary, network: r.networkName, slug: r.slug },
    });
  }
  return mails;
}

async function nextTaskPosition(tx: Tx, networkId: string): Promise<number> {
  const [row] = await tx
    .select({ max: sql<number | null>`max(${tasks.position})`.mapWith((v) => (v === null ? null : Number(v))) })
    .from(tasks)
    .where(and(eq(tasks.networkId, networkId), eq(tasks.status, "open")));
  return (row?.max ?? -1) + 1;
}

/**
 * Hands one result back as a task into an origin network's Work-Space, owned by a member of that
 * network, with a due date and `think_tank_id` as the link back.
 */
export async function handBackOutcome({ actor, input }: Command) {
  assertSignedIn(actor);
  const thinkTankId = thinkTankIdOf(input);
  const db = await getDb();
  const task = await db.transaction(async (tx) => {
    const { thinkTank, context } = await thinkTankAccess(tx, actor, thinkTankId);
    assertCanInThinkTank(actor, context, "thinkTank.handBack");
    const data = parseInput(ZHandBackTask, input);
    const origin = await originProblems(tx, thinkTank.id);
    if (!origin.some((p) => p.networkId === data.networkId)) {
      throw new AppError("invalid_input", "Not an origin network", { fields: { networkId: ["networkNotOrigin"] } });
    }
    const [network] = await tx.select().from(networks).where(eq(networks.id, data.networkId));
    if (!network) throw new AppError("invalid_input", "Not an origin network", { fields: { networkId: ["networkNotOrigin"] } });
    if (network.status !== "active") throw new AppError("network_not_active", "The network is not active");
    const [member] = await tx
      .select({ userId: networkMembers.userId })
      .from(networkMembers)
      .where(and(eq(networkMembers.networkId, network.id), eq(networkMembers.userId, data.assigneeId)));
    if (!member) throw new AppError("invalid_input", "The owner must be a member of the network", { fields: { assigneeId: ["assigneeNotMember"] } });
    const [task] = await tx
      .insert(tasks)
      .values({
        networkId: network.id,
        title: data.title,
        description: data.description,
        status: "open",
        assigneeId: data.assigneeId,
        dueDate: data.dueDate,
        position: await nextTaskPosition(tx, network.id),
        createdById: actor.id,
        thinkTankId: thinkTank.id,
      })
      .returning();
    if (!task) throw new Error("task insert returned nothing");
    await recordActivity(tx, { networkId: network.id, actorId: actor.id, verb: "task.created", subjectType: "task", subjectId: task.id, summary: task.title });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "thinkTank.handed_back",
      subjectType: "think_tank",
      subjectId: thinkTank.id,
      data: { taskId: task.id, networkId: network.id, assigneeId: data.assigneeId, dueDate: data.dueDate },
    });
    return task;
  });
  return task;
}

/** Concluded → archived: from now on the think-tank is read-only (the policy allows nothing else). */
export async function archiveThinkTank({ actor, input }: Command): Promise<void> {
  assertSignedIn(actor);
  const thinkTankId = thinkTankIdOf(input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { thinkTank, context } = await thinkTankAccess(tx, actor, thinkTankId);
    assertCanInThinkTank(actor, context, "thinkTank.archive");
    const [updated] = await tx
      .update(thinkTanks)
      .set({ status: "archived", archivedAt: new Date() })
      .where(and(eq(thinkTanks.id, thinkTank.id), eq(thinkTanks.status, "concluded")))
      .returning({ id: thinkTanks.id });
    if (!updated) throw new AppError("conflict", "The think-tank changed meanwhile");
    await recordAudit(tx, { actorId: actor.id, action: "thinkTank.archived", subjectType: "think_tank", subjectId: thinkTank.id });
  });
  announcePhaseUpdate(thinkTankId);
}

/**
 * Carry over (the DENKZELLE practice): from a paused or concluded think-tank a moderator starts a
 * new one that continues selected origin problems and selected cards. The new think-tank is
 * convened through createThinkTank (phases, boards and columns of the same template); then, in
 * one transaction, the problems are linked, the cards copied onto the first board of its first
 * phase (each remembering the card it came from) and the two think-tanks linked both ways.
 */
export async function carryOverThinkTank({ actor, input }: Command): Promise<{ thinkTankId: string; problems: number; cards: number }> {
  assertSignedIn(actor);
  const thinkTankId = thinkTankIdOf(input);
  const db = await getDb();
  const { thinkTank: source, context } = await thinkTankAccess(db, actor, thinkTankId);
  assertCanInThinkTank(actor, context, "thinkTank.carryOver");
  // Convening a think-tank is the host's (platform moderators and admins), also when carrying over.
  assertCan(actor, "thinkTank.convene");
  const data = parseInput(ZCarryOver, input);
  const originRows = await db.select({ problemId: thinkTankProblems.problemId }).from(thinkTankProblems).where(eq(thinkTankProblems.thinkTankId, source.id));
  const originIds = new Set(originRows.map((r) => r.problemId));
  if (data.problemIds.some((id) => !originIds.has(id))) throw new AppError("invalid_input", "Not an origin problem", { fields: { problemIds: ["problemNotOrigin"] } });
  const sourceCards = data.cardIds.length
    ? await db
        .select({ id: cards.id, text: cards.text, colour: cards.colour, x: cards.x, y: cards.y })
        .from(cards)
        .innerJoin(boards, eq(boards.id, cards.boardId))
        .where(and(inArray(cards.id, data.cardIds), eq(boards.thinkTankId, source.id), isNull(cards.deletedAt)))
    : [];
  if (sourceCards.length !== data.cardIds.length) throw new AppError("invalid_input", "Card not on this think-tank's boards", { fields: { cardIds: ["cardNotInThinkTank"] } });

  const created = await createThinkTank({
    actor,
    input: { title: data.title, question: data.question, goals: source.goals, template: source.template, visibility: source.visibility, locale: data.locale, customPhases: await customPhasesOf(source) },
  });
  const order = new Map(data.cardIds.map((id, i) => [id, i]));
  const copies = [...sourceCards].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  await db.transaction(async (tx) => {
    await tx.update(thinkTanks).set({ carriedOverFromId: source.id }).where(eq(thinkTanks.id, created.id));
    if (data.problemIds.length) {
      await tx.insert(thinkTankProblems).values(data.problemIds.map((problemId) => ({ thinkTankId: created.id, problemId, addedById: actor.id })));
    }
    if (copies.length) {
      const [board] = await tx
        .select({ id: boards.id, kind: boards.kind })
        .from(boards)
        .innerJoin(phases, eq(phases.id, boards.phaseId))
        .where(eq(boards.thinkTankId, created.id))
        .orderBy(asc(phases.position), asc(boards.position))
        .limit(1);
      if (!board) throw new Error("the new think-tank has no board");
      const [column] = await tx.select({ id: boardColumns.id }).from(boardColumns).where(eq(boardColumns.boardId, board.id)).orderBy(asc(boardColumns.position)).limit(1);
      await tx.insert(cards).values(
        copies.map((c, i) => ({
          boardId: board.id,
          columnId: board.kind === "columns" ? (column?.id ?? null) : null,
          text: c.text,
          colour: c.colour,
          x: board.kind === "canvas" ? (c.x ?? 40 + (i % 5) * 220) : null,
          y: board.kind === "canvas" ? (c.y ?? 40 + Math.floor(i / 5) * 160) : null,
          position: i + 1,
          authorId: actor.id,
          carriedFromCardId: c.id,
        })),
      );
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "thinkTank.carried_over",
      subjectType: "think_tank",
      subjectId: source.id,
      data: { to: created.id, problems: data.problemIds, cards: data.cardIds.length },
    });
  });
  return { thinkTankId: created.id, problems: data.problemIds.length, cards: copies.length };
}

/** A custom-template think-tank carries its own phase names over (names, goals, timeboxes). */
async function customPhasesOf(source: ThinkTank) {
  if (source.template !== "custom") return undefined;
  const db = await getDb();
  const rows = await db.select({ name: phases.name, goal: phases.goal, timeboxMinutes: phases.timeboxMinutes }).from(phases).where(eq(phases.thinkTankId, source.id)).orderBy(asc(phases.position));
  return rows.length ? rows : [{ name: "Phase 1", goal: "", timeboxMinutes: null }];
}
