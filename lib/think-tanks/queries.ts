import "server-only";
import { and, asc, count, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { networkMembers, networks, phases, problems, thinkTankParticipants, thinkTankProblems, thinkTanks, users } from "@/db/schema";
import { phaseHistory, phasesWithBoards } from "@/lib/phases/queries";
import { availablePhaseActions, isEditablePhase } from "@/lib/phases/rules";
import { assertCan, assertSignedIn, can, canInThinkTank, type Actor } from "@/lib/policy";
import { thinkTankAccess } from "./access";
import { editableFields, statusTransitions } from "./rules";
import { ZThinkTankFilters } from "./schemas";

function isSteward(actor: Actor): boolean {
  return actor.role === "admin" || actor.role === "moderator";
}

/** Think-tanks the actor sees: as a participant, as a member of an origin network that may read along; stewards see all. */
function visibleTo(actor: Actor): SQL | undefined {
  if (isSteward(actor)) return undefined;
  const participant = sql`exists (select 1 from ${thinkTankParticipants} where ${thinkTankParticipants.thinkTankId} = ${thinkTanks.id} and ${thinkTankParticipants.userId} = ${actor.id})`;
  const originReader = sql`(${thinkTanks.visibility} = 'origin_networks' and exists (
    select 1 from ${thinkTankProblems}
    join ${problems} on ${problems.id} = ${thinkTankProblems.problemId}
    join ${networkMembers} on ${networkMembers.networkId} = ${problems.networkId} and ${networkMembers.userId} = ${actor.id}
    where ${thinkTankProblems.thinkTankId} = ${thinkTanks.id}))`;
  return or(participant, originReader);
}

const participantCount = sql<number>`(select count(*)::int from ${thinkTankParticipants} where ${thinkTankParticipants.thinkTankId} = ${thinkTanks.id})`;

export async function listThinkTanks(actor: Actor | null, rawFilters: unknown = {}) {
  assertSignedIn(actor);
  const db = await getDb();
  const filters = ZThinkTankFilters.parse(rawFilters ?? {});
  const myRole = sql<string | null>`(select ${thinkTankParticipants.role}::text from ${thinkTankParticipants} where ${thinkTankParticipants.thinkTankId} = ${thinkTanks.id} and ${thinkTankParticipants.userId} = ${actor.id})`;
  const rows = await db
    .select({
      id: thinkTanks.id,
      title: thinkTanks.title,
      question: thinkTanks.question,
      status: thinkTanks.status,
      template: thinkTanks.template,
      startsOn: thinkTanks.startsOn,
      endsOn: thinkTanks.endsOn,
      currentPhaseId: thinkTanks.currentPhaseId,
      createdAt: thinkTanks.createdAt,
      participantCount,
      myRole,
    })
    .from(thinkTanks)
    .where(and(visibleTo(actor), filters.status ? eq(thinkTanks.status, filters.status) : undefined))
    .orderBy(asc(thinkTanks.status), desc(thinkTanks.createdAt), asc(thinkTanks.id))
    .limit(500);
  const currentIds = rows.map((r) => r.currentPhaseId).filter((id): id is string => Boolean(id));
  const current = currentIds.length
    ? await db.select({ id: phases.id, name: phases.name, status: phases.status }).from(phases).where(inArray(phases.id, currentIds))
    : [];
  return {
    filters,
    canCreate: can(actor, "thinkTank.convene"),
    thinkTanks: rows.map((r) => ({
      ...r,
      participantCount: Number(r.participantCount),
      myRole: (r.myRole ?? null) as "moderator" | "knowledge_giver" | "delegate" | "observer" | null,
      currentPhase: current.find((p) => p.id === r.currentPhaseId) ?? null,
    })),
  };
}

/** One think-tank with everything the overview and the API show, and what the actor may do. */
export async function getThinkTank(actor: Actor | null, thinkTankId: string) {
  assertSignedIn(actor);
  const db = await getDb();
  const { thinkTank, context } = await thinkTankAccess(db, actor, thinkTankId);
  const [phaseList, history, origin, [participants], predecessor, successors, mine] = await Promise.all([
    phasesWithBoards(db, thinkTank.id),
    phaseHistory(db, thinkTank.id),
    db
      .select({ id: problems.id, title: problems.title, status: problems.status, networkId: networks.id, networkSlug: networks.slug, networkName: networks.name, addedAt: thinkTankProblems.addedAt })
      .from(thinkTankProblems)
      .innerJoin(problems, eq(problems.id, thinkTankProblems.problemId))
      .innerJoin(networks, eq(networks.id, problems.networkId))
      .where(eq(thinkTankProblems.thinkTankId, thinkTank.id))
      .orderBy(asc(thinkTankProblems.addedAt), asc(problems.title)),
    db.select({ n: count() }).from(thinkTankParticipants).where(eq(thinkTankParticipants.thinkTankId, thinkTank.id)),
    thinkTank.carriedOverFromId
      ? db.select({ id: thinkTanks.id, title: thinkTanks.title }).from(thinkTanks).where(eq(thinkTanks.id, thinkTank.carriedOverFromId))
      : Promise.resolve([]),
    db.select({ id: thinkTanks.id, title: thinkTanks.title }).from(thinkTanks).where(eq(thinkTanks.carriedOverFromId, thinkTank.id)).orderBy(asc(thinkTanks.createdAt)),
    db
      .select({ role: thinkTankParticipants.role, phaseMails: thinkTankParticipants.phaseMails })
      .from(thinkTankParticipants)
      .where(and(eq(thinkTankParticipants.thinkTankId, thinkTank.id), eq(thinkTankParticipants.userId, actor.id))),
  ]);
  const currentPhase = phaseList.find((p) => p.id === thinkTank.currentPhaseId) ?? null;
  const canRun = canInThinkTank(actor, context, "phases.run");
  const canEditPhases = canInThinkTank(actor, context, "phases.edit");
  const canChangeStatus = canInThinkTank(actor, context, "thinkTank.changeStatus");
  return {
    thinkTank,
    context,
    /** Origin networks' members who read along see the networks, not who else took part. */
    origin: origin.map((o) => ({ ...o, networkName: o.networkName })),
    originNetworks: [...new Map(origin.map((o) => [o.networkId, { id: o.networkId, slug: o.networkSlug, name: o.networkName }])).values()],
    phases: phaseList.map((p) => ({ ...p, actions: canRun ? availablePhaseActions(p.status) : [], editable: canEditPhases && isEditablePhase(p) })),
    currentPhase,
    history,
    participantCount: participants?.n ?? 0,
    predecessor: predecessor[0] ?? null,
    successors,
    me: mine[0] ?? null,
    can: {
      edit: canInThinkTank(actor, context, "thinkTank.edit"),
      changeStatus: canChangeStatus,
      nextStatuses: canChangeStatus ? statusTransitions[thinkTank.status] : [],
      editableFields: canInThinkTank(actor, context, "thinkTank.edit") ? editableFields(thinkTank.status) : [],
      attachProblems: canInThinkTank(actor, context, "thinkTank.attachProblems"),
      runPhases: canRun,
      editPhases: canEditPhases,
      viewParticipants: canInThinkTank(actor, context, "participants.viewContacts"),
    },
  };
}
export type ThinkTankDetail = Awaited<ReturnType<typeof getThinkTank>>;

/** The API's view of a think-tank: its fields, origin problems and phases with their boards' ids. */
export async function getThinkTankForApi(actor: Actor | null, thinkTankId: string) {
  const d = await getThinkTank(actor, thinkTankId);
  const t = d.thinkTank;
  return {
    thinkTank: {
      id: t.id,
      title: t.title,
      question: t.question,
      goals: t.goals,
      status: t.status,
      pausedReason: t.pausedReason,
      template: t.template,
      visibility: t.visibility,
      startsOn: t.startsOn,
      endsOn: t.endsOn,
      currentPhaseId: t.currentPhaseId,
      carriedOverFromId: t.carriedOverFromId,
      createdAt: t.createdAt,
      participantCount: d.participantCount,
      myRole: d.context.thinkTankRole,
      problems: d.origin.map((o) => ({ id: o.id, title: o.title, status: o.status, network: { id: o.networkId, slug: o.networkSlug, name: o.networkName } })),
      phases: d.phases.map(({ actions: _a, editable: _e, ...p }) => p),
    },
  };
}

/** Think-tanks problems can still be attached to by this actor (their moderators; stewards: all open ones). */
export async function listAttachableThinkTanks(actor: Actor | null) {
  assertSignedIn(actor);
  const db = await getDb();
  const open = inArray(thinkTanks.status, ["convening", "active", "paused"]);
  const mine = sql`exists (select 1 from ${thinkTankParticipants} where ${thinkTankParticipants.thinkTankId} = ${thinkTanks.id} and ${thinkTankParticipants.userId} = ${actor.id} and ${thinkTankParticipants.role} = 'moderator')`;
  return db
    .select({ id: thinkTanks.id, title: thinkTanks.title, status: thinkTanks.status })
    .from(thinkTanks)
    .where(and(open, isSteward(actor) ? undefined : mine))
    .orderBy(asc(thinkTanks.title))
    .limit(200);
}

/** The problems a moderator picked in the inbox, for the pre-filled create form (host only). */
export async function escalationCandidates(actor: Actor | null, problemIds: string[]) {
  assertCan(actor, "thinkTank.convene");
  if (!problemIds.length) return [];
  const db = await getDb();
  return db
    .select({ id: problems.id, title: problems.title, status: problems.status, description: problems.description, networkSlug: networks.slug, networkName: networks.name })
    .from(problems)
    .innerJoin(networks, eq(networks.id, problems.networkId))
    .where(and(inArray(problems.id, problemIds.slice(0, 50)), inArray(problems.status, ["open", "escalated"])))
    .orderBy(asc(networks.name), asc(problems.title));
}

/** Platform moderators and admins who may be named as further moderators. */
export async function moderatorOptions(actor: Actor | null) {
  assertCan(actor, "thinkTank.convene");
  const db = await getDb();
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(inArray(users.role, ["moderator", "admin"]), sql`${users.disabledAt} is null`))
    .orderBy(asc(users.name))
    .limit(200);
}
