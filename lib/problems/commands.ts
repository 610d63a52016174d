import "server-only";
import { and, count, eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { problemComments, problemStatusChanges, problemSupports, problems, type Problem, type ProblemStatus } from "@/db/schema";
import { recordAudit } from "@/lib/audit/commands";
import { AppError } from "@/lib/errors";
import { networkAccess, type NetworkAccess } from "@/lib/networks/access";
import { recordActivity } from "@/lib/networks/activity";
import { assertCanInNetwork, assertSignedIn, type Actor, type NetworkAction } from "@/lib/policy";
import { parseInput } from "@/lib/validation";
import { canTransition, isClosed, transitionExists, triageRoles, type TriageRole } from "./rules";
import { ZChangeProblemStatus, ZCommentOnProblem, ZLogProblem, ZNetworkRef, ZProblemRef } from "./schemas";

/*
 * Commands of the problem log. Each one first resolves the network through networkAccess (an
 * outsider gets `not_found`), checks the network policy, then validates the input; a problem id
 * is only ever looked up inside that network, so an id from another network is `not_found` too.
 */

type Command = { actor: Actor | null; input: unknown };

async function authorise(db: DbOrTx, actor: Actor | null, input: unknown, action: NetworkAction): Promise<NetworkAccess & { actor: Actor }> {
  assertSignedIn(actor);
  const { network: ref } = parseInput(ZNetworkRef, input);
  const access = await networkAccess(db, actor, ref);
  assertCanInNetwork(actor, access.context, action);
  return { ...access, actor };
}

async function problemInNetwork(db: DbOrTx, networkId: string, problemId: string): Promise<Problem> {
  const [row] = await db
    .select()
    .from(problems)
    .where(and(eq(problems.id, problemId), eq(problems.networkId, networkId)))
    .limit(1);
  if (!row) throw new AppError("not_found", "Problem not found");
  return row;
}

/** A member logs a problem the network cannot solve alone; its history starts with "logged (open)". */
export async function logProblem({ actor, input }: Command) {
  const db = await getDb();
  const { network, actor: who } = await authorise(db, actor, input, "problem.create");
  const data = parseInput(ZLogProblem, input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(problems)
      .values({ ...data, networkId: network.id, status: "open", createdById: who.id })
      .returning();
    if (!row) throw new Error("problem insert returned nothing");
    await tx.insert(problemStatusChanges).values({ problemId: row.id, fromStatus: null, toStatus: "open", actorId: who.id });
    await recordActivity(tx, { networkId: network.id, actorId: who.id, verb: "problem.logged", subjectType: "problem", subjectId: row.id, summary: row.title });
    return row;
  });
}

/**
 * Moves a problem along its life (see rules.ts). Exported for the think-tank work, which escalates
 * and takes problems into think-tanks through this same command. The update is conditional on the
 * status the caller saw, so two people triaging at once cannot both succeed from the same state.
 * With `outer`, it runs inside the caller's transaction (as a savepoint).
 */
export async function changeProblemStatus({ actor, input }: Command, outer?: DbOrTx) {
  // Escalation passes its own transaction so the think-tank and the problems' statuses land together.
  const db = outer ?? (await getDb());
  const { network, context, actor: who } = await authorise(db, actor, input, "problem.triage");
  const data = parseInput(ZChangeProblemStatus, input);
  return db.transaction((tx) =>
    moveProblemStatus(tx, { networkId: network.id, actorId: who.id, roles: triageRoles(context.networkRole, who.role), problemId: data.problemId, to: data.to, note: data.note }),
  );
}

/**
 * The body of changeProblemStatus inside the caller's transaction, for the think-tank commands
 * (conclusion resolves origin problems atomically with the think-tank's status change). The caller
 * has authorised the actor and names the roles it acts with.
 */
