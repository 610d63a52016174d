import "server-only";
import { and, asc, eq, isNull, max, ne } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { boardColumns, boards, phaseChanges, phases, thinkTankParticipants, thinkTanks, users, type Phase } from "@/db/schema";
import { recordAudit } from "@/lib/audit/commands";
import { boardSpecForTemplate, customPhase, type BoardSpec, type PhaseSpec } from "@/lib/boards/templates";
import { AppError } from "@/lib/errors";
import { sendMail } from "@/lib/mail/send";
import { assertCanInThinkTank, assertSignedIn, type Actor, type ThinkTankAction } from "@/lib/policy";
import { thinkTankAccess, type ThinkTankAccess } from "@/lib/think-tanks/access";
import { composeThinkTankMail } from "@/lib/think-tanks/mail";
import { announcePhaseUpdate } from "@/lib/think-tanks/realtime";
import { parseInput } from "@/lib/validation";
import { canRunPhase, elapsedSeconds, isEditablePhase, moveTarget, phaseTransitions } from "./rules";
import { ZAddBoardToPhase, ZAddPhase, ZMovePhase, ZPhaseRef, ZRunPhase, ZUpdatePhase } from "./schemas";
import { ZThinkTankRef } from "@/lib/think-tanks/schemas";

/*
 * Phase commands. Every one resolves the think-tank through thinkTankAccess (404 for whoever may
 * not see it), checks the think-tank policy, then validates; a phase id is only looked up inside
 * that think-tank. Each change is one transaction with its audit entry and is announced live.
 */

type Command = { actor: Actor | null; input: unknown };

async function authorise(db: DbOrTx, actor: Actor | null, input: unknown, action: ThinkTankAction): Promise<ThinkTankAccess & { actor: Actor }> {
  assertSignedIn(actor);
  const { thinkTankId } = parseInput(ZThinkTankRef, input);
  const access = await thinkTankAccess(db, actor, thinkTankId);
  assertCanInThinkTank(actor, access.context, action);
  return { ...access, actor };
}

async function phaseInThinkTank(db: DbOrTx, thinkTankId: string, phaseId: string): Promise<Phase> {
  const [row] = await db
    .select()
    .from(phases)
    .where(and(eq(phases.id, phaseId), eq(phases.thinkTankId, thinkTankId)))
    .limit(1);
  if (!row) throw new AppError("not_found", "Phase not found");
  return row;
}

/** A phase with its default boards and their columns (used by createThinkTank and addPhase). */
export async function insertPhaseWithBoards(tx: DbOrTx, thinkTankId: string, position: number, spec: PhaseSpec): Promise<Phase> {
  const [phase] = await tx
    .insert(phases)
    .values({ thinkTankId, position, name: spec.name, goal: spec.goal, timeboxMinutes: spec.timeboxMinutes })
    .returning();
  if (!phase) throw new Error("phase insert returned nothing");
  for (const [index, board] of spec.boards.entries()) {
    await insertBoard(tx, { thinkTankId, phaseId: phase.id, position: index, board });
  }
  return phase;
}

/** One board of a phase with its template's columns. */
async function insertBoard(tx: DbOrTx, params: { thinkTankId: string; phaseId: string; position: number; board: BoardSpec; anonymous?: boolean }) {
  const { board } = params;
  const [row] = await tx
    .insert(boards)
    .values({
      thinkTankId: params.thinkTankId,
      phaseId: params.phaseId,
      title: board.title,
      kind: board.kind,
      template: board.template,
      position: params.position,
      votesPerPerson: board.votesPerPerson,
      anonymous: params.anonymous ?? false,
    })
    .returning();
  if (!row) throw new Error("board insert returned nothing");
  if (board.columns.length) {
    await tx.insert(boardColumns).values(board.columns.map((title, i) => ({ boardId: row.id, title, position: i + 1 })));
  }
  return row;
}

/** Stops the clock of a running phase, adding the running stretch to its elapsed seconds. */
function stoppedClock(phase: Phase, now: Date) {
  return { elapsedSeconds: elapsedSeconds(phase, now), runningSince: null };
}

