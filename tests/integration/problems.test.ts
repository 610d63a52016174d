import { and, asc, count, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { networkActivity, networks, problemComments, problemStatusChanges, problemSupports, problems, type User } from "@/db/schema";
import { changeProblemStatus, commentOnProblem, logProblem, supportProblem, withdrawSupport } from "@/lib/problems/commands";
import { getProblem, listProblemInbox, listProblems } from "@/lib/problems/queries";
// Renamed on import: they are Vitest set-up helpers, not React hooks (the lint rule goes by the name).
import { testDriver, useTestDatabase as setUpTestDatabase } from "../support/database";
import { actorOf, auditEntries, createNetwork, createUser } from "../support/factories";
import { appError } from "../support/errors";

const t = setUpTestDatabase();

beforeEach(() => {
  vi.spyOn(console, "info").mockImplementation(() => {});
});


const valid = {
  title: "Eltern erreichen, die keine Elternabende besuchen",
  description: "Viele Eltern kommen nie.",
  affected: "Familien der 1. bis 4. Klasse",
  alreadyTried: "Mehrsprachige Briefe",
  urgency: "high",
  socialAreas: "Sendling, Hasenbergl, Sendling",
};

type World = {
  coordinator: User;
  member: User;
  member2: User;
  outsider: User;
  moderator: User;
  admin: User;
  network: { id: string; slug: string };
  other: { id: string; slug: string };
};
let w: World;

beforeAll(async () => {
  const [coordinator, member, member2, outsider, moderator, admin] = await Promise.all([
    createUser({ name: "Klara Koordination" }),
    createUser({ name: "Mehmet Mitglied" }),
    createUser({ name: "Sofia Zweite" }),
    createUser({ name: "Otto Außen" }),
    createUser({ role: "moderator", name: "Moritz Moderation" }),
    createUser({ role: "admin", name: "Anna Admin" }),
  ]);
  const network = await createNetwork({
    name: "BiNet Test",
    members: [
      { userId: coordinator.id, role: "coordinator" },
      { userId: member.id, role: "member" },
      { userId: member2.id, role: "member" },
    ],
  });
  const other = await createNetwork({ name: "Anderes Netz", members: [{ userId: outsider.id, role: "coordinator" }] });
  w = { coordinator, member, member2, outsider, moderator, admin, network, other };
});

async function problemCount(networkId: string) {
  const [row] = await t.db.select({ n: count() }).from(problems).where(eq(problems.networkId, networkId));
  return row?.n ?? 0;
}

async function newProblem(overrides: Record<string, unknown> = {}, by: User = w.member) {
  return logProblem({ actor: actorOf(by), input: { network: w.network.slug, ...valid, ...overrides } });
}

describe(`logProblem (${testDriver()})`, () => {
  it("stores the problem as open, with a first history row and an activity entry", async () => {
    const problem = await newProblem();
    expect(problem).toMatchObject({
      networkId: w.network.id,
      title: valid.title,
      urgency: "high",
      status: "open",
      createdById: w.member.id,
      socialAreas: ["Sendling", "Hasenbergl"],
    });
    const history = await t.db.select().from(problemStatusChanges).where(eq(problemStatusChanges.problemId, problem.id));
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ fromStatus: null, toStatus: "open", actorId: w.member.id });
    const activity = await t.db.select().from(networkActivity).where(and(eq(networkActivity.subjectId, problem.id), eq(networkActivity.verb, "problem.logged")));
    expect(activity).toHaveLength(1);
  });

  it("accepts the network id as well as the slug", async () => {
    const problem = await newProblem({ network: w.network.id, title: "Per id" });
    expect(problem.networkId).toBe(w.network.id);
  });

  it.each([
    ["empty title", { title: "   " }, "title", "required"],
    ["missing description", { description: undefined }, "description", "required"],
    ["too long title", { title: "x".repeat(201) }, "title", "tooLong"],
    ["unknown urgency", { urgency: "urgent" }, "urgency", "invalidChoice"],
    ["missing urgency", { urgency: undefined }, "urgency", "invalidChoice"],
    ["too long social area", { socialAreas: "y".repeat(61) }, "socialAreas", "tooLong"],
  ])("rejects %s with a field error and writes nothing", async (_name, overrides, field, key) => {
    const before = await problemCount(w.network.id);
    const error = await appError(newProblem(overrides));
    expect(error.code).toBe("invalid_input");
    expect(error.fields?.[field]).toContain(key);
    expect(await problemCount(w.network.id)).toBe(before);
  });

  it("answers not_found to non-members and unauthenticated to nobody, writing nothing", async () => {
    const before = await problemCount(w.network.id);
    expect((await appError(newProblem({}, w.outsider))).code).toBe("not_found");
    expect((await appError(logProblem({ actor: null, input: { network: w.network.slug, ...valid } }))).code).toBe("unauthenticated");
    expect((await appError(logProblem({ actor: actorOf(w.member), input: { network: "no-such-network", ...valid } }))).code).toBe("not_found");
    expect(await problemCount(w.network.id)).toBe(before);
  });

  it("lets moderators look in but not log problems for the network", async () => {
    expect((await appError(newProblem({}, w.moderator))).code).toBe("forbidden");
  });

  it("refuses new problems in an archived network", async () => {
    const archived = await createNetwork({ members: [{ userId: w.member.id, role: "member" }] });
    await t.db.update(networks).set({ status: "archived" }).where(eq(networks.id, archived.id));
    const error = await appError(logProblem({ actor: actorOf(w.member), input: { network: archived.slug, ...valid } }));
    expect(error.code).toBe("network_not_active");
  });
});

