import type { ProblemStatus } from "@/db/schema";

/*
 * The life of a logged problem: open → escalated → in think-tank → resolved | withdrawn.
 * Who moves it depends on their standing: the network's coordinators triage their own log
 * (close it as resolved or withdrawn, reopen it); escalating to the host and taking it into a
 * think-tank is the host's decision (moderators and admins), since they convene think-tanks.
 */
export type TriageRole = "coordinator" | "host";

type Transition = { to: ProblemStatus; by: readonly TriageRole[] };

const both = ["coordinator", "host"] as const;
const host = ["host"] as const;

export const problemTransitions: Record<ProblemStatus, readonly Transition[]> = {
  open: [
    { to: "escalated", by: host },
    { to: "resolved", by: both },
    { to: "withdrawn", by: both },
  ],
  escalated: [
    { to: "in_think_tank", by: host },
    // The host declines to take it up: back to the network's own log.
    { to: "open", by: host },
    { to: "resolved", by: host },
    { to: "withdrawn", by: host },
  ],
  in_think_tank: [
    { to: "resolved", by: host },
    // The think-tank dissolved before a result: the problem waits for the host again.
    { to: "escalated", by: host },
  ],
  resolved: [{ to: "open", by: both }],
  withdrawn: [{ to: "open", by: both }],
};

/** Whether someone with these roles may move a problem from `from` to `to`. */
export function canTransition(from: ProblemStatus, to: ProblemStatus, roles: readonly TriageRole[]): boolean {
  return problemTransitions[from].some((t) => t.to === to && t.by.some((r) => roles.includes(r)));
}

/** Whether the move exists at all, for anybody (distinguishes "not you" from "not possible"). */
export function transitionExists(from: ProblemStatus, to: ProblemStatus): boolean {
  return problemTransitions[from].some((t) => t.to === to);
}

/** The statuses someone with these roles can move a problem to next, in the table's order. */
export function nextStatuses(from: ProblemStatus, roles: readonly TriageRole[]): ProblemStatus[] {
  return problemTransitions[from].filter((t) => t.by.some((r) => roles.includes(r))).map((t) => t.to);
}

/** The roles an actor triages with: coordinator by network role, host by platform role. */
export function triageRoles(networkRole: "coordinator" | "member" | null, platformRole: "admin" | "moderator" | "member"): TriageRole[] {
  const roles: TriageRole[] = [];
  if (networkRole === "coordinator") roles.push("coordinator");
  if (platformRole === "admin" || platformRole === "moderator") roles.push("host");
  return roles;
}

/** Closed problems collect no more "+1"s; support is for deciding what to work on next. */
export function isClosed(status: ProblemStatus): boolean {
  return status === "resolved" || status === "withdrawn";
}
