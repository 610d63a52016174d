import { NextRequest } from "next/server";
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as getThinkTankRoute } from "@/app/api/v1/think-tanks/[id]/route";
import { POST as runPhaseRoute } from "@/app/api/v1/think-tanks/[id]/phases/[phaseId]/route";
import { POST as attachRoute } from "@/app/api/v1/think-tanks/[id]/problems/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/think-tanks/route";
import {
  boardColumns,
  boards,
  phaseChanges,
  phases,
  problemStatusChanges,
  problems,
  thinkTankParticipants,
  thinkTankProblems,
  thinkTanks,
  type User,
} from "@/db/schema";
import { createApiToken } from "@/lib/api-tokens/commands";
import { addPhase, movePhase, removePhase, runPhase, updatePhase } from "@/lib/phases/commands";
import { logProblem } from "@/lib/problems/commands";
import { attachProblems, changeThinkTankStatus, createThinkTank, escalateProblems, setPhaseMails, updateThinkTank } from "@/lib/think-tanks/commands";
import { getThinkTank, listThinkTanks } from "@/lib/think-tanks/queries";
import { testDriver, useTestDatabase as setUpTestDatabase } from "../support/database";
import { appError } from "../support/errors";
import { actorOf, auditEntries, createNetwork, createUser, outboxFor } from "../support/factories";

const t = setUpTestDatabase();

beforeEach(() => {
  vi.spyOn(console, "info").mockImplementation(() => {});
});

type World = {
  moderator: User;
  moderator2: User;
  admin: User;
  coordA: User;
  coordB: User;
  memberA: User;
  memberB: User;
  outsider: User;
  netA: { id: string; slug: string };
  netB: { id: string; slug: string };
};
let w: World;

beforeAll(async () => {
  const [moderator, moderator2, admin, coordA, coordB, memberA, memberB, outsider] = await Promise.all([
    createUser({ role: "moderator", name: "Moritz Moderation" }),
    createUser({ role: "moderator", name: "Mona Moderation" }),
    createUser({ role: "admin", name: "Anna Admin" }),
    createUser({ name: "Klara Koordination A" }),
    createUser({ name: "Kai Koordination B" }),
    createUser({ name: "Mehmet Mitglied A" }),
    createUser({ name: "Maja Mitglied B" }),
    createUser({ name: "Otto Außen" }),
  ]);
  const netA = await createNetwork({
    name: "BiNet",
    members: [
      { userId: coordA.id, role: "coordinator" },
      { userId: memberA.id, role: "member" },
    ],
  });
  const netB = await createNetwork({
    name: "Sozialraum Nord",
    members: [
      { userId: coordB.id, role: "coordinator" },
      { userId: memberB.id, role: "member" },
    ],
  });
  w = { moderator, moderator2, admin, coordA, coordB, memberA, memberB, outsider, netA, netB };
});

async function problemIn(net: { slug: string }, by: User, title: string) {
  return logProblem({ actor: actorOf(by), input: { network: net.slug, title, description: "Beschreibung", urgency: "high" } });
}

const baseInput = { title: "Eltern erreichen", question: "Wie könnten wir Eltern erreichen, die keine Elternabende besuchen?", goals: "Drei Ideen testen", template: "dschool" };

async function newThinkTank(extra: Record<string, unknown> = {}, by: User = w.moderator) {
  return createThinkTank({ actor: actorOf(by), input: { ...baseInput, ...extra } });
}

async function phaseList(thinkTankId: string) {
  return t.db.select().from(phases).where(eq(phases.thinkTankId, thinkTankId)).orderBy(asc(phases.position));
}