describe(`changeProblemStatus (${testDriver()})`, () => {
  it("lets a member set nothing, in particular not escalated", async () => {
    const problem = await newProblem();
    for (const to of ["escalated", "resolved", "withdrawn"]) {
      const error = await appError(changeProblemStatus({ actor: actorOf(w.member), input: { network: w.network.slug, problemId: problem.id, to } }));
      expect(error.code).toBe("forbidden");
    }
    const [row] = await t.db.select().from(problems).where(eq(problems.id, problem.id));
    expect(row?.status).toBe("open");
  });

  it("lets a coordinator resolve and reopen but not escalate", async () => {
    const problem = await newProblem();
    const coordinator = actorOf(w.coordinator);
    const escalate = await appError(changeProblemStatus({ actor: coordinator, input: { network: w.network.slug, problemId: problem.id, to: "escalated" } }));
    expect(escalate.code).toBe("forbidden");
    await changeProblemStatus({ actor: coordinator, input: { network: w.network.slug, problemId: problem.id, to: "resolved", note: "Erledigt im Treffen" } });
    await changeProblemStatus({ actor: coordinator, input: { network: w.network.slug, problemId: problem.id, to: "open" } });
    const history = await t.db
      .select()
      .from(problemStatusChanges)
      .where(eq(problemStatusChanges.problemId, problem.id))
      .orderBy(asc(problemStatusChanges.id));
    expect(history.map((h) => [h.fromStatus, h.toStatus, h.actorId])).toEqual([
      [null, "open", w.member.id],
      ["open", "resolved", w.coordinator.id],
      ["resolved", "open", w.coordinator.id],
    ]);
    expect(history[1]?.note).toBe("Erledigt im Treffen");
  });

  it("walks open → escalated → in think-tank → resolved for the host, with history, activity and audit", async () => {
    const problem = await newProblem();
    const ref = { network: w.network.slug, problemId: problem.id };
    await changeProblemStatus({ actor: actorOf(w.moderator), input: { ...ref, to: "escalated", note: "Für einen Think-Tank" } });
    await changeProblemStatus({ actor: actorOf(w.moderator), input: { ...ref, to: "in_think_tank" } });
    const { problem: done, change } = await changeProblemStatus({ actor: actorOf(w.admin), input: { ...ref, to: "resolved" } });
    expect(done.status).toBe("resolved");
    expect(change).toMatchObject({ fromStatus: "in_think_tank", toStatus: "resolved", actorId: w.admin.id });

    const audits = await auditEntries({ action: "problem.status_changed", subjectId: problem.id });
    expect(audits.map((a) => [a.actorId, a.data])).toEqual([
      [w.moderator.id, { networkId: w.network.id, from: "open", to: "escalated", note: "Für einen Think-Tank" }],
      [w.moderator.id, { networkId: w.network.id, from: "escalated", to: "in_think_tank", note: "" }],
      [w.admin.id, { networkId: w.network.id, from: "in_think_tank", to: "resolved", note: "" }],
    ]);
    const [activity] = await t.db
      .select({ n: count() })
      .from(networkActivity)
      .where(and(eq(networkActivity.subjectId, problem.id), eq(networkActivity.verb, "problem.status_changed")));
    expect(activity?.n).toBe(3);

    const page = await getProblem(actorOf(w.member), w.network.slug, problem.id);
    expect(page.history.map((h) => `${h.fromStatus ?? "·"}>${h.toStatus}:${h.actorName}`)).toEqual([
      "·>open:Mehmet Mitglied",
      "open>escalated:Moritz Moderation",
      "escalated>in_think_tank:Moritz Moderation",
      "in_think_tank>resolved:Anna Admin",
    ]);
  });

  it("answers conflict for a move that exists for nobody, and writes no history", async () => {
    const problem = await newProblem();
    const error = await appError(
      changeProblemStatus({ actor: actorOf(w.moderator), input: { network: w.network.slug, problemId: problem.id, to: "in_think_tank" } }),
    );
    expect(error.code).toBe("conflict");
    const [row] = await t.db.select({ n: count() }).from(problemStatusChanges).where(eq(problemStatusChanges.problemId, problem.id));
    expect(row?.n).toBe(1);
  });

  it("never finds a problem through another network (no bare id is trusted)", async () => {
    const problem = await newProblem();
    // The outsider coordinates another network and names it, with this network's problem id.
    const error = await appError(
      changeProblemStatus({ actor: actorOf(w.outsider), input: { network: w.other.slug, problemId: problem.id, to: "withdrawn" } }),
    );
    expect(error.code).toBe("not_found");
    expect((await appError(getProblem(actorOf(w.outsider), w.other.slug, problem.id))).code).toBe("not_found");
    expect((await appError(getProblem(actorOf(w.outsider), w.network.slug, problem.id))).code).toBe("not_found");
    const [row] = await t.db.select().from(problems).where(eq(problems.id, problem.id));
    expect(row?.status).toBe("open");
  });

  it("rejects an unknown status with a field error", async () => {
    const problem = await newProblem();
    const error = await appError(
      changeProblemStatus({ actor: actorOf(w.coordinator), input: { network: w.network.slug, problemId: problem.id, to: "gone" } }),
    );
    expect(error.code).toBe("invalid_input");
    expect(error.fields?.to).toEqual(["invalidChoice"]);
  });

  it("offers each actor exactly the moves the rules allow", async () => {
    const problem = await newProblem();
    const as = async (u: User) => (await getProblem(actorOf(u), w.network.slug, problem.id)).nextStatuses;
    expect(await as(w.member)).toEqual([]);
    expect(await as(w.coordinator)).toEqual(["resolved", "withdrawn"]);
    expect(await as(w.moderator)).toEqual(["escalated", "resolved", "withdrawn"]);
  });
});

