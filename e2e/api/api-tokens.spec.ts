import apiDe from "../../lib/i18n/messages/de.api.json" with { type: "json" };
import { DEMO_PASSWORD, demo, expect, field, signInViaApi, test } from "../support/fixtures";

test("a member creates an API token on the profile page, uses it from outside, and revokes it", async ({ page, playwright, baseURL, clientIp }) => {
  await signInViaApi(page.request, demo.member.email, DEMO_PASSWORD);
  await page.goto("/profile");
  const label = `Auswertung ${Date.now()}`;
  await field(page, apiDe.apiTokens.name).fill(label);
  await page.getByRole("button", { name: apiDe.apiTokens.create }).click();
  const token = (await page.getByLabel(apiDe.apiTokens.tokenValue).textContent())?.trim() ?? "";
  expect(token).toMatch(/^nzw_[\w-]{40,}$/);

  // A client without cookies (another tool) authenticates with the token alone.
  const outside = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": clientIp } });
  const headers = { authorization: `Bearer ${token}` };
  const me = await outside.get("/api/v1/me", { headers });
  expect(me.status()).toBe(200);
  expect(((await me.json()) as { user: { email: string } }).user.email).toBe(demo.member.email);

  const tasks = await outside.get("/api/v1/networks/binet/tasks?status=open", { headers });
  expect(tasks.status()).toBe(200);
  expect(((await tasks.json()) as { tasks: unknown[] }).tasks.length).toBeGreaterThan(0);

  const bad = await outside.post("/api/v1/networks/binet/problems", { headers, data: { title: "", urgency: "sehr" } });
  expect(bad.status()).toBe(400);
  const error = ((await bad.json()) as { error: { code: string; fields: Record<string, string[]> } }).error;
  expect(error.code).toBe("invalid_input");
  expect(Object.keys(error.fields)).toEqual(expect.arrayContaining(["title", "urgency"]));

  const hidden = await outside.get("/api/v1/networks/stadtteilforum-altenhagen/tasks", { headers });
  expect(hidden.status()).toBe(404);

  // Revoked on the profile page: the token stops working at once.
  await page.getByRole("button", { name: apiDe.apiTokens.revokeNamed.replace("{name}", label) }).click();
  await expect(page.getByRole("button", { name: apiDe.apiTokens.revokeNamed.replace("{name}", label) })).toHaveCount(0);
  expect((await outside.get("/api/v1/me", { headers })).status()).toBe(401);
  await outside.dispose();
});

test("anonymous callers get 401 on the Work-Space API and the OpenAPI document is public", async ({ request }) => {
  const tasks = await request.get("/api/v1/networks/binet/tasks");
  expect(tasks.status()).toBe(401);
  expect(((await tasks.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");

  const doc = await request.get("/api/v1/openapi.json");
  expect(doc.status()).toBe(200);
  const paths = Object.keys(((await doc.json()) as { paths: Record<string, unknown> }).paths);
  expect(paths).toEqual(expect.arrayContaining(["/networks", "/networks/{slug}/tasks", "/networks/{slug}/problems", "/directory"]));
});

test("a cookie session may read the API but cross-site writes are refused", async ({ page }) => {
  await signInViaApi(page.request, demo.member.email, DEMO_PASSWORD);
  expect((await page.request.get("/api/v1/networks")).status()).toBe(200);
  const forged = await page.request.post("/api/v1/networks/binet/tasks", {
    data: { title: "Von einer fremden Seite" },
    headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
  });
  expect(forged.status()).toBe(403);
});

test("the API reference page lists the endpoints", async ({ page }) => {
  await page.goto("/api-docs");
  await expect(page.getByRole("heading", { level: 1, name: apiDe.apiDocs.title })).toBeVisible();
  await expect(page.getByRole("heading", { name: /POST\s*\/api\/v1\/networks\/\{slug\}\/tasks/ })).toBeVisible();
  await expect(page.getByRole("link", { name: apiDe.apiDocs.openapi })).toHaveAttribute("href", "/api/v1/openapi.json");
});
