import "server-only";
import { aliasedTable, and, asc, desc, eq, ilike, inArray, isNull, or, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { boards, cards, networkMembers, networks, outcomeIdeas, problems, tasks, thinkTankParticipants, thinkTankProblems, thinkTanks, users } from "@/db/schema";
import { networkAccess } from "@/lib/networks/access";
import { sectorMixOf, type ParticipantSectorMix } from "@/lib/participants/rules";
import { assertSignedIn, canInThinkTank, type Actor } from "@/lib/policy";
import { thinkTankAccess } from "@/lib/think-tanks/access";
import { ARCHIVE_STATUSES } from "./rules";
import { ZArchiveSearch } from "./schemas";

const assignee = aliasedTable(users, "assignee");

async function originOf(db: DbOrTx, thinkTankIds: string[]) {
  if (!thinkTankIds.length) return [];
  return db
    .select({
      thinkTankId: thinkTankProblems.thinkTankId,
      id: problems.id,
      title: problems.title,
      status: problems.status,
      note: thinkTankProblems.resolutionNote,
      networkId: networks.id,
      networkSlug: networks.slug,
      networkName: networks.name,
    })
    .from(thinkTankProblems)
    .innerJoin(problems, eq(problems.id, thinkTankProblems.problemId))
    .innerJoin(networks, eq(networks.id, problems.networkId))
    .where(inArray(thinkTankProblems.thinkTankId, thinkTankIds))
    .orderBy(asc(thinkTankProblems.addedAt), asc(problems.title));
}

async function resultingTasks(db: DbOrTx, thinkTankIds: string[]) {
  if (!thinkTankIds.length) return [];
  return db
    .select({
      thinkTankId: tasks.thinkTankId,
      id: tasks.id,
      title: tasks.title,
      status: tasks.status,
      dueDate: tasks.dueDate,
      assigneeName: assignee.name,
      networkSlug: networks.slug,
      networkName: networks.name,
    })
    .from(tasks)
    .innerJoin(networks, eq(networks.id, tasks.networkId))
    .leftJoin(assignee, eq(assignee.id, tasks.assigneeId))
    .where(inArray(tasks.thinkTankId, thinkTankIds))
    .orderBy(asc(tasks.createdAt), asc(tasks.id));
}

async function ideasOf(db: DbOrTx, thinkTankId: string) {
  return db
    .select({ id: outcomeIdeas.id, title: outcomeIdeas.title, note: outcomeIdeas.note, cardId: outcomeIdeas.cardId, boardId: cards.boardId })
    .from(outcomeIdeas)
    .leftJoin(cards, eq(cards.id, outcomeIdeas.cardId))
    .where(eq(outcomeIdeas.thinkTankId, thinkTankId))
    .orderBy(asc(outcomeIdeas.position));
}

/** Live cards on the think-tank's boards (to pick ideas from, and to carry over). */
export async function thinkTankCards(db: DbOrTx, thinkTankId: string) {
  return db
    .select({ id: cards.id, text: cards.text, boardId: boards.id, boardTitle: boards.title })
    .from(cards)
    .innerJoin(boards, eq(boards.id, cards.boardId))
    .where(and(eq(boards.thinkTankId, thinkTankId), isNull(cards.deletedAt)))
    .orderBy(asc(boards.position), asc(boards.title), asc(cards.position), asc(cards.createdAt))
    .limit(300);
}

/**
 * The outcome page: the conclusion (or what is needed to write it), resulting tasks, the origin
 * networks and their members for the hand-back form, and what the actor may do.
 */
export async function getOutcome(actor: Actor | null, thinkTankId: string) {
  assertSignedIn(actor);
  const db = await getDb();
  const { thinkTank, context } = await thinkTankAccess(db, actor, thinkTankId);
  const can = {
    conclude: canInThinkTank(actor, context, "thinkTank.conclude"),
    handBack: canInThinkTank(actor, context, "thinkTank.handBack"),
    carryOver: canInThinkTank(actor, context, "thinkTank.carryOver"),
    archive: canInThinkTank(actor, context, "thinkTank.archive"),
    export: canInThinkTank(actor, context, "board.export"),
  };
  const [origin, ideas, taskRows, cardRows, predecessor, successors] = await Promise.all([
    originOf(db, [thinkTank.id]),
    ideasOf(db, thinkTank.id),
    resultingTasks(db, [thinkTank.id]),
    can.conclude || can.carryOver ? thinkTankCards(db, thinkTank.id) : Promise.resolve([]),
    thinkTank.carriedOverFromId ? db.select({ id: thinkTanks.id, title: thinkTanks.title }).from(thinkTanks).where(eq(thinkTanks.id, thinkTank.carriedOverFromId)) : Promise.resolve([]),
    db.select({ id: thinkTanks.id, title: thinkTanks.title }).from(thinkTanks).where(eq(thinkTanks.carriedOverFromId, thinkTank.id)).orderBy(asc(thinkTanks.createdAt)),
  ]);
  const originNetworks = [...new Map(origin.map((o) => [o.networkId, { id: o.networkId, slug: o.networkSlug, name: o.networkName }])).values()];
  let members: Array<{ networkId: string; id: string; name: string }> = [];
  if (can.handBack && originNetworks.length) {
    members = await db
      .select({ networkId: networkMembers.networkId, id: users.id, name: users.name })
      .from(networkMembers)
      .innerJoin(users, eq(users.id, networkMembers.userId))
      .where(and(inArray(networkMembers.networkId, originNetworks.map((n) => n.id)), isNull(users.disabledAt)))
      .orderBy(asc(users.name));
  }
  return {
    thinkTank: {
      id: thinkTank.id,
      title: thinkTank.title,
      question: thinkTank.question,
      status: thinkTank.status,
      pausedReason: thinkTank.pausedReason,
      summary: thinkTank.outcomeSummary,
      decisions: thinkTank.outcomeDecisions,
      concludedAt: thinkTank.concludedAt,
      archivedAt: thinkTank.archivedAt,
    },
    origin,
    originNetworks: originNetworks.map((n) => ({ ...n, members: members.filter((m) => m.networkId === n.id).map((m) => ({ id: m.id, name: m.name })) })),
    ideas,
    tasks: taskRows,
    cards: cardRows,
    predecessor: predecessor[0] ?? null,
    successors,
    can,
  };
}
export type OutcomeView = Awaited<ReturnType<typeof getOutcome>>;

/** Everything the Markdown export and the print view show. */
export async function getOutcomeReport(actor: Actor | null, thinkTankId: string) {
  const view = await getOutcome(actor, thinkTankId);
  const db = await getDb();
  const people = await db
    .select({ name: users.name, organisation: users.organisation, sector: users.sector, role: thinkTankParticipants.role })
    .from(thinkTankParticipants)
    .innerJoin(users, eq(users.id, thinkTankParticipants.userId))
    .where(eq(thinkTankParticipants.thinkTankId, view.thinkTank.id))
    .orderBy(asc(thinkTankParticipants.role), asc(users.name));
  return { ...view, participants: people, sectorMix: sectorMixOf(people) };
}
export type OutcomeReport = Awaited<ReturnType<typeof getOutcomeReport>>;

export type ArchiveEntry = {
  id: string;
  title: string;
  question: string;
  status: "concluded" | "archived";
  summary: string;
  concludedAt: Date | null;
  sectorMix: ParticipantSectorMix;
  networks: string[];
  tasks: Array<{ id: string; title: string; networkSlug: string; networkName: string; status: string }>;
};

function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Past think-tanks the actor may read (as participant, origin-network reader, or steward), newest
 * first, searchable over title, question, outcome and decisions.
 */
export async function listArchive(actor: Actor | null, rawQuery: unknown = {}): Promise<{ q: string; entries: ArchiveEntry[] }> {
  assertSignedIn(actor);
  const { q } = ZArchiveSearch.catch({ q: "" }).parse(rawQuery ?? {});
  const db = await getDb();
  const steward = actor.role === "admin" || actor.role === "moderator";
  const participates = sql`exists (select 1 from ${thinkTankParticipants} where ${thinkTankParticipants.thinkTankId} = ${thinkTanks.id} and ${thinkTankParticipants.userId} = ${actor.id})`;
  const readsAlong = sql`(${thinkTanks.visibility} = 'origin_networks' and exists (
    select 1 from ${thinkTankProblems}
    join ${problems} on ${problems.id} = ${thinkTankProblems.problemId}
    join ${networkMembers} on ${networkMembers.networkId} = ${problems.networkId} and ${networkMembers.userId} = ${actor.id}
    where ${thinkTankProblems.thinkTankId} = ${thinkTanks.id}))`;
  const pattern = q ? likePattern(q) : null;
  const rows = await db
    .select({
      id: thinkTanks.id,
      title: thinkTanks.title,
      question: thinkTanks.question,
      status: thinkTanks.status,
      summary: thinkTanks.outcomeSummary,
      concludedAt: thinkTanks.concludedAt,
    })
    .from(thinkTanks)
    .where(
      and(
        inArray(thinkTanks.status, [...ARCHIVE_STATUSES]),
        steward ? undefined : or(participates, readsAlong),
        pattern
          ? or(ilike(thinkTanks.title, pattern), ilike(thinkTanks.question, pattern), ilike(thinkTanks.outcomeSummary, pattern), ilike(thinkTanks.outcomeDecisions, pattern))
          : undefined,
      ),
    )
    .orderBy(desc(thinkTanks.concludedAt), desc(thinkTanks.createdAt))
    .limit(100);
  const ids = rows.map((r) => r.id);
  const [people, origin, taskRows] = await Promise.all([
    ids.length
      ? db
          .select({ thinkTankId: thinkTankParticipants.thinkTankId, sector: users.sector })
          .from(thinkTankParticipants)
          .innerJoin(users, eq(users.id, thinkTankParticipants.userId))
          .where(inArray(thinkTankParticipants.thinkTankId, ids))
      : Promise.resolve([]),
    originOf(db, ids),
    resultingTasks(db, ids),
  ]);
  return {
    q,
    entries: rows.map((r) => ({
      ...r,
      status: r.status as "concluded" | "archived",
      sectorMix: sectorMixOf(people.filter((p) => p.thinkTankId === r.id)),
      networks: [...new Set(origin.filter((o) => o.thinkTankId === r.id).map((o) => o.networkName))],
      tasks: taskRows.filter((t) => t.thinkTankId === r.id).map((t) => ({ id: t.id, title: t.title, networkSlug: t.networkSlug, networkName: t.networkName, status: t.status })),
    })),
  };
}

/**
 * Outcomes of think-tanks that took up this network's problems, for its Work-Space overview: the
 * network's members read them there even when the think-tank itself is participants-only.
 */
export async function networkOutcomes(actor: Actor | null, networkRef: string) {
  const db = await getDb();
  const { network } = await networkAccess(db, actor, networkRef);
  const rows = await db
    .selectDistinct({ id: thinkTanks.id, title: thinkTanks.title, question: thinkTanks.question, summary: thinkTanks.outcomeSummary, concludedAt: thinkTanks.concludedAt })
    .from(thinkTanks)
    .innerJoin(thinkTankProblems, eq(thinkTankProblems.thinkTankId, thinkTanks.id))
    .innerJoin(problems, eq(problems.id, thinkTankProblems.problemId))
    .where(and(eq(problems.networkId, network.id), inArray(thinkTanks.status, [...ARCHIVE_STATUSES])))
    .orderBy(desc(thinkTanks.concludedAt))
    .limit(10);
  const taskRows = await resultingTasks(db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, tasks: taskRows.filter((t) => t.thinkTankId === r.id && t.networkSlug === network.slug) }));
}

/**
 * The think-tank a handed-back task links back to. Call after the task's own page has checked
 * access to the task; the title is part of the network's record of where the task came from.
 */
export async function thinkTankLinkForTask(taskId: string): Promise<{ id: string; title: string } | null> {
  const db = await getDb();
  const [row] = await db
    .select({ id: thinkTanks.id, title: thinkTanks.title })
    .from(tasks)
    .innerJoin(thinkTanks, eq(thinkTanks.id, tasks.thinkTankId))
    .where(eq(tasks.id, taskId));
  return row ?? null;
}