describe(`createThinkTank (${testDriver()})`, () => {
  it("creates the template's phases with their boards and columns; the creator and named moderators moderate; audited", async () => {
    const tt = await newThinkTank({ moderatorIds: [w.moderator2.id], startsOn: "2026-12-01", endsOn: "2026-12-31", visibility: "origin_networks" });
    expect(tt).toMatchObject({ status: "convening", template: "dschool", visibility: "origin_networks", startsOn: "2026-12-01", createdById: w.moderator.id });
    const list = await phaseList(tt.id);
    expect(list.map((p) => [p.position, p.name, p.timeboxMinutes, p.status])).toEqual([
      [0, "Empathize", 90, "pending"],
      [1, "Define", 60, "pending"],
      [2, "Ideate", 60, "pending"],
      [3, "Prototype", 120, "pending"],
      [4, "Test", 60, "pending"],
    ]);
    const boardRows = await t.db.select().from(boards).where(eq(boards.thinkTankId, tt.id));
    expect(boardRows).toHaveLength(5);
    const empathy = boardRows.find((b) => b.phaseId === list[0]!.id)!;
    expect(empathy).toMatchObject({ template: "empathy_map", kind: "columns" });
    const cols = await t.db.select().from(boardColumns).where(eq(boardColumns.boardId, empathy.id)).orderBy(asc(boardColumns.position));
    expect(cols.map((c) => c.title)).toEqual(["Sagt", "Denkt", "Tut", "Fühlt"]);
    expect(boardRows.find((b) => b.phaseId === list[2]!.id)).toMatchObject({ template: "canvas", kind: "canvas", votesPerPerson: 3 });
    const parts = await t.db.select().from(thinkTankParticipants).where(eq(thinkTankParticipants.thinkTankId, tt.id));
    expect(parts.map((p) => [p.userId, p.role]).sort()).toEqual([[w.moderator.id, "moderator"], [w.moderator2.id, "moderator"]].sort());
    expect(await auditEntries({ action: "thinkTank.created", subjectId: tt.id })).toHaveLength(1);
  });

  it("creates custom phases (one per line from the form) with a free canvas each, in English when asked", async () => {
    const tt = await newThinkTank({ template: "custom", customPhases: "Kick-off\n\n  Research  \nWrap-up", locale: "en" });
    const list = await phaseList(tt.id);
    expect(list.map((p) => p.name)).toEqual(["Kick-off", "Research", "Wrap-up"]);
    const boardRows = await t.db.select().from(boards).where(eq(boards.thinkTankId, tt.id));
    expect(boardRows.map((b) => [b.template, b.title])).toEqual([
      ["canvas", "Canvas"],
      ["canvas", "Canvas"],
      ["canvas", "Canvas"],
    ]);
  });

  it("refuses bad input with field errors and writes nothing", async () => {
    const before = await t.db.select().from(thinkTanks);
    const err = await appError(newThinkTank({ title: " ", template: "custom", customPhases: "", endsOn: "2026-01-01", startsOn: "2026-02-01" }));
    expect(err.code).toBe("invalid_input");
    expect(Object.keys(err.fields ?? {}).sort()).toEqual(["customPhases", "endsOn", "title"]);
    expect((await appError(newThinkTank({ moderatorIds: [w.memberA.id] }))).fields).toEqual({ moderatorIds: ["invalidChoice"] });
    expect(await t.db.select().from(thinkTanks)).toHaveLength(before.length);
  });

  it("is for moderators and admins only", async () => {
    expect((await appError(newThinkTank({}, w.coordA))).code).toBe("forbidden");
    expect((await appError(createThinkTank({ actor: null, input: baseInput }))).code).toBe("unauthenticated");
    await expect(newThinkTank({}, w.admin)).resolves.toMatchObject({ status: "convening" });
  });
});

