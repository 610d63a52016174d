import { describe, expect, it } from "vitest";
import { phaseStatuses } from "@/db/schema";
import { availablePhaseActions, canRunPhase, elapsedSeconds, formatDuration, isEditablePhase, moveTarget, remainingSeconds } from "@/lib/phases/rules";
import { ZRunPhase } from "@/lib/phases/schemas";
import { canChangeStatus, editableFields } from "@/lib/think-tanks/rules";
import { ZChangeThinkTankStatus, ZCreateThinkTank } from "@/lib/think-tanks/schemas";

describe("phase transitions", () => {
  it("allows exactly these moves", () => {
    const table = Object.fromEntries(phaseStatuses.map((s) => [s, availablePhaseActions(s)]));
    expect(table).toEqual({
      pending: ["start"],
      running: ["pause", "complete"],
      paused: ["start", "complete"],
      completed: ["reopen"],
    });
    expect(canRunPhase("completed", "start")).toBe(false);
    expect(canRunPhase("pending", "complete")).toBe(false);
  });

  it("lets moderators shape only phases that never started", () => {
    expect(isEditablePhase({ status: "pending", startedAt: null })).toBe(true);
    expect(isEditablePhase({ status: "running", startedAt: new Date() })).toBe(false);
    // Reopened then paused phases were started once: they keep their place.
    expect(isEditablePhase({ status: "paused", startedAt: new Date() })).toBe(false);
  });

  it("moves a phase only by swapping with an editable neighbour", () => {
    const list = [
      { id: "a", status: "completed" as const, startedAt: new Date() },
      { id: "b", status: "pending" as const, startedAt: null },
      { id: "c", status: "pending" as const, startedAt: null },
    ];
    expect(moveTarget(list, "b", "up")).toBeNull();
    expect(moveTarget(list, "b", "down")).toBe(2);
    expect(moveTarget(list, "c", "up")).toBe(1);
    expect(moveTarget(list, "c", "down")).toBeNull();
    expect(moveTarget(list, "a", "down")).toBeNull();
    expect(moveTarget(list, "zz", "up")).toBeNull();
  });
});

describe("phase clock", () => {
  const now = new Date("2026-11-23T10:00:00Z");

  it("counts the running stretch on top of the elapsed seconds", () => {
    const running = { timeboxMinutes: 60, elapsedSeconds: 600, runningSince: new Date("2026-11-23T09:55:00Z") };
    expect(elapsedSeconds(running, now)).toBe(900);
    expect(remainingSeconds(running, now)).toBe(2700);
    // ISO strings (as handed to the browser) work the same.
    expect(remainingSeconds({ ...running, runningSince: "2026-11-23T09:55:00.000Z" }, now)).toBe(2700);
  });

  it("stands still while paused, goes negative over time, and has no end without a timebox", () => {
    expect(remainingSeconds({ timeboxMinutes: 10, elapsedSeconds: 120, runningSince: null }, now)).toBe(480);
    expect(remainingSeconds({ timeboxMinutes: 10, elapsedSeconds: 700, runningSince: null }, now)).toBe(-100);
    expect(remainingSeconds({ timeboxMinutes: null, elapsedSeconds: 700, runningSince: null }, now)).toBeNull();
    // A clock skewed into the future never counts backwards.
    expect(elapsedSeconds({ elapsedSeconds: 5, runningSince: new Date("2026-11-23T10:05:00Z") }, now)).toBe(5);
  });

  it("formats durations", () => {
    expect(formatDuration(0)).toBe("0:00");
    expect(formatDuration(65)).toBe("1:05");
    expect(formatDuration(5400)).toBe("1:30:00");
    expect(formatDuration(-61)).toBe("−1:01");
  });
});

describe("think-tank status and editing", () => {
  it("moves convening → active ⇄ paused only (conclusion is another command)", () => {
    expect(canChangeStatus("convening", "active")).toBe(true);
    expect(canChangeStatus("active", "paused")).toBe(true);
    expect(canChangeStatus("paused", "active")).toBe(true);
    expect(canChangeStatus("convening", "paused")).toBe(false);
    expect(canChangeStatus("concluded", "active")).toBe(false);
    expect(canChangeStatus("archived", "active")).toBe(false);
  });

  it("narrows what may be edited as the think-tank goes on", () => {
    expect(editableFields("convening")).toEqual(["title", "question", "goals", "visibility", "startsOn", "endsOn"]);
    expect(editableFields("active")).toEqual(["title", "goals", "visibility", "endsOn"]);
    expect(editableFields("paused")).toEqual(["goals", "endsOn"]);
    expect(editableFields("concluded")).toEqual([]);
    expect(editableFields("archived")).toEqual([]);
  });

  it("requires a reason to pause", () => {
    expect(ZChangeThinkTankStatus.safeParse({ thinkTankId: "x", to: "paused" }).success).toBe(false);
    expect(ZChangeThinkTankStatus.safeParse({ thinkTankId: "x", to: "paused", reason: "Urlaub" }).success).toBe(true);
    expect(ZChangeThinkTankStatus.safeParse({ thinkTankId: "x", to: "concluded", reason: "x" }).success).toBe(false);
  });

  it("validates the create input: dates in order, custom phases, timeboxes", () => {
    const base = { title: "T", question: "Q?", template: "custom" };
    const ok = ZCreateThinkTank.parse({ ...base, customPhases: [{ name: "Eins", timeboxMinutes: "30" }], problemIds: "p1" });
    expect(ok.customPhases).toEqual([{ name: "Eins", goal: "", timeboxMinutes: 30 }]);
    expect(ok.problemIds).toEqual(["p1"]);
    expect(ok.visibility).toBe("participants");
    expect(ok.locale).toBe("de");
    expect(ZCreateThinkTank.safeParse({ ...base, customPhases: [{ name: "Eins", timeboxMinutes: 0 }] }).success).toBe(false);
    expect(ZCreateThinkTank.safeParse({ ...base, template: "dschool", startsOn: "2026-02-01", endsOn: "2026-01-01" }).success).toBe(false);
    expect(ZCreateThinkTank.safeParse({ ...base, template: "dschool", startsOn: "2026-13-45" }).success).toBe(false);
    expect(ZRunPhase.safeParse({ thinkTankId: "t", phaseId: "p", action: "restart" }).success).toBe(false);
  });
});