async function recordPhaseChange(tx: DbOrTx, params: { thinkTankId: string; phase: Phase; action: string; actorId: string; extra?: Record<string, unknown> }) {
  await tx.insert(phaseChanges).values({ thinkTankId: params.thinkTankId, phaseId: params.phase.id, action: params.action, actorId: params.actorId });
  await recordAudit(tx, {
    actorId: params.actorId,
    action: `phase.${params.action}`,
    subjectType: "phase",
    subjectId: params.phase.id,
    data: { thinkTankId: params.thinkTankId, phase: params.phase.name, ...params.extra },
  });
}

/**
 * Start, pause, complete or reopen a phase. Starting or reopening makes it the think-tank's current
 * phase and pauses whichever other phase was running; starting the first phase of a convening
 * think-tank makes it active. The status update is conditional on the status read, so two
 * moderators clicking at once cannot both move the phase from the same state.
 */
export async function runPhase({ actor, input }: Command) {
  const db = await getDb();
  const { thinkTank, actor: who } = await authorise(db, actor, input, "phases.run");
  const data = parseInput(ZRunPhase, input);
  const result = await db.transaction(async (tx) => {
    const phase = await phaseInThinkTank(tx, thinkTank.id, data.phaseId);
    if (!canRunPhase(phase.status, data.action)) {
      throw new AppError("conflict", `A ${phase.status} phase cannot be ${data.action}ed`, { fields: { action: ["invalidChoice"] } });
    }
    const now = new Date();
    const to = phaseTransitions[data.action].to;
    const makesCurrent = data.action === "start" || data.action === "reopen";
    if (makesCurrent) {
      const others = await tx
        .select()
        .from(phases)
        .where(and(eq(phases.thinkTankId, thinkTank.id), eq(phases.status, "running"), ne(phases.id, phase.id)));
      for (const other of others) {
        await tx.update(phases).set({ status: "paused", ...stoppedClock(other, now) }).where(eq(phases.id, other.id));
        await recordPhaseChange(tx, { thinkTankId: thinkTank.id, phase: other, action: "pause", actorId: who.id, extra: { because: phase.id } });
      }
    }
    const changes: Partial<typeof phases.$inferInsert> =
      data.action === "start" || data.action === "reopen"
        ? { status: to, runningSince: now, startedAt: phase.startedAt ?? now, completedAt: null }
        : data.action === "pause"
          ? { status: to, ...stoppedClock(phase, now) }
          : { status: to, ...stoppedClock(phase, now), completedAt: now };
    const [updated] = await tx
      .update(phases)
      .set(changes)
      .where(and(eq(phases.id, phase.id), eq(phases.status, phase.status)))
      .returning();
    if (!updated) throw new AppError("conflict", "The phase changed meanwhile");
    await recordPhaseChange(tx, { thinkTankId: thinkTank.id, phase, action: data.action, actorId: who.id, extra: { from: phase.status, to } });
    if (makesCurrent) {
      const activate = thinkTank.status === "convening";
      await tx
        .update(thinkTanks)
        .set({ currentPhaseId: phase.id, ...(activate ? { status: "active" as const } : {}) })
        .where(eq(thinkTanks.id, thinkTank.id));
      if (activate) {
        await recordAudit(tx, {
          actorId: who.id,
          action: "thinkTank.status_changed",
          subjectType: "think_tank",
          subjectId: thinkTank.id,
          data: { from: "convening", to: "active", because: "phase.start" },
        });
      }
    }
    // Only a first start is news for the inbox; resuming after a pause is not.
    return { phase: updated, firstStart: data.action === "start" && phase.startedAt === null };
  });
  announcePhaseUpdate(thinkTank.id);
  if (result.firstStart && data.notify) {
    await mailPhaseStarted(db, { thinkTankId: thinkTank.id, title: thinkTank.title, phase: result.phase, except: who.id });
  }
  return result.phase;
}