describe(`comments and support (${testDriver()})`, () => {
  it("stores comments with an activity entry and shows them in order", async () => {
    const problem = await newProblem();
    await commentOnProblem({ actor: actorOf(w.member2), input: { network: w.network.slug, problemId: problem.id, body: "Erster" } });
    await commentOnProblem({ actor: actorOf(w.moderator), input: { network: w.network.slug, problemId: problem.id, body: "Zweiter" } });
    const page = await getProblem(actorOf(w.member), w.network.slug, problem.id);
    expect(page.comments.map((c) => [c.authorName, c.body])).toEqual([
      ["Sofia Zweite", "Erster"],
      ["Moritz Moderation", "Zweiter"],
    ]);
    const [activity] = await t.db
      .select({ n: count() })
      .from(networkActivity)
      .where(and(eq(networkActivity.subjectId, problem.id), eq(networkActivity.verb, "problem.commented")));
    expect(activity?.n).toBe(2);
  });

  it("rejects an empty comment and a comment by an outsider, writing nothing", async () => {
    const problem = await newProblem();
    const empty = await appError(commentOnProblem({ actor: actorOf(w.member), input: { network: w.network.slug, problemId: problem.id, body: "  " } }));
    expect(empty.fields?.body).toEqual(["required"]);
    const outsider = await appError(commentOnProblem({ actor: actorOf(w.outsider), input: { network: w.network.slug, problemId: problem.id, body: "Hallo" } }));
    expect(outsider.code).toBe("not_found");
    const [row] = await t.db.select({ n: count() }).from(problemComments).where(eq(problemComments.problemId, problem.id));
    expect(row?.n).toBe(0);
  });

  it("counts one +1 per person, toggles it back, and shows who supports", async () => {
    const problem = await newProblem();
    const ref = { network: w.network.slug, problemId: problem.id };
    expect(await supportProblem({ actor: actorOf(w.member), input: ref })).toEqual({ supported: true, supportCount: 1 });
    expect(await supportProblem({ actor: actorOf(w.member), input: ref })).toEqual({ supported: true, supportCount: 1 });
    expect(await supportProblem({ actor: actorOf(w.member2), input: ref })).toEqual({ supported: true, supportCount: 2 });
    expect(await supportProblem({ actor: actorOf(w.coordinator), input: ref })).toEqual({ supported: true, supportCount: 3 });
    expect(await withdrawSupport({ actor: actorOf(w.coordinator), input: ref })).toEqual({ supported: false, supportCount: 2 });
    expect(await withdrawSupport({ actor: actorOf(w.coordinator), input: ref })).toEqual({ supported: false, supportCount: 2 });
    const rows = await t.db.select().from(problemSupports).where(eq(problemSupports.problemId, problem.id));
    expect(rows.map((r) => r.userId).sort()).toEqual([w.member.id, w.member2.id].sort());

    const [fed] = await t.db
      .select({ n: count() })
      .from(networkActivity)
      .where(and(eq(networkActivity.subjectId, problem.id), eq(networkActivity.verb, "problem.supported")));
    expect(fed?.n).toBe(3);

    const mine = await getProblem(actorOf(w.member), w.network.slug, problem.id);
    expect(mine.problem).toMatchObject({ supportCount: 2, supportedByMe: true });
    const theirs = await getProblem(actorOf(w.coordinator), w.network.slug, problem.id);
    expect(theirs.problem).toMatchObject({ supportCount: 2, supportedByMe: false });
  });

  it("keeps outsiders and the host out of +1 and closed problems from collecting more", async () => {
    const problem = await newProblem();
    const ref = { network: w.network.slug, problemId: problem.id };
    expect((await appError(supportProblem({ actor: actorOf(w.outsider), input: ref }))).code).toBe("not_found");
    expect((await appError(supportProblem({ actor: actorOf(w.moderator), input: ref }))).code).toBe("forbidden");
    expect((await appError(supportProblem({ actor: null, input: ref }))).code).toBe("unauthenticated");
    await changeProblemStatus({ actor: actorOf(w.coordinator), input: { ...ref, to: "withdrawn" } });
    expect((await appError(supportProblem({ actor: actorOf(w.member), input: ref }))).code).toBe("conflict");
    const [row] = await t.db.select({ n: count() }).from(problemSupports).where(eq(problemSupports.problemId, problem.id));
    expect(row?.n).toBe(0);
  });
});

