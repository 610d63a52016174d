import "server-only";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { networkMembers, networks, problems, thinkTankParticipants, thinkTankProblems, thinkTanks, users, type Locale, type ThinkTank } from "@/db/schema";
import { recordAudit } from "@/lib/audit/commands";
import { customPhase, phaseTemplatePhases } from "@/lib/boards/templates";
import { AppError } from "@/lib/errors";
import { sendMail } from "@/lib/mail/send";
import { insertPhaseWithBoards, pauseRunningPhases } from "@/lib/phases/commands";
import { changeProblemStatus } from "@/lib/problems/commands";
import { assertCan, assertCanInThinkTank, assertSignedIn, type Actor } from "@/lib/policy";
import { parseInput } from "@/lib/validation";
import { thinkTankAccess } from "./access";
import { composeThinkTankMail } from "./mail";
import { announcePhaseUpdate } from "./realtime";
import { canChangeStatus, editableThinkTankFields, isEditableField } from "./rules";
import { ZAttachProblems, ZChangeThinkTankStatus, ZCreateThinkTank, ZPhaseMailsSetting, ZThinkTankRef, ZUpdateThinkTank } from "./schemas";

/*
 * Think-tank commands: convene (create), escalate problems into a new or an existing think-tank,
 * edit, and move between convening, active and paused. Concluding, handing back, carrying over
 * and archiving live in lib/outcomes; participants and invitations in lib/participants.
 */

type Command = { actor: Actor | null; input: unknown };

type EscalatedProblem = { id: string; title: string; status: string; networkId: string; networkSlug: string; networkName: string };

const noteTexts: Record<Locale, { escalated: (title: string) => string; taken: (title: string) => string }> = {
  de: {
    escalated: (title) => `Eskaliert an den Think-Tank „${title}“`,
    taken: (title) => `Aufgenommen in den Think-Tank „${title}“`,
  },
  en: {
    escalated: (title) => `Escalated to the think-tank “${title}”`,
    taken: (title) => `Taken into the think-tank “${title}”`,
  },
};

/** The problems to escalate, each with its network; unknown ids are `not_found`, closed or taken ones a conflict. */
async function loadEscalatable(db: DbOrTx, problemIds: string[]): Promise<EscalatedProblem[]> {
  if (!problemIds.length) return [];
  const rows = await db
    .select({ id: problems.id, title: problems.title, status: problems.status, networkId: networks.id, networkSlug: networks.slug, networkName: networks.name })
    .from(problems)
    .innerJoin(networks, eq(networks.id, problems.networkId))
    .where(inArray(problems.id, problemIds));
  if (rows.length !== problemIds.length) throw new AppError("not_found", "Problem not found");
  const blocked = rows.filter((r) => r.status !== "open" && r.status !== "escalated");
  if (blocked.length) {
    throw new AppError("conflict", `Only open or escalated problems can go into a think-tank (${blocked.map((b) => b.title).join(", ")})`, {
      fields: { problemIds: ["statusChangeNotAllowed"] },
    });
  }
  return problemIds.map((id) => rows.find((r) => r.id === id)!);
}

/**
 * Links the problems to the think-tank and moves each through the problem log's own command
 * (open → escalated → in think-tank), so their status and history name the think-tank. Runs in
 * the caller's transaction; the problem command checks the actor may triage in each network.
 */
async function takeProblems(tx: DbOrTx, actor: Actor, thinkTank: ThinkTank, list: EscalatedProblem[], locale: Locale): Promise<void> {
  const notes = noteTexts[locale];
  for (const problem of list) {
    await tx.insert(thinkTankProblems).values({ thinkTankId: thinkTank.id, problemId: problem.id, addedById: actor.id });
    if (problem.status === "open") {
      await changeProblemStatus(
        { actor, input: { network: problem.networkId, problemId: problem.id, to: "escalated", note: notes.escalated(thinkTank.title) } },
        tx,
      );
    }
    await changeProblemStatus(
      { actor, input: { network: problem.networkId, problemId: problem.id, to: "in_think_tank", note: notes.taken(thinkTank.title) } },
      tx,
    );
  }
  if (list.length) {
    await recordAudit(tx, {
      actorId: actor.id,
      action: "thinkTank.problems_escalated",
      subjectType: "think_tank",
      subjectId: thinkTank.id,
      data: { problems: list.map((p) => ({ id: p.id, networkId: p.networkId })) },
    });
  }
}

