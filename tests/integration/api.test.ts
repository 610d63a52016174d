import { NextRequest } from "next/server";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { apiTokens, tasks, type User } from "@/db/schema";
import { createApiToken, revokeApiToken } from "@/lib/api-tokens/commands";
import { GET as getMe } from "@/app/api/v1/me/route";
import { GET as listNetworkTasks, POST as postTask } from "@/app/api/v1/networks/[slug]/tasks/route";
import { DELETE as deleteTaskRoute, PATCH as patchTask } from "@/app/api/v1/networks/[slug]/tasks/[taskId]/route";
import { POST as postProblem } from "@/app/api/v1/networks/[slug]/problems/route";
import { PUT as supportRoute } from "@/app/api/v1/networks/[slug]/problems/[problemId]/support/route";
import { GET as listNetworksRoute } from "@/app/api/v1/networks/route";
import { useTestDatabase as withTestDatabase } from "../support/database";
import { actorOf, createNetwork, createUser } from "../support/factories";

const t = withTestDatabase();

let coordinator: User, member: User, outsider: User;
let net: Awaited<ReturnType<typeof createNetwork>>;
let memberToken: string, outsiderToken: string;

const base = "http://localhost:3000/api/v1";

function request(method: string, url: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  return new NextRequest(`${base}${url}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : typeof options.body === "string" ? options.body : JSON.stringify(options.body),
  });
}

const params = <P>(p: P) => ({ params: Promise.resolve(p) });

beforeAll(async () => {
  coordinator = await createUser({ name: "Koordinatorin" });
  member = await createUser({ name: "Mitglied" });
  outsider = await createUser({ name: "Außenstehend" });
  net = await createNetwork({
    members: [
      { userId: coordinator.id, role: "coordinator" },
      { userId: member.id, role: "member" },
    ],
  });
  memberToken = (await createApiToken({ actor: actorOf(member), input: { name: "Tabelle" } })).token;
  outsiderToken = (await createApiToken({ actor: actorOf(outsider), input: { name: "x" } })).token;
});

describe("/api/v1 authentication", () => {
  it("answers 401 with a JSON error without credentials", async () => {
    const res = await getMe(request("GET", "/me"), params({}));
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: "unauthenticated", message: expect.any(String) } });
  });

  it("accepts a personal API token and records its use", async () => {
    const res = await getMe(request("GET", "/me", { token: memberToken }), params({}));
    expect(res.status).toBe(200);
    expect((await res.json()).user.email).toBe(member.email);
    const [row] = await t.db.select().from(apiTokens).where(eq(apiTokens.userId, member.id));
    expect(row?.lastUsedAt).toBeInstanceOf(Date);
    expect(row?.tokenHash).not.toContain(memberToken.slice(4));
  });

  it("refuses an unknown or revoked token instead of falling back to anonymous", async () => {
    expect((await getMe(request("GET", "/me", { token: "nzw_not-a-token" }), params({}))).status).toBe(401);
    const { token, id } = await createApiToken({ actor: actorOf(member), input: { name: "kurzlebig" } });
    expect((await getMe(request("GET", "/me", { token }), params({}))).status).toBe(200);
    await revokeApiToken({ actor: actorOf(member), input: { tokenId: id } });
    expect((await getMe(request("GET", "/me", { token }), params({}))).status).toBe(401);
  });

  it("localises error messages by Accept-Language", async () => {
    const de = await (await getMe(request("GET", "/me", { headers: { "accept-language": "de" } }), params({}))).json();
    const en = await (await getMe(request("GET", "/me", { headers: { "accept-language": "en" } }), params({}))).json();
    expect(de.error.message).not.toBe(en.error.message);
  });
});

describe("/api/v1 tasks over the same commands as the UI", () => {
  it("creates, updates and deletes a task with a token", async () => {
    const created = await postTask(request("POST", `/networks/${net.slug}/tasks`, { token: memberToken, body: { title: "Flyer drucken", labels: ["Druck"] } }), params({ slug: net.slug }));
    expect(created.status).toBe(201);
    const { task } = await created.json();
    expect(task).toMatchObject({ title: "Flyer drucken", status: "open", labels: ["Druck"] });

    const patched = await patchTask(request("PATCH", `/networks/${net.slug}/tasks/${task.id}`, { token: memberToken, body: { status: "in_progress" } }), params({ slug: net.slug, taskId: task.id }));
    expect(patched.status).toBe(200);
    expect((await patched.json()).task.status).toBe("in_progress");

    const list = await (await listNetworkTasks(request("GET", `/networks/${net.slug}/tasks?status=in_progress`, { token: memberToken }), params({ slug: net.slug }))).json();
    expect(list.tasks.map((x: { id: string }) => x.id)).toContain(task.id);

    const deleted = await deleteTaskRoute(request("DELETE", `/networks/${net.slug}/tasks/${task.id}`, { token: memberToken }), params({ slug: net.slug, taskId: task.id }));
    expect(deleted.status).toBe(204);
    expect(await t.db.select().from(tasks).where(eq(tasks.id, task.id))).toHaveLength(0);
  });

  it("answers 400 with field errors for bad input and writes nothing", async () => {
    const before = await t.db.select().from(tasks).where(eq(tasks.networkId, net.id));
    const res = await postTask(request("POST", `/networks/${net.slug}/tasks`, { token: memberToken, body: { title: "", dueDate: "2025-02-30" } }), params({ slug: net.slug }));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("invalid_input");
    expect(Object.keys(body.error.fields)).toEqual(expect.arrayContaining(["title", "dueDate"]));
    expect(await t.db.select().from(tasks).where(eq(tasks.networkId, net.id))).toHaveLength(before.length);
  });

  it("answers 400 for a body that is not JSON", async () => {
    const res = await postTask(request("POST", `/networks/${net.slug}/tasks`, { token: memberToken, body: "{nope" }), params({ slug: net.slug }));
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields._body).toBeDefined();
  });

  it("answers 404 to a non-member, as if the network did not exist", async () => {
    const res = await listNetworkTasks(request("GET", `/networks/${net.slug}/tasks`, { token: outsiderToken }), params({ slug: net.slug }));
    expect(res.status).toBe(404);
    const missing = await listNetworkTasks(request("GET", `/networks/does-not-exist/tasks`, { token: outsiderToken }), params({ slug: "does-not-exist" }));
    expect(await missing.json()).toEqual(await res.json());
  });

  it("lists only the caller's networks", async () => {
    const mine = await (await listNetworksRoute(request("GET", "/networks", { token: memberToken }), params({}))).json();
    expect(mine.networks.map((n: { slug: string }) => n.slug)).toEqual([net.slug]);
    const theirs = await (await listNetworksRoute(request("GET", "/networks", { token: outsiderToken }), params({}))).json();
    expect(theirs.networks).toEqual([]);
  });
});

describe("/api/v1 problems", () => {
  it("logs a problem and supports it once per person", async () => {
    const created = await postProblem(
      request("POST", `/networks/${net.slug}/problems`, {
        token: memberToken,
        body: { title: "Kein Raum für Treffen", description: "Die Schule ist abends zu.", urgency: "high" },
      }),
      params({ slug: net.slug }),
    );
    expect(created.status).toBe(201);
    const { problem } = await created.json();
    expect(problem).toMatchObject({ status: "open", urgency: "high" });
    const first = await supportRoute(request("PUT", `/networks/${net.slug}/problems/${problem.id}/support`, { token: memberToken }), params({ slug: net.slug, problemId: problem.id }));
    expect(first.status).toBeLessThan(300);
    const again = await supportRoute(request("PUT", `/networks/${net.slug}/problems/${problem.id}/support`, { token: memberToken }), params({ slug: net.slug, problemId: problem.id }));
    expect(again.status).toBeLessThan(300);
    const outsiderTry = await supportRoute(request("PUT", `/networks/${net.slug}/problems/${problem.id}/support`, { token: outsiderToken }), params({ slug: net.slug, problemId: problem.id }));
    expect(outsiderTry.status).toBe(404);
  });
});
