import "server-only";
import { aliasedTable, and, asc, count, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { networks, problemComments, problemStatusChanges, problemSupports, problems, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { networkAccess } from "@/lib/networks/access";
import { assertCan, assertSignedIn, canInNetwork, type Actor } from "@/lib/policy";
import { isClosed, nextStatuses, triageRoles } from "./rules";
import { ZInboxFilters, ZProblemFilters } from "./schemas";

const supportCount = sql<number>`(select count(*)::int from ${problemSupports} where ${problemSupports.problemId} = ${problems.id})`;
const commentCount = sql<number>`(select count(*)::int from ${problemComments} where ${problemComments.problemId} = ${problems.id})`;

function supportedBy(userId: string) {
  return sql<boolean>`exists (select 1 from ${problemSupports} where ${problemSupports.problemId} = ${problems.id} and ${problemSupports.userId} = ${userId})`;
}

/*
 * Ordering relies on the enums' declaration order (PostgreSQL sorts enums by it):
 * status open < escalated < in_think_tank < resolved < withdrawn, urgency low < medium < high.
 */

/** The network of a problem-log page and what the actor may do there (404 for outsiders via networkAccess). */
export async function problemLogContext(actor: Actor | null, networkRef: string) {
  assertSignedIn(actor);
  const db = await getDb();
  const { network, context } = await networkAccess(db, actor, networkRef);
  return {
    network: { id: network.id, slug: network.slug, name: network.name, status: network.status },
    canCreate: canInNetwork(actor, context, "problem.create"),
  };
}

/** The Work-Space problem log: live problems first, then by urgency (high first), support, newest. */
export async function listProblems(actor: Actor | null, networkRef: string, rawFilters: unknown = {}) {
  assertSignedIn(actor);
  const db = await getDb();
  const { network, context } = await networkAccess(db, actor, networkRef);
  const filters = ZProblemFilters.parse(rawFilters ?? {});
  const rows = await db
    .select({
      id: problems.id,
      title: problems.title,
      urgency: problems.urgency,
      status: problems.status,
      socialAreas: problems.socialAreas,
      createdAt: problems.createdAt,
      authorName: users.name,
      supportCount,
      commentCount,
      supportedByMe: supportedBy(actor.id),
    })
    .from(problems)
    .leftJoin(users, eq(users.id, problems.createdById))
    .where(
      and(
        eq(problems.networkId, network.id),
        filters.status ? eq(problems.status, filters.status) : undefined,
        filters.urgency ? eq(problems.urgency, filters.urgency) : undefined,
      ),
    )
    .orderBy(asc(problems.status), desc(problems.urgency), desc(supportCount), desc(problems.createdAt), asc(problems.id));
  return {
    network: { id: network.id, slug: network.slug, name: network.name, status: network.status },
    filters,
    canCreate: canInNetwork(actor, context, "problem.create"),
    problems: rows.map((r) => ({ ...r, supportCount: Number(r.supportCount), commentCount: Number(r.commentCount), supportedByMe: Boolean(r.supportedByMe) })),
  };
}

/** One problem with its comments, status history and what the actor may do with it. */
export async function getProblem(actor: Actor | null, networkRef: string, problemId: string) {
  assertSignedIn(actor);
  const db = await getDb();
  const { network, context } = await networkAccess(db, actor, networkRef);
  const [problem] = await db
    .select({
      id: problems.id,
      title: problems.title,
      description: problems.description,
      affected: problems.affected,
      alreadyTried: problems.alreadyTried,
      urgency: problems.urgency,
      status: problems.status,
      socialAreas: problems.socialAreas,
      createdAt: problems.createdAt,
      authorName: users.name,
      supportCount,
      supportedByMe: supportedBy(actor.id),
    })
    .from(problems)
    .leftJoin(users, eq(users.id, problems.createdById))
    .where(and(eq(problems.id, problemId), eq(problems.networkId, network.id)))
    .limit(1);
  if (!problem) throw new AppError("not_found", "Problem not found");

  const commenter = aliasedTable(users, "commenter");
  const changer = aliasedTable(users, "changer");
  const [comments, history] = await Promise.all([
    db
      .select({ id: problemComments.id, body: problemComments.body, createdAt: problemComments.createdAt, authorName: commenter.name })
      .from(problemComments)
      .leftJoin(commenter, eq(commenter.id, problemComments.authorId))
      .where(eq(problemComments.problemId, problem.id))
      .orderBy(asc(problemComments.createdAt), asc(problemComments.id)),
    db
      .select({
        id: problemStatusChanges.id,
        fromStatus: problemStatusChanges.fromStatus,
        toStatus: problemStatusChanges.toStatus,
        note: problemStatusChanges.note,
        at: problemStatusChanges.at,
        actorName: changer.name,
      })
      .from(problemStatusChanges)
      .leftJoin(changer, eq(changer.id, problemStatusChanges.actorId))
      .where(eq(problemStatusChanges.problemId, problem.id))
      .orderBy(asc(problemStatusChanges.id)),
  ]);

  const canTriage = canInNetwork(actor, context, "problem.triage");
  return {
    network: { id: network.id, slug: network.slug, name: network.name, status: network.status },
    problem: { ...problem, supportCount: Number(problem.supportCount), supportedByMe: Boolean(problem.supportedByMe) },
    comments,
    history,
    can: {
      comment: canInNetwork(actor, context, "problem.comment"),
      support: canInNetwork(actor, context, "problem.support") && (!isClosed(problem.status) || Boolean(problem.supportedByMe)),
      triage: canTriage,
    },
    nextStatuses: canTriage ? nextStatuses(problem.status, triageRoles(context.networkRole, actor.role)) : [],
  };
}

/**
 * The moderators' inbox: open problems of every (approved) network, most urgent first, then the
 * most supported, then those waiting longest. Only the host (problems.inbox) sees it.
 */
export async function listProblemInbox(actor: Actor | null, rawFilters: unknown = {}) {
  assertCan(actor, "problems.inbox");
  const db = await getDb();
  const filters = ZInboxFilters.parse(rawFilters ?? {});
  const rows = await db
    .select({
      id: problems.id,
      title: problems.title,
      urgency: problems.urgency,
      status: problems.status,
      createdAt: problems.createdAt,
      networkId: networks.id,
      networkSlug: networks.slug,
      networkName: networks.name,
      supportCount,
      commentCount,
    })
    .from(problems)
    .innerJoin(networks, eq(networks.id, problems.networkId))
    .where(
      and(
        eq(problems.status, "open"),
        eq(networks.approval, "approved"),
        filters.network ? eq(networks.slug, filters.network) : undefined,
        filters.urgency ? eq(problems.urgency, filters.urgency) : undefined,
      ),
    )
    .orderBy(desc(problems.urgency), desc(supportCount), asc(problems.createdAt), asc(problems.id))
    .limit(500);
  const networkOptions = await db
    .select({ slug: networks.slug, name: networks.name, open: count(problems.id) })
    .from(networks)
    .leftJoin(problems, and(eq(problems.networkId, networks.id), eq(problems.status, "open")))
    .where(eq(networks.approval, "approved"))
    .groupBy(networks.id)
    .orderBy(asc(networks.name));
  return {
    filters,
    networks: networkOptions,
    problems: rows.map((r) => ({ ...r, supportCount: Number(r.supportCount), commentCount: Number(r.commentCount) })),
  };
}