/** One mail per coordinator and origin network, naming that network's problems (after commit). */
async function notifyCoordinators(thinkTank: ThinkTank, list: EscalatedProblem[]): Promise<void> {
  if (!list.length) return;
  const db = await getDb();
  const networkIds = [...new Set(list.map((p) => p.networkId))];
  const coordinators = await db
    .select({ networkId: networkMembers.networkId, email: users.email, name: users.name, locale: users.locale })
    .from(networkMembers)
    .innerJoin(users, eq(users.id, networkMembers.userId))
    .where(and(inArray(networkMembers.networkId, networkIds), eq(networkMembers.role, "coordinator"), isNull(users.disabledAt)))
    .orderBy(asc(networkMembers.networkId), asc(users.email));
  for (const c of coordinators) {
    const mine = list.filter((p) => p.networkId === c.networkId);
    const first = mine[0]!;
    await sendMail(
      composeThinkTankMail({
        kind: "problemsEscalated",
        to: c.email,
        locale: c.locale ?? "de",
        params: { name: c.name, network: first.networkName, slug: first.networkSlug, thinkTank: thinkTank.title, problems: mine.map((p) => ({ id: p.id, title: p.title })) },
      }),
    );
  }
}

/** Extra moderators must be the host's people: platform moderators or admins with an active account. */
async function validModerators(db: DbOrTx, ids: string[], creatorId: string): Promise<string[]> {
  const wanted = ids.filter((id) => id !== creatorId);
  if (!wanted.length) return [];
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, wanted), inArray(users.role, ["moderator", "admin"]), isNull(users.disabledAt)));
  if (rows.length !== wanted.length) throw new AppError("invalid_input", "Moderators must be platform moderators or admins", { fields: { moderatorIds: ["invalidChoice"] } });
  return wanted;
}

/**
 * Convene a think-tank: the creator moderates, further moderators join, the phases of the chosen
 * template (or the custom ones) are created with their boards and columns, and any origin problems
 * are escalated into it — all in one transaction. Origin networks' coordinators hear of it by mail.
 */
export async function createThinkTank({ actor, input }: Command) {
  assertCan(actor, "thinkTank.convene");
  const db = await getDb();
  const data = parseInput(ZCreateThinkTank, input);
  const extraModerators = await validModerators(db, data.moderatorIds, actor.id);
  const origin = await loadEscalatable(db, data.problemIds);
  const phaseSpecs = data.template === "custom" ? data.customPhases.map((p) => customPhase(p, data.locale)) : phaseTemplatePhases(data.template, data.locale);

  const thinkTank = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(thinkTanks)
      .values({
        title: data.title,
        question: data.question,
        goals: data.goals,
        template: data.template,
        visibility: data.visibility,
        startsOn: data.startsOn,
        endsOn: data.endsOn,
        status: "convening",
        createdById: actor.id,
      })
      .returning();
    if (!row) throw new Error("think-tank insert returned nothing");
    await tx.insert(thinkTankParticipants).values([actor.id, ...extraModerators].map((userId) => ({ thinkTankId: row.id, userId, role: "moderator" as const, invitedById: actor.id })));
    for (const [position, spec] of phaseSpecs.entries()) await insertPhaseWithBoards(tx, row.id, position, spec);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "thinkTank.created",
      subjectType: "think_tank",
      subjectId: row.id,
      data: { title: row.title, template: row.template, moderators: [actor.id, ...extraModerators], problems: origin.map((p) => p.id) },
    });
    await takeProblems(tx, actor, row, origin, data.locale);
    return row;
  });
  await notifyCoordinators(thinkTank, origin);
  return thinkTank;
}

/** Escalate problems into an existing think-tank (its moderators, while it is not concluded). */
export async function attachProblems({ actor, input }: Command) {
  assertSignedIn(actor);
  const db = await getDb();
  const { thinkTankId } = parseInput(ZThinkTankRef, input);
  const { thinkTank, context } = await thinkTankAccess(db, actor, thinkTankId);
  assertCanInThinkTank(actor, context, "thinkTank.attachProblems");
  const data = parseInput(ZAttachProblems, input);
  const list = await loadEscalatable(db, data.problemIds);
  await db.transaction(async (tx) => {
    const already = await tx
      .select({ problemId: thinkTankProblems.problemId })
      .from(thinkTankProblems)
      .where(and(eq(thinkTankProblems.thinkTankId, thinkTank.id), inArray(thinkTankProblems.problemId, data.problemIds)));
    if (already.length) throw new AppError("conflict", "Problem already belongs to this think-tank", { fields: { problemIds: ["invalidChoice"] } });
    await takeProblems(tx, actor, thinkTank, list, data.locale);
  });
  await notifyCoordinators(thinkTank, list);
  announcePhaseUpdate(thinkTank.id);
  return { thinkTank, problems: list.map((p) => ({ id: p.id, title: p.title, networkSlug: p.networkSlug })) };
}

/**
 * Escalation in one call: with `thinkTankId` the problems join that think-tank, otherwise a new
 * think-tank is convened from the rest of the input.
 */
