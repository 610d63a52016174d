import type { PhaseStatus } from "@/db/schema";
import type { PhaseRunAction } from "./schemas";

/*
 * Running phases (pure; shared by commands, pages and the live countdown). A phase is pending until
 * first started; while running, time accumulates from `runningSince`; paused keeps the elapsed
 * seconds; completed is done (boards close) until reopened. Only one phase runs at a time: starting
 * or reopening one pauses whichever is running.
 */

export const phaseTransitions: Record<PhaseRunAction, { from: readonly PhaseStatus[]; to: PhaseStatus }> = {
  start: { from: ["pending", "paused"], to: "running" },
  pause: { from: ["running"], to: "paused" },
  complete: { from: ["running", "paused"], to: "completed" },
  reopen: { from: ["completed"], to: "running" },
};

export function canRunPhase(status: PhaseStatus, action: PhaseRunAction): boolean {
  return phaseTransitions[action].from.includes(status);
}

/** The actions a moderator is offered for a phase in this status, in a sensible order. */
export function availablePhaseActions(status: PhaseStatus): PhaseRunAction[] {
  return (["start", "pause", "complete", "reopen"] as const).filter((a) => canRunPhase(status, a));
}

export type PhaseClock = { timeboxMinutes: number | null; elapsedSeconds: number; runningSince: Date | string | null };

/** Seconds spent in the phase so far, including the running stretch. */
export function elapsedSeconds(phase: Pick<PhaseClock, "elapsedSeconds" | "runningSince">, now: Date = new Date()): number {
  const since = phase.runningSince ? new Date(phase.runningSince).getTime() : null;
  const running = since === null ? 0 : Math.max(0, Math.floor((now.getTime() - since) / 1000));
  return phase.elapsedSeconds + running;
}

/** Seconds left in the timebox; negative when over time; null without a timebox. */
export function remainingSeconds(phase: PhaseClock, now: Date = new Date()): number | null {
  if (phase.timeboxMinutes === null) return null;
  return phase.timeboxMinutes * 60 - elapsedSeconds(phase, now);
}

/** "12:05", "1:02:03", with a leading minus when over time. */
export function formatDuration(seconds: number): string {
  const sign = seconds < 0 ? "−" : "";
  const s = Math.abs(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${sign}${h}:${pad(m)}:${pad(sec)}` : `${sign}${m}:${pad(sec)}`;
}

/** Moderators shape phases only before they begin: a started phase has history and boards in use. */
export function isEditablePhase(phase: { status: PhaseStatus; startedAt: Date | string | null }): boolean {
  return phase.status === "pending" && phase.startedAt === null;
}

/**
 * Where a phase may move: only swapping with an editable neighbour, so started phases keep their
 * place in the sequence. Returns the index to swap with, or null.
 */
export function moveTarget(
  list: readonly { id: string; status: PhaseStatus; startedAt: Date | string | null }[],
  phaseId: string,
  direction: "up" | "down",
): number | null {
  const index = list.findIndex((p) => p.id === phaseId);
  if (index < 0) return null;
  const other = direction === "up" ? index - 1 : index + 1;
  const a = list[index];
  const b = list[other];
  if (!a || !b || !isEditablePhase(a) || !isEditablePhase(b)) return null;
  return other;
}
