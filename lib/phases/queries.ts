import "server-only";
import { aliasedTable, asc, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { boards, phaseChanges, phases, users } from "@/db/schema";

/** A think-tank's phases in order, each with its boards (ids, titles, kinds) — the caller has checked access. */
export async function phasesWithBoards(db: DbOrTx, thinkTankId: string) {
  const [phaseRows, boardRows] = await Promise.all([
    db.select().from(phases).where(eq(phases.thinkTankId, thinkTankId)).orderBy(asc(phases.position), asc(phases.createdAt)),
    db
      .select({ id: boards.id, phaseId: boards.phaseId, title: boards.title, kind: boards.kind, template: boards.template, position: boards.position, votesPerPerson: boards.votesPerPerson, locked: boards.locked })
      .from(boards)
      .where(eq(boards.thinkTankId, thinkTankId))
      .orderBy(asc(boards.position), asc(boards.createdAt)),
  ]);
  return phaseRows.map((p) => ({
    id: p.id,
    position: p.position,
    name: p.name,
    goal: p.goal,
    timeboxMinutes: p.timeboxMinutes,
    status: p.status,
    runningSince: p.runningSince,
    elapsedSeconds: p.elapsedSeconds,
    startedAt: p.startedAt,
    completedAt: p.completedAt,
    boards: boardRows.filter((b) => b.phaseId === p.id).map(({ phaseId: _phaseId, ...b }) => b),
  }));
}
export type PhaseWithBoards = Awaited<ReturnType<typeof phasesWithBoards>>[number];

/** Who started, paused, completed or reopened which phase, newest first. */
export async function phaseHistory(db: DbOrTx, thinkTankId: string, limit = 100) {
  const actor = aliasedTable(users, "phase_actor");
  return db
    .select({ id: phaseChanges.id, action: phaseChanges.action, at: phaseChanges.at, phaseId: phaseChanges.phaseId, phaseName: phases.name, actorName: actor.name })
    .from(phaseChanges)
    .innerJoin(phases, eq(phases.id, phaseChanges.phaseId))
    .leftJoin(actor, eq(actor.id, phaseChanges.actorId))
    .where(eq(phaseChanges.thinkTankId, thinkTankId))
    .orderBy(desc(phaseChanges.at), desc(phaseChanges.id))
    .limit(limit);
}