describe("escalating problems", () => {
  it("escalates problems from two networks into a new think-tank: status, history with the think-tank's name, coordinators' mails, audit", async () => {
    const pA = await problemIn(w.netA, w.memberA, "Eltern kommen nicht");
    const pB = await problemIn(w.netB, w.memberB, "Keine Übersetzungen");
    const { thinkTank, created } = await escalateProblems({ actor: actorOf(w.moderator), input: { ...baseInput, title: "Eltern im Quartier", problemIds: [pA.id, pB.id] } });
    expect(created).toBe(true);
    const rows = await t.db.select().from(problems).where(eq(problems.id, pA.id));
    expect(rows[0]?.status).toBe("in_think_tank");
    const history = await t.db.select().from(problemStatusChanges).where(eq(problemStatusChanges.problemId, pB.id)).orderBy(asc(problemStatusChanges.id));
    expect(history.map((h) => [h.fromStatus, h.toStatus])).toEqual([
      [null, "open"],
      ["open", "escalated"],
      ["escalated", "in_think_tank"],
    ]);
    expect(history[2]?.note).toContain("Eltern im Quartier");
    const links = await t.db.select().from(thinkTankProblems).where(eq(thinkTankProblems.thinkTankId, thinkTank.id));
    expect(links.map((l) => l.problemId).sort()).toEqual([pA.id, pB.id].sort());
    const mailA = await outboxFor(w.coordA.email);
    expect(mailA.at(-1)).toMatchObject({ kind: "thinkTank.problemsEscalated" });
    expect(mailA.at(-1)?.text).toContain("Eltern kommen nicht");
    expect(mailA.at(-1)?.text).not.toContain("Keine Übersetzungen");
    expect((await outboxFor(w.coordB.email)).at(-1)?.text).toContain("Keine Übersetzungen");
    expect(await outboxFor(w.memberA.email)).toHaveLength(0);
    expect(await auditEntries({ action: "thinkTank.problems_escalated", subjectId: thinkTank.id })).toHaveLength(1);
    // Origin shows on the overview with the networks.
    const detail = await getThinkTank(actorOf(w.moderator), thinkTank.id);
    expect(detail.originNetworks.map((n) => n.name).sort()).toEqual(["BiNet", "Sozialraum Nord"]);
  });

  it("attaches problems to an existing think-tank, and refuses closed or already attached ones", async () => {
    const tt = await newThinkTank();
    const p = await problemIn(w.netA, w.memberA, "Später dazu");
    const { thinkTank, created } = await escalateProblems({ actor: actorOf(w.moderator), input: { thinkTankId: tt.id, problemIds: p.id } });
    expect(created).toBe(false);
    expect(thinkTank.id).toBe(tt.id);
    const [row] = await t.db.select().from(problems).where(eq(problems.id, p.id));
    expect(row?.status).toBe("in_think_tank");
    const again = await appError(attachProblems({ actor: actorOf(w.moderator), input: { thinkTankId: tt.id, problemIds: [p.id] } }));
    expect(again.code).toBe("conflict");
    expect((await appError(attachProblems({ actor: actorOf(w.moderator), input: { thinkTankId: tt.id, problemIds: ["nope"] } }))).code).toBe("not_found");
    expect((await appError(attachProblems({ actor: actorOf(w.moderator), input: { thinkTankId: tt.id, problemIds: [] } }))).code).toBe("invalid_input");
  });

  it("keeps everything unchanged when one problem of the batch cannot move (one transaction)", async () => {
    const good = await problemIn(w.netA, w.memberA, "Gut");
    const tt = await newThinkTank();
    // A think-tank moderator without the host's role cannot triage network problems.
    await t.db.insert(thinkTankParticipants).values({ thinkTankId: tt.id, userId: w.coordB.id, role: "moderator" });
    const err = await appError(attachProblems({ actor: actorOf(w.coordB), input: { thinkTankId: tt.id, problemIds: [good.id] } }));
    expect(["not_found", "forbidden"]).toContain(err.code);
    const [row] = await t.db.select().from(problems).where(eq(problems.id, good.id));
    expect(row?.status).toBe("open");
    expect(await t.db.select().from(thinkTankProblems).where(eq(thinkTankProblems.problemId, good.id))).toHaveLength(0);
  });
});

