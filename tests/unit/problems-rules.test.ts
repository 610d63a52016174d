import { describe, expect, it } from "vitest";
import { problemStatuses, type ProblemStatus } from "@/db/schema";
import { canTransition, isClosed, nextStatuses, problemTransitions, transitionExists, triageRoles, type TriageRole } from "@/lib/problems/rules";

/* The full matrix: every (from, to) pair for coordinators and for the host (moderators/admins). */
const allowed: Record<ProblemStatus, { coordinator: ProblemStatus[]; host: ProblemStatus[] }> = {
  open: { coordinator: ["resolved", "withdrawn"], host: ["escalated", "resolved", "withdrawn"] },
  escalated: { coordinator: [], host: ["in_think_tank", "open", "resolved", "withdrawn"] },
  in_think_tank: { coordinator: [], host: ["resolved", "escalated"] },
  resolved: { coordinator: ["open"], host: ["open"] },
  withdrawn: { coordinator: ["open"], host: ["open"] },
};

const cases = problemStatuses.flatMap((from) =>
  problemStatuses.flatMap((to) =>
    (["coordinator", "host"] as const).map((role) => ({ from, to, role, expected: allowed[from][role].includes(to) })),
  ),
);

describe("problem status transitions", () => {
  it.each(cases)("$role: $from → $to is $expected", ({ from, to, role, expected }) => {
    expect(canTransition(from, to, [role])).toBe(expected);
  });

  it("never allows staying in the same status", () => {
    for (const s of problemStatuses) expect(transitionExists(s, s)).toBe(false);
  });

  it("gives nobody without a triage role any transition", () => {
    for (const from of problemStatuses) {
      expect(nextStatuses(from, [])).toEqual([]);
      for (const to of problemStatuses) expect(canTransition(from, to, [])).toBe(false);
    }
  });

  it("lets only the host escalate or take a problem into a think-tank", () => {
    for (const from of problemStatuses) {
      expect(canTransition(from, "escalated", ["coordinator"])).toBe(false);
      expect(canTransition(from, "in_think_tank", ["coordinator"])).toBe(false);
    }
    expect(canTransition("open", "escalated", ["host"])).toBe(true);
    expect(canTransition("escalated", "in_think_tank", ["host"])).toBe(true);
    // A think-tank takes only escalated problems: no shortcut from open.
    expect(canTransition("open", "in_think_tank", ["host"])).toBe(false);
  });

  it("lets a coordinator who is also a moderator do both", () => {
    const roles: TriageRole[] = ["coordinator", "host"];
    expect(nextStatuses("open", roles)).toEqual(["escalated", "resolved", "withdrawn"]);
    expect(nextStatuses("escalated", roles)).toEqual(["in_think_tank", "open", "resolved", "withdrawn"]);
  });

  it("keeps every status reachable from open and every closed problem reopenable", () => {
    const reached = new Set<ProblemStatus>(["open"]);
    const queue: ProblemStatus[] = ["open"];
    while (queue.length) {
      const s = queue.shift() as ProblemStatus;
      for (const { to } of problemTransitions[s]) {
        if (reached.has(to)) continue;
        reached.add(to);
        queue.push(to);
      }
    }
    expect([...reached].sort()).toEqual([...problemStatuses].sort());
    expect(nextStatuses("resolved", ["coordinator"])).toEqual(["open"]);
    expect(nextStatuses("withdrawn", ["coordinator"])).toEqual(["open"]);
  });
});

describe("triageRoles", () => {
  it.each([
    ["coordinator", "member", ["coordinator"]],
    ["member", "member", []],
    [null, "member", []],
    [null, "moderator", ["host"]],
    [null, "admin", ["host"]],
    ["coordinator", "admin", ["coordinator", "host"]],
    ["member", "moderator", ["host"]],
  ] as const)("network role %s, platform role %s → %j", (networkRole, platformRole, expected) => {
    expect(triageRoles(networkRole, platformRole)).toEqual(expected);
  });
});

describe("isClosed", () => {
  it.each([
    ["open", false],
    ["escalated", false],
    ["in_think_tank", false],
    ["resolved", true],
    ["withdrawn", true],
  ] as const)("%s → %s", (status, expected) => {
    expect(isClosed(status)).toBe(expected);
  });
});