export async function escalateProblems({ actor, input }: Command) {
  const target = input && typeof input === "object" && "thinkTankId" in input ? (input as { thinkTankId?: unknown }).thinkTankId : undefined;
  if (typeof target === "string" && target.trim()) {
    const result = await attachProblems({ actor, input });
    return { thinkTank: result.thinkTank, created: false };
  }
  const thinkTank = await createThinkTank({ actor, input });
  return { thinkTank, created: true };
}

/** Edit the think-tank's description; which fields may change depends on its status (rules.ts). */
export async function updateThinkTank({ actor, input }: Command) {
  assertSignedIn(actor);
  const db = await getDb();
  const { thinkTankId } = parseInput(ZThinkTankRef, input);
  const { thinkTank, context } = await thinkTankAccess(db, actor, thinkTankId);
  assertCanInThinkTank(actor, context, "thinkTank.edit");
  const data = parseInput(ZUpdateThinkTank, input);
  const changes: Partial<Record<(typeof editableThinkTankFields)[number], string | null>> = {};
  const refused: Record<string, string[]> = {};
  for (const field of editableThinkTankFields) {
    const value = data[field];
    if (value === undefined || value === thinkTank[field]) continue;
    if (isEditableField(thinkTank.status, field)) changes[field] = value;
    else refused[field] = ["statusChangeNotAllowed"];
  }
  if (Object.keys(refused).length) {
    throw new AppError("think_tank_not_open", `Not editable while ${thinkTank.status}: ${Object.keys(refused).join(", ")}`, { fields: refused });
  }
  const startsOn = changes.startsOn !== undefined ? changes.startsOn : thinkTank.startsOn;
  const endsOn = changes.endsOn !== undefined ? changes.endsOn : thinkTank.endsOn;
  if (startsOn && endsOn && startsOn > endsOn) throw new AppError("invalid_input", "Ends before it starts", { fields: { endsOn: ["invalidDate"] } });
  if (!Object.keys(changes).length) return thinkTank;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(thinkTanks)
      .set(changes as Partial<typeof thinkTanks.$inferInsert>)
      .where(and(eq(thinkTanks.id, thinkTank.id), eq(thinkTanks.status, thinkTank.status)))
      .returning();
    if (!row) throw new AppError("conflict", "The think-tank changed meanwhile");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "thinkTank.updated",
      subjectType: "think_tank",
      subjectId: thinkTank.id,
      data: { fields: Object.keys(changes) },
    });
    return row;
  });
}

/**
 * convening → active, active → paused (with a reason; a running phase pauses with it), paused →
 * active. Concluding and archiving are lib/outcomes' commands.
 */
export async function changeThinkTankStatus({ actor, input }: Command) {
  assertSignedIn(actor);
  const db = await getDb();
  const { thinkTankId } = parseInput(ZThinkTankRef, input);
  const { thinkTank, context } = await thinkTankAccess(db, actor, thinkTankId);
  assertCanInThinkTank(actor, context, "thinkTank.changeStatus");
  const data = parseInput(ZChangeThinkTankStatus, input);
  if (!canChangeStatus(thinkTank.status, data.to)) {
    throw new AppError("conflict", `A think-tank cannot move from ${thinkTank.status} to ${data.to}`, { fields: { to: ["statusChangeNotAllowed"] } });
  }
  const updated = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(thinkTanks)
      .set({ status: data.to, pausedReason: data.to === "paused" ? data.reason : null })
      .where(and(eq(thinkTanks.id, thinkTank.id), eq(thinkTanks.status, thinkTank.status)))
      .returning();
    if (!row) throw new AppError("conflict", "The think-tank changed meanwhile");
    if (data.to === "paused") await pauseRunningPhases(tx, thinkTank.id, actor.id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "thinkTank.status_changed",
      subjectType: "think_tank",
      subjectId: thinkTank.id,
      data: { from: thinkTank.status, to: data.to, reason: data.reason || undefined },
    });
    return row;
  });
  announcePhaseUpdate(thinkTank.id);
  return updated;
}

/** A participant's own choice whether "phase started" mails reach them. */
export async function setPhaseMails({ actor, input }: Command) {
  assertSignedIn(actor);
  const db = await getDb();
  const data = parseInput(ZPhaseMailsSetting, input);
  const { context } = await thinkTankAccess(db, actor, data.thinkTankId);
  if (!context.thinkTankRole) throw new AppError("forbidden", "Only participants receive phase mails");
  await db
    .update(thinkTankParticipants)
    .set({ phaseMails: data.enabled })
    .where(and(eq(thinkTankParticipants.thinkTankId, data.thinkTankId), eq(thinkTankParticipants.userId, actor.id)));
  return { phaseMails: data.enabled };
}