describe("editing and status", () => {
  it("lets everything change while convening, fixes question and start once active, only goals and end while paused", async () => {
    const tt = await newThinkTank();
    const mod = actorOf(w.moderator);
    await updateThinkTank({ actor: mod, input: { thinkTankId: tt.id, question: "Wie könnten wir anders fragen?", startsOn: "2026-12-01" } });
    await changeThinkTankStatus({ actor: mod, input: { thinkTankId: tt.id, to: "active" } });
    const fixed = await appError(updateThinkTank({ actor: mod, input: { thinkTankId: tt.id, question: "Neu?" } }));
    expect(fixed.code).toBe("think_tank_not_open");
    expect(fixed.fields).toEqual({ question: ["statusChangeNotAllowed"] });
    // Sending the unchanged value is fine (forms send every field).
    await expect(updateThinkTank({ actor: mod, input: { thinkTankId: tt.id, question: "Wie könnten wir anders fragen?", title: "Neuer Titel" } })).resolves.toMatchObject({ title: "Neuer Titel" });
    const noReason = await appError(changeThinkTankStatus({ actor: mod, input: { thinkTankId: tt.id, to: "paused", reason: "" } }));
    expect(noReason.fields).toEqual({ reason: ["required"] });
    await changeThinkTankStatus({ actor: mod, input: { thinkTankId: tt.id, to: "paused", reason: "Sommerpause" } });
    expect((await appError(updateThinkTank({ actor: mod, input: { thinkTankId: tt.id, title: "Pausiert" } }))).code).toBe("think_tank_not_open");
    await expect(updateThinkTank({ actor: mod, input: { thinkTankId: tt.id, goals: "Neue Ziele", endsOn: "2027-01-31" } })).resolves.toMatchObject({ goals: "Neue Ziele" });
    const [row] = await t.db.select().from(thinkTanks).where(eq(thinkTanks.id, tt.id));
    expect(row).toMatchObject({ status: "paused", pausedReason: "Sommerpause" });
    expect((await appError(changeThinkTankStatus({ actor: mod, input: { thinkTankId: tt.id, to: "paused", reason: "x" } }))).code).toBe("conflict");
    await changeThinkTankStatus({ actor: mod, input: { thinkTankId: tt.id, to: "active" } });
    const [after] = await t.db.select().from(thinkTanks).where(eq(thinkTanks.id, tt.id));
    expect(after).toMatchObject({ status: "active", pausedReason: null });
    expect((await auditEntries({ action: "thinkTank.status_changed", subjectId: tt.id })).map((a) => (a.data as { to: string }).to)).toEqual(["active", "paused", "active"]);
  });

  it("refuses edits and status changes of concluded think-tanks in the command", async () => {
    const tt = await newThinkTank();
    await t.db.update(thinkTanks).set({ status: "concluded" }).where(eq(thinkTanks.id, tt.id));
    const mod = actorOf(w.moderator);
    expect((await appError(updateThinkTank({ actor: mod, input: { thinkTankId: tt.id, goals: "x" } }))).code).toBe("think_tank_not_open");
    expect((await appError(changeThinkTankStatus({ actor: mod, input: { thinkTankId: tt.id, to: "active" } }))).code).toBe("conflict");
    const [phase] = await phaseList(tt.id);
    expect((await appError(runPhase({ actor: mod, input: { thinkTankId: tt.id, phaseId: phase!.id, action: "start" } }))).code).toBe("think_tank_not_open");
  });
});

