import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { phases, thinkTankParticipants, thinkTankProblems, thinkTanks, type User } from "@/db/schema";
import { addPhase, movePhase, removePhase, runPhase, updatePhase } from "@/lib/phases/commands";
import { attachProblems, changeThinkTankStatus, createThinkTank, setPhaseMails, updateThinkTank } from "@/lib/think-tanks/commands";
import { getThinkTank } from "@/lib/think-tanks/queries";
import { testDriver, useTestDatabase as setUpTestDatabase } from "../support/database";
import { actorOf, createNetwork, createProblemRow, createUser } from "../support/factories";

/*
 * Every command of the think-tank core called by every kind of person on an active think-tank,
 * against an explicit table: allowed, forbidden (sees it, may not), not_found (may not see it).
 */

const t = setUpTestDatabase();

beforeEach(() => {
  vi.spyOn(console, "info").mockImplementation(() => {});
});

type Who = "moderator" | "knowledge_giver" | "delegate" | "observer" | "originReader" | "platformAdmin" | "platformModerator" | "outsider";
const whos: Who[] = ["moderator", "knowledge_giver", "delegate", "observer", "originReader", "platformAdmin", "platformModerator", "outsider"];
type Outcome = "allowed" | "forbidden" | "not_found";

let people: Record<Who, User>;
let convener: User;
let network: { id: string; slug: string };

beforeAll(async () => {
  convener = await createUser({ role: "moderator", name: "Einberufende" });
  const list = await Promise.all(
    whos.map((who) => createUser({ name: who, role: who === "platformAdmin" ? "admin" : who === "platformModerator" ? "moderator" : "member" })),
  );
  people = Object.fromEntries(whos.map((who, i) => [who, list[i]!])) as Record<Who, User>;
  network = await createNetwork({ name: "Herkunftsnetz", members: [{ userId: people.originReader.id, role: "member" }] });
});

/** An active think-tank (d.school phases, all pending) with one participant per role and an origin problem. */
async function world() {
  const tt = await createThinkTank({ actor: actorOf(convener), input: { title: "Matrix", question: "Wie könnten wir …?", template: "dschool", visibility: "origin_networks" } });
  await t.db.update(thinkTanks).set({ status: "active" }).where(eq(thinkTanks.id, tt.id));
  for (const role of ["moderator", "knowledge_giver", "delegate", "observer"] as const) {
    await t.db.insert(thinkTankParticipants).values({ thinkTankId: tt.id, userId: people[role].id, role });
  }
  const origin = await createProblemRow(network.id, { status: "in_think_tank" });
  await t.db.insert(thinkTankProblems).values({ thinkTankId: tt.id, problemId: origin.id });
  const list = await t.db.select().from(phases).where(eq(phases.thinkTankId, tt.id)).orderBy(phases.position);
  return { thinkTankId: tt.id, first: list[0]!.id, last: list[list.length - 1]!.id };
}

type Call = (actor: ReturnType<typeof actorOf>, w: Awaited<ReturnType<typeof world>>) => Promise<unknown>;

const commands: Record<string, Call> = {
  getThinkTank: (actor, w) => getThinkTank(actor, w.thinkTankId),
  createThinkTank: (actor) => createThinkTank({ actor, input: { title: "Neu", question: "Wie?", template: "double_diamond" } }),
  attachProblems: async (actor, w) => {
    const p = await createProblemRow(network.id, { status: "open" });
    return attachProblems({ actor, input: { thinkTankId: w.thinkTankId, problemIds: [p.id] } });
  },
  updateThinkTank: (actor, w) => updateThinkTank({ actor, input: { thinkTankId: w.thinkTankId, goals: "Neue Ziele" } }),
  changeThinkTankStatus: (actor, w) => changeThinkTankStatus({ actor, input: { thinkTankId: w.thinkTankId, to: "paused", reason: "Pause" } }),
  setPhaseMails: (actor, w) => setPhaseMails({ actor, input: { thinkTankId: w.thinkTankId, enabled: false } }),
  runPhase: (actor, w) => runPhase({ actor, input: { thinkTankId: w.thinkTankId, phaseId: w.first, action: "start" } }),
  updatePhase: (actor, w) => updatePhase({ actor, input: { thinkTankId: w.thinkTankId, phaseId: w.last, name: "Umbenannt" } }),
  addPhase: (actor, w) => addPhase({ actor, input: { thinkTankId: w.thinkTankId, name: "Zusatz" } }),
  removePhase: (actor, w) => removePhase({ actor, input: { thinkTankId: w.thinkTankId, phaseId: w.last } }),
  movePhase: (actor, w) => movePhase({ actor, input: { thinkTankId: w.thinkTankId, phaseId: w.last, direction: "up" } }),
};

const A = "allowed",
  F = "forbidden",
  N = "not_found";
//                               moderator kg delegate observer originReader admin platformMod outsider
const expected: Record<keyof typeof commands, [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome]> = {
  getThinkTank: [A, A, A, A, A, A, A, N],
  // Convening is the host's: platform moderators and admins only (a think-tank's moderator may be a member).
  createThinkTank: [F, F, F, F, F, A, A, F],
  // Escalating moves problems in their networks' logs, which is the host's too: a think-tank
  // moderator without the platform role does not even see the other network's problem.
  attachProblems: [N, F, F, F, F, A, A, N],
  updateThinkTank: [A, F, F, F, F, A, A, N],
  changeThinkTankStatus: [A, F, F, F, F, A, A, N],
  // Only participants have a phase-mail setting.
  setPhaseMails: [A, A, A, A, F, F, F, N],
  runPhase: [A, F, F, F, F, A, A, N],
  updatePhase: [A, F, F, F, F, A, A, N],
  addPhase: [A, F, F, F, F, A, A, N],
  removePhase: [A, F, F, F, F, A, A, N],
  movePhase: [A, F, F, F, F, A, A, N],
};

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "allowed";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

describe(`think-tank commands × roles (${testDriver()})`, () => {
  const cases = Object.keys(commands).flatMap((command) => whos.map((who, i) => ({ command, who, want: expected[command]![i]! })));

  it.each(cases)("$command as $who → $want", async ({ command, who, want }) => {
    const w = await world();
    expect(await outcome(commands[command]!(actorOf(people[who]), w))).toBe(want);
  });
});
