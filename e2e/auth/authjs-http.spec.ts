import { demo, DEMO_PASSWORD, expect, test } from "../support/fixtures";

/* Auth.js's standard endpoints, spoken over plain HTTP the way scripts and API clients do. */
test("csrf → credentials callback → session returns the signed-in user with e-mail and role", async ({ request, baseURL }) => {
  const anonymous = await request.get("/api/auth/session");
  expect(anonymous.status()).toBe(200);
  expect(await anonymous.json()).toBeNull();

  const providers = (await (await request.get("/api/auth/providers")).json()) as Record<string, { type: string }>;
  expect(providers.credentials?.type).toBe("credentials");
  expect(providers.email?.type).toBe("email");

  const csrf = await request.get("/api/auth/csrf");
  expect(csrf.status()).toBe(200);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  expect(csrfToken).toMatch(/^[0-9a-f]{32,}$/);

  const signIn = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: demo.coordinator.email, password: DEMO_PASSWORD, callbackUrl: `${baseURL}/` },
    maxRedirects: 0,
  });
  expect(signIn.status()).toBe(302);
  expect(signIn.headers().location).toBe(`${baseURL}/`);
  const cookies = signIn.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
  const sessionCookie = cookies.find((c) => c.startsWith("authjs.session-token="));
  expect(sessionCookie).toBeDefined();
  expect(sessionCookie).toMatch(/HttpOnly/i);
  expect(sessionCookie).toMatch(/SameSite=Lax/i);

  const session = await request.get("/api/auth/session");
  expect(session.status()).toBe(200);
  const body = (await session.json()) as { user: { id: string; name: string; email: string; role: string }; expires: string };
  expect(body.user).toMatchObject({ email: demo.coordinator.email, name: demo.coordinator.name, role: "member" });
  expect(body.user.id).toBeTruthy();
  expect(Date.parse(body.expires)).toBeGreaterThan(Date.now());
});

test("a credentials POST without the CSRF token does not sign in", async ({ request }) => {
  const response = await request.post("/api/auth/callback/credentials", {
    form: { email: demo.coordinator.email, password: DEMO_PASSWORD },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  expect(response.headers().location).toContain("error=MissingCSRF");
  expect(await (await request.get("/api/auth/session")).json()).toBeNull();
});