describe("phases", () => {
  it("runs phases with exactly one current and running phase, history with who, audit, and the clock", async () => {
    const tt = await newThinkTank();
    const mod = actorOf(w.moderator);
    const [p1, p2] = await phaseList(tt.id);
    const started = await runPhase({ actor: mod, input: { thinkTankId: tt.id, phaseId: p1!.id, action: "start" } });
    expect(started).toMatchObject({ status: "running" });
    expect(started.runningSince).toBeInstanceOf(Date);
    let [row] = await t.db.select().from(thinkTanks).where(eq(thinkTanks.id, tt.id));
    expect(row).toMatchObject({ currentPhaseId: p1!.id, status: "active" });

    // Pretend two minutes have passed; pausing adds them to the elapsed time.
    await t.db.update(phases).set({ runningSince: new Date(Date.now() - 120_000) }).where(eq(phases.id, p1!.id));
    const paused = await runPhase({ actor: mod, input: { thinkTankId: tt.id, phaseId: p1!.id, action: "pause" } });
    expect(paused.status).toBe("paused");
    expect(paused.runningSince).toBeNull();
    expect(paused.elapsedSeconds).toBeGreaterThanOrEqual(119);

    await runPhase({ actor: mod, input: { thinkTankId: tt.id, phaseId: p1!.id, action: "start" } });
    await runPhase({ actor: mod, input: { thinkTankId: tt.id, phaseId: p2!.id, action: "start" } });
    const list = await phaseList(tt.id);
    expect(list.filter((p) => p.status === "running").map((p) => p.id)).toEqual([p2!.id]);
    expect(list[0]!.status).toBe("paused");
    [row] = await t.db.select().from(thinkTanks).where(eq(thinkTanks.id, tt.id));
    expect(row?.currentPhaseId).toBe(p2!.id);

    await runPhase({ actor: mod, input: { thinkTankId: tt.id, phaseId: p2!.id, action: "complete" } });
    expect((await appError(runPhase({ actor: mod, input: { thinkTankId: tt.id, phaseId: p2!.id, action: "pause" } }))).code).toBe("conflict");
    const reopened = await runPhase({ actor: mod, input: { thinkTankId: tt.id, phaseId: p2!.id, action: "reopen" } });
    expect(reopened).toMatchObject({ status: "running", completedAt: null });

    const history = await t.db.select().from(phaseChanges).where(eq(phaseChanges.thinkTankId, tt.id)).orderBy(asc(phaseChanges.id));
    expect(history.map((h) => [h.phaseId === p1!.id ? "p1" : "p2", h.action])).toEqual([
      ["p1", "start"],
      ["p1", "pause"],
      ["p1", "start"],
      ["p1", "pause"],
      ["p2", "start"],
      ["p2", "complete"],
      ["p2", "reopen"],
    ]);
    expect(history.every((h) => h.actorId === w.moderator.id)).toBe(true);
    expect(await auditEntries({ action: "phase.complete", subjectId: p2!.id })).toHaveLength(1);
    const detail = await getThinkTank(actorOf(w.moderator), tt.id);
    expect(detail.currentPhase?.id).toBe(p2!.id);
    expect(detail.history[0]).toMatchObject({ action: "reopen", actorName: "Moritz Moderation" });
  });

  it("pausing the think-tank pauses its running phase", async () => {
    const tt = await newThinkTank();
    const mod = actorOf(w.moderator);
    const [p1] = await phaseList(tt.id);
    await runPhase({ actor: mod, input: { thinkTankId: tt.id, phaseId: p1!.id, action: "start" } });
    await changeThinkTankStatus({ actor: mod, input: { thinkTankId: tt.id, to: "paused", reason: "Krankheit" } });
    const [after] = await phaseList(tt.id);
    expect(after?.status).toBe("paused");
    expect((await appError(runPhase({ actor: mod, input: { thinkTankId: tt.id, phaseId: p1!.id, action: "start" } }))).code).toBe("think_tank_not_open");
  });

  it("mails 'phase started' only on request, only to participants who want it, and only on the first start", async () => {
    const tt = await newThinkTank();
    const mod = actorOf(w.moderator);
    const [kg, quiet] = await Promise.all([createUser({ name: "Wissen" }), createUser({ name: "Leise" })]);
    await t.db.insert(thinkTankParticipants).values([
      { thinkTankId: tt.id, userId: kg.id, role: "knowledge_giver" },
      { thinkTankId: tt.id, userId: quiet.id, role: "knowledge_giver" },
    ]);
    await setPhaseMails({ actor: actorOf(quiet), input: { thinkTankId: tt.id, enabled: "false" } });
    const [p1, p2] = await phaseList(tt.id);
    await runPhase({ actor: mod, input: { thinkTankId: tt.id, phaseId: p1!.id, action: "start" } });
    expect(await outboxFor(kg.email)).toHaveLength(0);
    await runPhase({ actor: mod, input: { thinkTankId: tt.id, phaseId: p2!.id, action: "start", notify: "on" } });
    const mails = await outboxFor(kg.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ kind: "thinkTank.phaseStarted" });
    expect(mails[0]?.subject).toContain("Define");
    expect(await outboxFor(quiet.email)).toHaveLength(0);
    expect(await outboxFor(w.moderator.email)).toHaveLength(0);
    await runPhase({ actor: mod, input: { thinkTankId: tt.id, phaseId: p2!.id, action: "pause" } });
    await runPhase({ actor: mod, input: { thinkTankId: tt.id, phaseId: p2!.id, action: "start", notify: true } });
    expect(await outboxFor(kg.email)).toHaveLength(1);
    expect((await appError(setPhaseMails({ actor: actorOf(w.admin), input: { thinkTankId: tt.id, enabled: true } }))).code).toBe("forbidden");
  });

  it("edits, adds, removes and reorders only phases that have not started; boards follow", async () => {
    const tt = await newThinkTank({ template: "double_diamond" });
    const mod = actorOf(w.moderator);
    const [d1, d2, d3, d4] = await phaseList(tt.id);
    await runPhase({ actor: mod, input: { thinkTankId: tt.id, phaseId: d1!.id, action: "start" } });
    expect((await appError(updatePhase({ actor: mod, input: { thinkTankId: tt.id, phaseId: d1!.id, name: "X" } }))).code).toBe("conflict");
    expect((await appError(removePhase({ actor: mod, input: { thinkTankId: tt.id, phaseId: d1!.id } }))).code).toBe("conflict");
    expect((await appError(movePhase({ actor: mod, input: { thinkTankId: tt.id, phaseId: d2!.id, direction: "up" } }))).code).toBe("conflict");

    await updatePhase({ actor: mod, input: { thinkTankId: tt.id, phaseId: d2!.id, name: "Eingrenzen", goal: "Fokus", timeboxMinutes: "45" } });
    await movePhase({ actor: mod, input: { thinkTankId: tt.id, phaseId: d4!.id, direction: "up" } });
    const added = await addPhase({ actor: mod, input: { thinkTankId: tt.id, name: "Rückschau", timeboxMinutes: 30 } });
    await removePhase({ actor: mod, input: { thinkTankId: tt.id, phaseId: d3!.id } });
    const list = await phaseList(tt.id);
    expect(list.map((p) => [p.position, p.name, p.timeboxMinutes])).toEqual([
      [0, "Discover", 120],
      [1, "Eingrenzen", 45],
      [2, "Deliver", 90],
      [4, "Rückschau", 30],
    ]);
    expect(await t.db.select().from(boards).where(eq(boards.phaseId, d3!.id))).toHaveLength(0);
    const newBoards = await t.db.select().from(boards).where(eq(boards.phaseId, added.id));
    expect(newBoards.map((b) => b.template)).toEqual(["canvas"]);
    expect(await auditEntries({ action: "phase.removed", subjectId: d3!.id })).toHaveLength(1);
    expect((await appError(updatePhase({ actor: mod, input: { thinkTankId: tt.id, phaseId: d2!.id, name: "" } }))).fields).toEqual({ name: ["required"] });
  });

  it("answers not_found for a phase of another think-tank", async () => {
    const a = await newThinkTank();
    const b = await newThinkTank();
    const [pb] = await phaseList(b.id);
    expect((await appError(runPhase({ actor: actorOf(w.moderator), input: { thinkTankId: a.id, phaseId: pb!.id, action: "start" } }))).code).toBe("not_found");
  });
});

