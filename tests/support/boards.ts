import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  boardColumns,
  boards,
  phases,
  thinkTankParticipants,
  thinkTanks,
  type Board,
  type PhaseStatus,
  type ThinkTankRole,
  type ThinkTankStatus,
  type User,
} from "@/db/schema";
import { applyBoardOps, type BoardActor, type BoardOpRequest } from "@/lib/boards/commands";
import type { BoardOpInput, OpAck } from "@/lib/realtime/events";

/*
 * Board fixtures for the board tests (and the benchmark / chaos test): a think-tank with
 * participants, one phase and one board, inserted directly (the think-tank commands are tested
 * on their own).
 */

export type BoardFixture = {
  thinkTankId: string;
  phaseId: string;
  board: Board;
  columnIds: string[];
};

export async function createBoardFixture(
  options: {
    participants?: Array<{ user: Pick<User, "id">; role: ThinkTankRole }>;
    status?: ThinkTankStatus;
    phaseStatus?: PhaseStatus;
    kind?: "canvas" | "columns";
    anonymous?: boolean;
    votesPerPerson?: number;
    votesHidden?: boolean;
    columns?: string[];
  } = {},
): Promise<BoardFixture> {
  const db = await getDb();
  const [thinkTank] = await db
    .insert(thinkTanks)
    .values({ title: "Wie können wir Ehrenamt halten?", question: "Wie können wir …?", status: options.status ?? "active" })
    .returning();
  const [phase] = await db
    .insert(phases)
    .values({ thinkTankId: thinkTank!.id, position: 0, name: "Ideen", status: options.phaseStatus ?? "running" })
    .returning();
  for (const p of options.participants ?? []) {
    await db.insert(thinkTankParticipants).values({ thinkTankId: thinkTank!.id, userId: p.user.id, role: p.role });
  }
  const kind = options.kind ?? "columns";
  const [board] = await db
    .insert(boards)
    .values({
      thinkTankId: thinkTank!.id,
      phaseId: phase!.id,
      title: "Retro",
      kind,
      template: kind === "columns" ? "retrospective" : "canvas",
      anonymous: options.anonymous ?? false,
      votesPerPerson: options.votesPerPerson ?? 0,
      votesHidden: options.votesHidden ?? false,
    })
    .returning();
  const titles = kind === "columns" ? (options.columns ?? ["Gut", "Fehlt"]) : [];
  const columnIds: string[] = [];
  for (const [position, title] of titles.entries()) {
    const [column] = await db.insert(boardColumns).values({ boardId: board!.id, title, position }).returning();
    columnIds.push(column!.id);
  }
  return { thinkTankId: thinkTank!.id, phaseId: phase!.id, board: board!, columnIds };
}

export async function reloadBoard(boardId: string): Promise<Board> {
  const db = await getDb();
  const [board] = await db.select().from(boards).where(eq(boards.id, boardId));
  return board!;
}

export function boardActor(user: Pick<User, "id" | "role" | "name">): BoardActor {
  return { id: user.id, role: user.role, name: user.name };
}

/** Applies one op directly through the engine's transaction (no queue, no sockets). */
export async function op(actor: BoardActor, boardId: string, input: BoardOpInput, clientOpId: string = randomUUID()): Promise<OpAck> {
  const request: BoardOpRequest = { actor, boardId, clientOpId, op: input };
  const { outcomes } = await applyBoardOps(boardId, [request]);
  return outcomes[0]!;
}
