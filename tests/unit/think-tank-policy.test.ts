import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { assertCanInThinkTank, canInThinkTank, thinkTankActions, type Actor, type ThinkTankContext, type ThinkTankStatus } from "@/lib/policy";

/*
 * The whole think-tank authorization matrix, written out: every action × every kind of person ×
 * every status. Letters are the statuses in which the person may act:
 * C convening · A active · P paused · K concluded · R archived.
 */
type Who = "moderator" | "knowledge_giver" | "delegate" | "observer" | "originReader" | "platformAdmin" | "platformModerator" | "outsider";

const whos: Who[] = ["moderator", "knowledge_giver", "delegate", "observer", "originReader", "platformAdmin", "platformModerator", "outsider"];

const statusLetter: Record<ThinkTankStatus, string> = { convening: "C", active: "A", paused: "P", concluded: "K", archived: "R" };
const statuses = Object.keys(statusLetter) as ThinkTankStatus[];

//                         moderator kg      delegate observer originReader admin  platformMod outsider
const row = (...cells: [string, string, string, string, string, string, string, string]) =>
  Object.fromEntries(whos.map((w, i) => [w, cells[i]!])) as Record<Who, string>;

const expected: Record<string, Record<Who, string>> = {
  "thinkTank.view": row("CAPKR", "CAPKR", "CAPKR", "CAPKR", "CAPKR", "CAPKR", "CAPKR", ""),
  "thinkTank.edit": row("CAP", "", "", "", "", "CAP", "CAP", ""),
  "thinkTank.changeStatus": row("CAPK", "", "", "", "", "CAPK", "CAPK", ""),
  "thinkTank.attachProblems": row("CAP", "", "", "", "", "CAP", "CAP", ""),
  "thinkTank.conclude": row("AP", "", "", "", "", "AP", "AP", ""),
  "thinkTank.handBack": row("K", "", "", "", "", "K", "K", ""),
  "thinkTank.carryOver": row("PK", "", "", "", "", "PK", "PK", ""),
  "thinkTank.archive": row("K", "", "", "", "", "K", "K", ""),
  "thinkTank.leave": row("", "CAPK", "CAPK", "CAPK", "", "", "", ""),
  "phases.edit": row("CAP", "", "", "", "", "CAP", "CAP", ""),
  "phases.run": row("CA", "", "", "", "", "CA", "CA", ""),
  "participants.viewContacts": row("CAPKR", "CAPKR", "CAPKR", "CAPKR", "", "CAPKR", "CAPKR", ""),
  "participants.invite": row("CAP", "", "", "", "", "CAP", "CAP", ""),
  "participants.changeRole": row("CAP", "", "", "", "", "CAP", "CAP", ""),
  "participants.remove": row("CAP", "", "", "", "", "CAP", "CAP", ""),
  "board.view": row("CAPKR", "CAPKR", "CAPKR", "CAPKR", "CAPKR", "CAPKR", "CAPKR", ""),
  "board.write": row("CA", "CA", "CA", "", "", "CA", "CA", ""),
  "board.moderate": row("CA", "", "", "", "", "CA", "CA", ""),
  "board.export": row("CAPKR", "CAPKR", "CAPKR", "CAPKR", "CAPKR", "CAPKR", "CAPKR", ""),
};

function personFor(who: Who, status: ThinkTankStatus): { actor: Actor; context: ThinkTankContext } {
  const member: Actor = { id: `u-${who}`, role: "member" };
  switch (who) {
    case "moderator":
    case "knowledge_giver":
    case "delegate":
    case "observer":
      return { actor: member, context: { thinkTankRole: who, originReader: false, status } };
    case "originReader":
      return { actor: member, context: { thinkTankRole: null, originReader: true, status } };
    case "platformAdmin":
      return { actor: { id: "u-admin", role: "admin" }, context: { thinkTankRole: null, originReader: false, status } };
    case "platformModerator":
      return { actor: { id: "u-mod", role: "moderator" }, context: { thinkTankRole: null, originReader: false, status } };
    case "outsider":
      return { actor: member, context: { thinkTankRole: null, originReader: false, status } };
  }
}

function codeOf(fn: () => void): string {
  try {
    fn();
    return "allowed";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe("think-tank policy matrix", () => {
  it("has an expected row for every think-tank action", () => {
    expect(Object.keys(expected).sort()).toEqual([...thinkTankActions].sort());
  });

  const cases = thinkTankActions.flatMap((action) => whos.flatMap((who) => statuses.map((status) => ({ action, who, status }))));

  it.each(cases)("$action × $who × $status", ({ action, who, status }) => {
    const { actor, context } = personFor(who, status);
    const allowed = (expected[action]?.[who] ?? "").includes(statusLetter[status]);
    expect(canInThinkTank(actor, context, action)).toBe(allowed);

    // The assertion agrees and picks the right refusal: 404 for whoever cannot see the think-tank,
    // think_tank_not_open when only the status stops them, forbidden otherwise.
    const mayEverSee = expected["thinkTank.view"]![who].includes(statusLetter[status]);
    const mayInSomeStatus = (expected[action]?.[who] ?? "").length > 0;
    const expectedCode = allowed ? "allowed" : !mayEverSee ? "not_found" : mayInSomeStatus ? "think_tank_not_open" : "forbidden";
    expect(codeOf(() => assertCanInThinkTank(actor, context, action))).toBe(expectedCode);
  });

  it("refuses everything to nobody", () => {
    const context: ThinkTankContext = { thinkTankRole: "moderator", originReader: false, status: "active" };
    for (const action of thinkTankActions) {
      expect(canInThinkTank(null, context, action)).toBe(false);
      expect(codeOf(() => assertCanInThinkTank(null, context, action))).toBe("unauthenticated");
    }
  });
});