describe("visibility", () => {
  it("hides think-tanks from outsiders (404) and lists them only for participants, origin readers and stewards", async () => {
    const p = await problemIn(w.netA, w.memberA, "Sichtbarkeit");
    const open = await newThinkTank({ title: "Offen für Herkunft", visibility: "origin_networks", problemIds: [p.id] });
    const closed = await newThinkTank({ title: "Nur Teilnehmende" });
    expect((await appError(getThinkTank(actorOf(w.outsider), closed.id))).code).toBe("not_found");
    expect((await appError(getThinkTank(actorOf(w.memberA), closed.id))).code).toBe("not_found");
    await expect(getThinkTank(actorOf(w.memberA), open.id)).resolves.toMatchObject({ context: { originReader: true } });
    const mine = await listThinkTanks(actorOf(w.memberA));
    expect(mine.thinkTanks.map((x) => x.id)).toContain(open.id);
    expect(mine.thinkTanks.map((x) => x.id)).not.toContain(closed.id);
    expect((await listThinkTanks(actorOf(w.outsider))).thinkTanks.map((x) => x.id)).not.toContain(open.id);
    const all = await listThinkTanks(actorOf(w.admin), { status: "convening" });
    expect(all.thinkTanks.map((x) => x.id)).toEqual(expect.arrayContaining([open.id, closed.id]));
    expect(all.thinkTanks.every((x) => x.status === "convening")).toBe(true);
    // Origin readers may read but not run phases: the policy answers forbidden, not 404.
    const [phase] = await phaseList(open.id);
    expect((await appError(runPhase({ actor: actorOf(w.memberA), input: { thinkTankId: open.id, phaseId: phase!.id, action: "start" } }))).code).toBe("forbidden");
    expect((await appError(runPhase({ actor: actorOf(w.outsider), input: { thinkTankId: open.id, phaseId: phase!.id, action: "start" } }))).code).toBe("not_found");
  });
});

