import { expect, test } from "./support/fixtures";

test("GET /api/health answers 200 with app and database ok", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("no-store");
  const body = (await response.json()) as { status: string; app: { status: string }; database: { status: string; kind: string } };
  expect(body.status).toBe("ok");
  expect(body.app.status).toBe("ok");
  expect(body.database.status).toBe("ok");
  // The server runs on the database the run was set up with (PGlite, or PostgreSQL via DATABASE_URL).
  expect(body.database.kind).toBe(process.env.E2E_DATABASE_KIND);
});