async function mailPhaseStarted(db: DbOrTx, params: { thinkTankId: string; title: string; phase: Phase; except: string }) {
  const recipients = await db
    .select({ email: users.email, name: users.name, locale: users.locale })
    .from(thinkTankParticipants)
    .innerJoin(users, eq(users.id, thinkTankParticipants.userId))
    .where(
      and(
        eq(thinkTankParticipants.thinkTankId, params.thinkTankId),
        eq(thinkTankParticipants.phaseMails, true),
        ne(thinkTankParticipants.userId, params.except),
        isNull(users.disabledAt),
      ),
    )
    .orderBy(asc(users.email));
  for (const r of recipients) {
    await sendMail(
      composeThinkTankMail({
        kind: "phaseStarted",
        to: r.email,
        locale: r.locale ?? "de",
        params: { name: r.name, thinkTank: params.title, thinkTankId: params.thinkTankId, phase: params.phase.name, goal: params.phase.goal },
      }),
    );
  }
}

/** Rename a phase, change its goal or timebox: only before it has started. */
export async function updatePhase({ actor, input }: Command) {
  const db = await getDb();
  const { thinkTank, actor: who } = await authorise(db, actor, input, "phases.edit");
  const data = parseInput(ZUpdatePhase, input);
  const updated = await db.transaction(async (tx) => {
    const phase = await phaseInThinkTank(tx, thinkTank.id, data.phaseId);
    if (!isEditablePhase(phase)) throw new AppError("conflict", "Only phases that have not started can be changed");
    const [row] = await tx
      .update(phases)
      .set({ name: data.name, goal: data.goal, timeboxMinutes: data.timeboxMinutes })
      .where(and(eq(phases.id, phase.id), eq(phases.status, "pending"), isNull(phases.startedAt)))
      .returning();
    if (!row) throw new AppError("conflict", "The phase changed meanwhile");
    await recordAudit(tx, {
      actorId: who.id,
      action: "phase.updated",
      subjectType: "phase",
      subjectId: phase.id,
      data: { thinkTankId: thinkTank.id, from: { name: phase.name, goal: phase.goal, timeboxMinutes: phase.timeboxMinutes }, to: { name: row.name, goal: row.goal, timeboxMinutes: row.timeboxMinutes } },
    });
    return row;
  });
  announcePhaseUpdate(thinkTank.id);
  return updated;
}

/** A new phase at the end, with a free canvas. */
export async function addPhase({ actor, input }: Command) {
  const db = await getDb();
  const { thinkTank, actor: who } = await authorise(db, actor, input, "phases.edit");
  const data = parseInput(ZAddPhase, input);
  const phase = await db.transaction(async (tx) => {
    const [last] = await tx.select({ position: max(phases.position) }).from(phases).where(eq(phases.thinkTankId, thinkTank.id));
    const position = (last?.position ?? -1) + 1;
    const row = await insertPhaseWithBoards(tx, thinkTank.id, position, customPhase(data, data.locale));
    await recordAudit(tx, { actorId: who.id, action: "phase.added", subjectType: "phase", subjectId: row.id, data: { thinkTankId: thinkTank.id, name: row.name, position } });
    return row;
  });
  announcePhaseUpdate(thinkTank.id);
  return phase;
}

/**
 * A board added to a phase that is not completed, with its template's columns in the moderator's
 * language, after the phase's other boards. Anonymity is set here, before any card exists.
 */
export async function addBoardToPhase({ actor, input }: Command) {
  const db = await getDb();
  const { thinkTank, actor: who } = await authorise(db, actor, input, "phases.edit");
  const data = parseInput(ZAddBoardToPhase, input);
  const board = await db.transaction(async (tx) => {
    const phase = await phaseInThinkTank(tx, thinkTank.id, data.phaseId);
    if (phase.status === "completed") throw new AppError("conflict", "A completed phase gets no new boards");
    const [last] = await tx.select({ position: max(boards.position) }).from(boards).where(eq(boards.phaseId, phase.id));
    const position = (last?.position ?? -1) + 1;
    const spec = boardSpecForTemplate(data.template, data.locale, data.title);
    const row = await insertBoard(tx, { thinkTankId: thinkTank.id, phaseId: phase.id, position, board: spec, anonymous: data.anonymous });
    await recordAudit(tx, {
      actorId: who.id,
      action: "thinkTank.boardAdded",
      subjectType: "board",
      subjectId: row.id,
      data: { thinkTankId: thinkTank.id, phaseId: phase.id, title: row.title, template: row.template, anonymous: row.anonymous },
    });
    return row;
  });
  announcePhaseUpdate(thinkTank.id);
  return { id: board.id, title: board.title, template: board.template, kind: board.kind, anonymous: board.anonymous };
}