describe("/api/v1/think-tanks", () => {
  const base = "http://localhost:3000/api/v1";
  const params = <P>(p: P) => ({ params: Promise.resolve(p) });
  function request(method: string, url: string, token: string, body?: unknown) {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (body !== undefined) headers["content-type"] = "application/json";
    return new NextRequest(`${base}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  }

  it("creates, lists, reads with phases and board ids, attaches problems and runs phases; outsiders get 404", async () => {
    const modToken = (await createApiToken({ actor: actorOf(w.moderator), input: { name: "api" } })).token;
    const outToken = (await createApiToken({ actor: actorOf(w.outsider), input: { name: "api" } })).token;
    const p = await problemIn(w.netB, w.memberB, "Per API");

    const created = await createRoute(request("POST", "/think-tanks", modToken, { ...baseInput, template: "hpi", problemIds: [p.id] }), params({}));
    expect(created.status).toBe(201);
    const { thinkTank } = (await created.json()) as { thinkTank: { id: string } };

    const bad = await createRoute(request("POST", "/think-tanks", modToken, { template: "nope" }), params({}));
    expect(bad.status).toBe(400);

    const listed = await listRoute(request("GET", "/think-tanks?status=convening", modToken), params({}));
    expect(((await listed.json()) as { thinkTanks: { id: string }[] }).thinkTanks.map((x) => x.id)).toContain(thinkTank.id);

    const read = await getThinkTankRoute(request("GET", `/think-tanks/${thinkTank.id}`, modToken), params({ id: thinkTank.id }));
    expect(read.status).toBe(200);
    const body = (await read.json()) as { thinkTank: { phases: { id: string; name: string; boards: { id: string; template: string }[] }[]; problems: { id: string }[] } };
    expect(body.thinkTank.phases.map((ph) => ph.name)).toEqual(["Verstehen", "Beobachten", "Sichtweise definieren", "Ideen finden", "Prototypen entwickeln", "Testen"]);
    expect(body.thinkTank.phases[0]!.boards[0]).toMatchObject({ id: expect.any(String), template: "empathy_map" });
    expect(body.thinkTank.problems.map((x) => x.id)).toEqual([p.id]);

    const p2 = await problemIn(w.netA, w.memberA, "Per API angehängt");
    const attached = await attachRoute(request("POST", `/think-tanks/${thinkTank.id}/problems`, modToken, { problemIds: [p2.id] }), params({ id: thinkTank.id }));
    expect(attached.status).toBe(200);
    const [link] = await t.db
      .select()
      .from(thinkTankProblems)
      .where(and(eq(thinkTankProblems.thinkTankId, thinkTank.id), eq(thinkTankProblems.problemId, p2.id)));
    expect(link).toBeTruthy();

    const phaseId = body.thinkTank.phases[0]!.id;
    const ran = await runPhaseRoute(request("POST", `/think-tanks/${thinkTank.id}/phases/${phaseId}`, modToken, { action: "start" }), params({ id: thinkTank.id, phaseId }));
    expect(ran.status).toBe(200);
    expect(((await ran.json()) as { phase: { status: string } }).phase.status).toBe("running");
    const wrong = await runPhaseRoute(request("POST", `/think-tanks/${thinkTank.id}/phases/${phaseId}`, modToken, { action: "start" }), params({ id: thinkTank.id, phaseId }));
    expect(wrong.status).toBe(409);

    const hidden = await getThinkTankRoute(request("GET", `/think-tanks/${thinkTank.id}`, outToken), params({ id: thinkTank.id }));
    expect(hidden.status).toBe(404);
    const hiddenRun = await runPhaseRoute(request("POST", `/think-tanks/${thinkTank.id}/phases/${phaseId}`, outToken, { action: "pause" }), params({ id: thinkTank.id, phaseId }));
    expect(hiddenRun.status).toBe(404);
  });
});