export async function moveProblemStatus(
  tx: DbOrTx,
  params: { networkId: string; actorId: string; roles: readonly TriageRole[]; problemId: string; to: ProblemStatus; note: string },
) {
  const problem = await problemInNetwork(tx, params.networkId, params.problemId);
  const from: ProblemStatus = problem.status;
  if (!canTransition(from, params.to, params.roles)) {
    // Possible for somebody else (e.g. escalation is the host's): forbidden; possible for nobody: conflict.
    if (transitionExists(from, params.to)) throw new AppError("forbidden", `Not allowed to move a problem from ${from} to ${params.to}`);
    throw new AppError("conflict", `A problem cannot move from ${from} to ${params.to}`, { fields: { to: ["invalidChoice"] } });
  }
  const [updated] = await tx
    .update(problems)
    .set({ status: params.to })
    .where(and(eq(problems.id, problem.id), eq(problems.status, from)))
    .returning();
  if (!updated) throw new AppError("conflict", "The problem changed meanwhile");
  const [change] = await tx
    .insert(problemStatusChanges)
    .values({ problemId: problem.id, fromStatus: from, toStatus: params.to, note: params.note, actorId: params.actorId })
    .returning();
  await recordActivity(tx, {
    networkId: params.networkId,
    actorId: params.actorId,
    verb: "problem.status_changed",
    subjectType: "problem",
    subjectId: problem.id,
    summary: problem.title,
  });
  await recordAudit(tx, {
    actorId: params.actorId,
    action: "problem.status_changed",
    subjectType: "problem",
    subjectId: problem.id,
    data: { networkId: params.networkId, from, to: params.to, note: params.note },
  });
  return { problem: updated, change };
}

export async function commentOnProblem({ actor, input }: Command) {
  const db = await getDb();
  const { network, actor: who } = await authorise(db, actor, input, "problem.comment");
  const data = parseInput(ZCommentOnProblem, input);
  return db.transaction(async (tx) => {
    const problem = await problemInNetwork(tx, network.id, data.problemId);
    const [comment] = await tx.insert(problemComments).values({ problemId: problem.id, authorId: who.id, body: data.body }).returning();
    if (!comment) throw new Error("comment insert returned nothing");
    await recordActivity(tx, {
      networkId: network.id,
      actorId: who.id,
      verb: "problem.commented",
      subjectType: "problem",
      subjectId: problem.id,
      summary: problem.title,
    });
    return comment;
  });
}

async function supportCount(db: DbOrTx, problemId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(problemSupports).where(eq(problemSupports.problemId, problemId));
  return row?.n ?? 0;
}

/** "+1": one per person (the primary key); supporting twice changes nothing. */
export async function supportProblem({ actor, input }: Command) {
  const db = await getDb();
  const { network, actor: who } = await authorise(db, actor, input, "problem.support");
  const { problemId } = parseInput(ZProblemRef, input);
  return db.transaction(async (tx) => {
    const problem = await problemInNetwork(tx, network.id, problemId);
    if (isClosed(problem.status)) throw new AppError("conflict", "Closed problems take no more support");
    const added = await tx
      .insert(problemSupports)
      .values({ problemId: problem.id, userId: who.id })
      .onConflictDoNothing()
      .returning({ userId: problemSupports.userId });
    // Only a new "+1" is news for the feed; repeating it changes nothing.
    if (added.length) {
      await recordActivity(tx, { networkId: network.id, actorId: who.id, verb: "problem.supported", subjectType: "problem", subjectId: problem.id, summary: problem.title });
    }
    return { supported: true, supportCount: await supportCount(tx, problem.id) };
  });
}

export async function withdrawSupport({ actor, input }: Command) {
  const db = await getDb();
  const { network, actor: who } = await authorise(db, actor, input, "problem.support");
  const { problemId } = parseInput(ZProblemRef, input);
  return db.transaction(async (tx) => {
    const problem = await problemInNetwork(tx, network.id, problemId);
    await tx.delete(problemSupports).where(and(eq(problemSupports.problemId, problem.id), eq(problemSupports.userId, who.id)));
    return { supported: false, supportCount: await supportCount(tx, problem.id) };
  });
}