/** Remove a phase that has not started (its boards go with it); a think-tank keeps at least one phase. */
export async function removePhase({ actor, input }: Command) {
  const db = await getDb();
  const { thinkTank, actor: who } = await authorise(db, actor, input, "phases.edit");
  const data = parseInput(ZPhaseRef, input);
  await db.transaction(async (tx) => {
    const phase = await phaseInThinkTank(tx, thinkTank.id, data.phaseId);
    if (!isEditablePhase(phase)) throw new AppError("conflict", "Only phases that have not started can be removed");
    const all = await tx.select({ id: phases.id }).from(phases).where(eq(phases.thinkTankId, thinkTank.id));
    if (all.length <= 1) throw new AppError("conflict", "A think-tank keeps at least one phase");
    await tx.delete(phases).where(and(eq(phases.id, phase.id), eq(phases.status, "pending"), isNull(phases.startedAt)));
    // The current-phase pointer is not a foreign key: never leave it dangling.
    await tx.update(thinkTanks).set({ currentPhaseId: null }).where(and(eq(thinkTanks.id, thinkTank.id), eq(thinkTanks.currentPhaseId, phase.id)));
    await recordAudit(tx, { actorId: who.id, action: "phase.removed", subjectType: "phase", subjectId: phase.id, data: { thinkTankId: thinkTank.id, name: phase.name } });
  });
  announcePhaseUpdate(thinkTank.id);
  return { removed: true };
}

/** Swap a phase with its neighbour; both must not have started, so the run order of the past stays. */
export async function movePhase({ actor, input }: Command) {
  const db = await getDb();
  const { thinkTank, actor: who } = await authorise(db, actor, input, "phases.edit");
  const data = parseInput(ZMovePhase, input);
  await db.transaction(async (tx) => {
    const list = await tx.select().from(phases).where(eq(phases.thinkTankId, thinkTank.id)).orderBy(asc(phases.position), asc(phases.createdAt));
    await phaseInThinkTank(tx, thinkTank.id, data.phaseId);
    const target = moveTarget(list, data.phaseId, data.direction);
    if (target === null) throw new AppError("conflict", "This phase cannot move there", { fields: { direction: ["invalidChoice"] } });
    const index = list.findIndex((p) => p.id === data.phaseId);
    const reordered = [...list];
    [reordered[index], reordered[target]] = [reordered[target]!, reordered[index]!];
    // Renumber all, so positions stay dense even if earlier data had gaps or ties.
    for (const [position, p] of reordered.entries()) {
      if (p.position !== position) await tx.update(phases).set({ position }).where(eq(phases.id, p.id));
    }
    await recordAudit(tx, {
      actorId: who.id,
      action: "phase.moved",
      subjectType: "phase",
      subjectId: data.phaseId,
      data: { thinkTankId: thinkTank.id, direction: data.direction, order: reordered.map((p) => p.id) },
    });
  });
  announcePhaseUpdate(thinkTank.id);
  return { moved: true };
}

/** Pauses whatever phase runs (used when the think-tank itself pauses), inside the caller's transaction. */
export async function pauseRunningPhases(tx: DbOrTx, thinkTankId: string, actorId: string): Promise<void> {
  const running = await tx.select().from(phases).where(and(eq(phases.thinkTankId, thinkTankId), eq(phases.status, "running")));
  const now = new Date();
  for (const phase of running) {
    await tx.update(phases).set({ status: "paused", ...stoppedClock(phase, now) }).where(eq(phases.id, phase.id));
    await recordPhaseChange(tx, { thinkTankId, phase, action: "pause", actorId, extra: { because: "thinkTank.paused" } });
  }
}
