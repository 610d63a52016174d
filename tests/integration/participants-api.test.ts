import { NextRequest } from "next/server";
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { cards, tasks, thinkTankInvitations, thinkTanks, type User } from "@/db/schema";
import { POST as postConclusion } from "@/app/api/v1/think-tanks/[id]/conclusion/route";
import { POST as postHandBack } from "@/app/api/v1/think-tanks/[id]/hand-back/route";
import { POST as postInvitation } from "@/app/api/v1/think-tanks/[id]/invitations/route";
import { createApiToken } from "@/lib/api-tokens/commands";
import { withTestDatabase } from "../support/database";
import { actorOf, createNetwork, createProblemRow, createThinkTankRow, createUser, outboxFor, uniqueEmail } from "../support/factories";

/* The think-tank API endpoints of invitations, conclusion and hand-back, over the same commands as the UI. */

const t = withTestDatabase();

beforeEach(() => {
  vi.spyOn(console, "info").mockImplementation(() => {});
});

const base = "http://localhost:3000/api/v1";
function request(url: string, options: { token?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  return new NextRequest(`${base}${url}`, { method: "POST", headers, body: typeof options.body === "string" ? options.body : JSON.stringify(options.body ?? {}) });
}
const params = (id: string) => ({ params: Promise.resolve({ id }) });

let moderator: User, expert: User, coordinator: User, outsider: User;
let modToken: string, expertToken: string, outsiderToken: string;
let network: { id: string; slug: string };

beforeAll(async () => {
  [moderator, expert, coordinator, outsider] = await Promise.all([createUser({ name: "Mona" }), createUser({ name: "Erika" }), createUser({ name: "Klara" }), createUser()]);
  network = await createNetwork({ members: [{ userId: coordinator.id, role: "coordinator" }] });
  modToken = (await createApiToken({ actor: actorOf(moderator), input: { name: "api" } })).token;
  expertToken = (await createApiToken({ actor: actorOf(expert), input: { name: "api" } })).token;
  outsiderToken = (await createApiToken({ actor: actorOf(outsider), input: { name: "api" } })).token;
});

async function thinkTank(status: "active" | "concluded" = "active") {
  const problem = await createProblemRow(network.id);
  const made = await createThinkTankRow({
    status,
    participants: [
      { userId: moderator.id, role: "moderator" },
      { userId: expert.id, role: "knowledge_giver" },
    ],
    problemIds: [problem.id],
  });
  return { ...made, problem };
}

describe("POST /api/v1/think-tanks/{id}/invitations", () => {
  it("201 with the invitation id; the token only travels by e-mail", async () => {
    const { thinkTank: tt } = await thinkTank();
    const email = uniqueEmail();
    const res = await postInvitation(request(`/think-tanks/${tt.id}/invitations`, { token: modToken, body: { email, role: "observer" } }), params(tt.id));
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(Object.keys(body)).toEqual(["invitationId"]);
    const [row] = await t.db.select().from(thinkTankInvitations).where(eq(thinkTankInvitations.id, body.invitationId));
    expect(row).toMatchObject({ email, role: "observer", thinkTankId: tt.id });
    expect(await outboxFor(email)).toHaveLength(1);
  });

  it("400 with field errors, 401 without token, 403 for knowledge-givers, 404 for outsiders", async () => {
    const { thinkTank: tt } = await thinkTank();
    const bad = await postInvitation(request(`/think-tanks/${tt.id}/invitations`, { token: modToken, body: { email: "nope" } }), params(tt.id));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({ code: "invalid_input", fields: { email: [expect.any(String)] } });
    const notJson = await postInvitation(request(`/think-tanks/${tt.id}/invitations`, { token: modToken, body: "{" }), params(tt.id));
    expect(notJson.status).toBe(400);
    expect((await postInvitation(request(`/think-tanks/${tt.id}/invitations`, { body: { email: uniqueEmail() } }), params(tt.id))).status).toBe(401);
    expect((await postInvitation(request(`/think-tanks/${tt.id}/invitations`, { token: expertToken, body: { email: uniqueEmail() } }), params(tt.id))).status).toBe(403);
    expect((await postInvitation(request(`/think-tanks/${tt.id}/invitations`, { token: outsiderToken, body: { email: uniqueEmail() } }), params(tt.id))).status).toBe(404);
    expect(await t.db.select().from(thinkTankInvitations).where(eq(thinkTankInvitations.thinkTankId, tt.id))).toHaveLength(0);
  });
});

describe("POST /api/v1/think-tanks/{id}/conclusion and /hand-back", () => {
  it("concludes with ideas and problem decisions, then hands a task back", async () => {
    const { thinkTank: tt, board, problem } = await thinkTank();
    const [card] = await t.db.insert(cards).values({ boardId: board.id, text: "Idee" }).returning();
    const res = await postConclusion(
      request(`/think-tanks/${tt.id}/conclusion`, {
        token: modToken,
        body: { summary: "Ergebnis", ideas: [{ title: "Idee", cardId: card!.id }], problems: [{ problemId: problem.id, resolution: "resolved", note: "erledigt" }] },
      }),
      params(tt.id),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ thinkTankId: tt.id, resolved: [problem.id], open: [] });
    const again = await postConclusion(request(`/think-tanks/${tt.id}/conclusion`, { token: modToken, body: { summary: "Noch mal" } }), params(tt.id));
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe("think_tank_not_open");

    const handBack = await postHandBack(
      request(`/think-tanks/${tt.id}/hand-back`, { token: modToken, body: { networkId: network.id, title: "Pilot starten", assigneeId: coordinator.id, dueDate: "2027-04-01" } }),
      params(tt.id),
    );
    expect(handBack.status).toBe(201);
    const { task } = await handBack.json();
    expect(task).toMatchObject({ title: "Pilot starten", thinkTankId: tt.id, networkId: network.id, assigneeId: coordinator.id, dueDate: "2027-04-01" });
  });

  it("400/403/404 and nothing changed", async () => {
    const { thinkTank: tt } = await thinkTank();
    const bad = await postConclusion(request(`/think-tanks/${tt.id}/conclusion`, { token: modToken, body: { summary: "" } }), params(tt.id));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields).toEqual({ summary: ["Bitte ausfüllen."] });
    expect((await postConclusion(request(`/think-tanks/${tt.id}/conclusion`, { token: expertToken, body: { summary: "x" } }), params(tt.id))).status).toBe(403);
    expect((await postConclusion(request(`/think-tanks/${tt.id}/conclusion`, { token: outsiderToken, body: { summary: "x" } }), params(tt.id))).status).toBe(404);
    const [row] = await t.db.select().from(thinkTanks).where(eq(thinkTanks.id, tt.id));
    expect(row?.status).toBe("active");

    const { thinkTank: done } = await thinkTank("concluded");
    const noOwner = await postHandBack(request(`/think-tanks/${done.id}/hand-back`, { token: modToken, body: { networkId: network.id, title: "T", assigneeId: outsider.id, dueDate: "2027-04-01" } }), params(done.id));
    expect(noOwner.status).toBe(400);
    expect(Object.keys((await noOwner.json()).error.fields)).toEqual(["assigneeId"]);
    expect((await postHandBack(request(`/think-tanks/${done.id}/hand-back`, { token: outsiderToken, body: {} }), params(done.id))).status).toBe(404);
    expect(await t.db.select().from(tasks).where(eq(tasks.thinkTankId, done.id))).toHaveLength(0);
  });
});
