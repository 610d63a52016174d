import "server-only";
import { z } from "zod";
import { getDb } from "@/db/client";
import { AppError } from "@/lib/errors";
import { emitToRoom, rooms } from "@/lib/realtime/emit";
import { BOARD_REFRESH } from "@/lib/realtime/events";
import type { RealtimeServer, RealtimeSocket } from "@/lib/realtime/server";
import { thinkTankAccess } from "./access";

/*
 * Live phase updates. A page watching a think-tank joins its room after the same access check as
 * every read (404 for whoever may not see it); commands announce each phase or status change with
 * `phase:update { thinkTankId }` and the pages refetch, so nothing secret travels in the event.
 */

export const PHASE_UPDATE = "phase:update";
export const THINK_TANK_WATCH = "thinkTank:watch";

const ZWatch = z.object({ thinkTankId: z.string().min(1).max(100) });

type Ack = (reply: { ok: true } | { ok: false; error: { code: string } }) => void;

export function announcePhaseUpdate(thinkTankId: string): void {
  emitToRoom(rooms.thinkTank(thinkTankId), PHASE_UPDATE, { thinkTankId });
  // A completed phase or a think-tank that stops working closes its boards (and reopening opens
  // them): boards learn it by a fresh snapshot, since these changes are no board ops.
  emitToRoom(rooms.thinkTankBoards(thinkTankId), BOARD_REFRESH, { thinkTankId });
}

export function registerThinkTankHandlers(_io: RealtimeServer, socket: RealtimeSocket): void {
  socket.on(THINK_TANK_WATCH, async (payload: unknown, ack?: unknown) => {
    const reply: Ack = typeof ack === "function" ? (ack as Ack) : () => {};
    const parsed = ZWatch.safeParse(payload);
    if (!parsed.success) return reply({ ok: false, error: { code: "invalid_input" } });
    try {
      const db = await getDb();
      const actor = socket.data.actor;
      await thinkTankAccess(db, { id: actor.id, role: actor.role }, parsed.data.thinkTankId);
      await socket.join(rooms.thinkTank(parsed.data.thinkTankId));
      reply({ ok: true });
    } catch (error) {
      if (error instanceof AppError) return reply({ ok: false, error: { code: error.code } });
      console.error("[realtime] thinkTank:watch failed", error);
      reply({ ok: false, error: { code: "internal" } });
    }
  });
  socket.on("thinkTank:unwatch", (payload: unknown) => {
    const parsed = ZWatch.safeParse(payload);
    if (parsed.success) void socket.leave(rooms.thinkTank(parsed.data.thinkTankId));
  });
}