describe(`listProblems (${testDriver()})`, () => {
  it("sorts by status, urgency and support, and filters by status and urgency", async () => {
    const members = await Promise.all([1, 2, 3].map(() => createUser()));
    const net = await createNetwork({
      members: [{ userId: w.coordinator.id, role: "coordinator" }, ...members.map((m) => ({ userId: m.id, role: "member" as const }))],
    });
    const log = (title: string, urgency: string) =>
      logProblem({ actor: actorOf(members[0] as User), input: { network: net.slug, title, description: "d", urgency } });
    const lowOpen = await log("low open", "low");
    // The more supported one is older: support, not age, puts it first.
    const highOpenMuch = await log("high open, 3 supports", "high");
    const highOpenLittle = await log("high open, 1 support", "high");
    const mediumResolved = await log("high resolved", "high");
    const mediumOpen = await log("medium open", "medium");
    for (const m of members) await supportProblem({ actor: actorOf(m), input: { network: net.slug, problemId: highOpenMuch.id } });
    await supportProblem({ actor: actorOf(members[1] as User), input: { network: net.slug, problemId: highOpenLittle.id } });
    await changeProblemStatus({ actor: actorOf(w.coordinator), input: { network: net.slug, problemId: mediumResolved.id, to: "resolved" } });

    const all = await listProblems(actorOf(members[2] as User), net.slug);
    expect(all.problems.map((p) => p.title)).toEqual([
      highOpenMuch.title,
      highOpenLittle.title,
      mediumOpen.title,
      lowOpen.title,
      mediumResolved.title,
    ]);
    expect(all.problems[0]).toMatchObject({ supportCount: 3, supportedByMe: true });
    expect(all.canCreate).toBe(true);

    const open = await listProblems(actorOf(members[2] as User), net.slug, { status: "open", urgency: "high" });
    expect(open.problems.map((p) => p.title)).toEqual([highOpenMuch.title, highOpenLittle.title]);
    const resolved = await listProblems(actorOf(members[2] as User), net.slug, { status: "resolved" });
    expect(resolved.problems.map((p) => p.title)).toEqual([mediumResolved.title]);
    // Unknown filter values are no filter, not an error.
    const junk = await listProblems(actorOf(members[2] as User), net.slug, { status: "nope", urgency: "" });
    expect(junk.problems).toHaveLength(5);

    expect((await appError(listProblems(actorOf(w.outsider), net.slug))).code).toBe("not_found");
    expect((await appError(listProblems(null, net.slug))).code).toBe("unauthenticated");
    expect((await listProblems(actorOf(w.moderator), net.slug)).canCreate).toBe(false);
  });
});

describe(`listProblemInbox (${testDriver()})`, () => {
  it("lists open problems of all networks: urgency, then support, then age; with filters; host only", async () => {
    const [a1, a2, b1] = await Promise.all([createUser(), createUser(), createUser()]);
    const netA = await createNetwork({ name: "Inbox A", members: [{ userId: a1.id, role: "coordinator" }, { userId: a2.id, role: "member" }] });
    const netB = await createNetwork({ name: "Inbox B", members: [{ userId: b1.id, role: "coordinator" }] });
    const log = (actor: User, network: string, title: string, urgency: string) =>
      logProblem({ actor: actorOf(actor), input: { network, title, description: "d", urgency } });
    const oldMediumB = await log(b1, netB.slug, "inbox old medium B", "medium");
    const highA = await log(a1, netA.slug, "inbox high A", "high");
    const highSupportedB = await log(b1, netB.slug, "inbox high supported B", "high");
    const newMediumA = await log(a1, netA.slug, "inbox new medium A", "medium");
    const closedA = await log(a1, netA.slug, "inbox closed A", "high");
    await supportProblem({ actor: actorOf(b1), input: { network: netB.slug, problemId: highSupportedB.id } });
    await changeProblemStatus({ actor: actorOf(a1), input: { network: netA.slug, problemId: closedA.id, to: "withdrawn" } });
    // Make the ages unambiguous.
    await t.db.update(problems).set({ createdAt: new Date(Date.now() - 10 * 86_400_000) }).where(eq(problems.id, oldMediumB.id));

    const mine = (titles: string[]) => titles.filter((title) => title.startsWith("inbox "));
    const inbox = await listProblemInbox(actorOf(w.moderator));
    expect(mine(inbox.problems.map((p) => p.title))).toEqual([highSupportedB.title, highA.title, oldMediumB.title, newMediumA.title]);
    expect(inbox.problems.find((p) => p.id === highSupportedB.id)).toMatchObject({ networkName: "Inbox B", networkSlug: netB.slug, supportCount: 1 });
    // Every problem the inbox shows is open, across networks (including the earlier tests' ones).
    expect(new Set(inbox.problems.map((p) => p.status))).toEqual(new Set(["open"]));
    expect(inbox.networks.find((n) => n.slug === netA.slug)?.open).toBe(2);

    const onlyA = await listProblemInbox(actorOf(w.admin), { network: netA.slug });
    expect(onlyA.problems.map((p) => p.title)).toEqual([highA.title, newMediumA.title]);
    const onlyMediumB = await listProblemInbox(actorOf(w.admin), { network: netB.slug, urgency: "medium" });
    expect(onlyMediumB.problems.map((p) => p.title)).toEqual([oldMediumB.title]);

    expect((await appError(listProblemInbox(actorOf(a1)))).code).toBe("forbidden");
    expect((await appError(listProblemInbox(actorOf(w.coordinator)))).code).toBe("forbidden");
    expect((await appError(listProblemInbox(null))).code).toBe("unauthenticated");
  });
});
