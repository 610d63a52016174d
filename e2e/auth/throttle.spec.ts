import type { APIRequestContext } from "@playwright/test";
import {
  containing,
  de,
  demo,
  DEMO_PASSWORD,
  expect,
  newPerson,
  passwordForm,
  signUpViaUi,
  submitPasswordSignIn,
  test,
  uniqueIp,
} from "../support/fixtures";

/*
 * Five failures per e-mail and per IP within 15 minutes lock further attempts. Every test here
 * runs from addresses of its own (see uniqueIp), so the locks it provokes stay within the test.
 */
const MAX_FAILURES = 5;

async function csrfToken(request: APIRequestContext): Promise<string> {
  const response = await request.get("/api/auth/csrf");
  expect(response.status()).toBe(200);
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

function postCredentials(request: APIRequestContext, csrf: string, email: string, password: string) {
  return request.post("/api/auth/callback/credentials", {
    form: { csrfToken: csrf, email, password, callbackUrl: "/" },
    maxRedirects: 0,
  });
}

async function expectRejected(request: APIRequestContext, csrf: string, email: string, password: string): Promise<void> {
  const response = await postCredentials(request, csrf, email, password);
  expect(response.status()).toBe(302);
  expect(response.headers().location).toContain("error=CredentialsSignin");
}

test("after five wrong passwords even the right one is refused with the localized limit message", async ({ page, newContext }) => {
  const person = await signUpViaUi(await (await newContext()).newPage(), newPerson("throttle"));
  const alert = passwordForm(page).getByRole("alert");

  for (let attempt = 1; attempt <= MAX_FAILURES; attempt++) {
    await page.goto("/sign-in");
    await submitPasswordSignIn(page, person.email, `falsch-${attempt}-passwort`);
    await expect(alert).toHaveText(containing(de.auth.errors.invalid_credentials));
  }

  await page.goto("/sign-in");
  await submitPasswordSignIn(page, person.email, person.password);
  await expect(alert).toHaveText(containing(de.auth.errors.too_many_attempts));
  expect(de.auth.errors.too_many_attempts).toMatch(/^Zu viele Anmeldeversuche/);
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("banner").getByRole("link", { name: de.shell.signIn })).toBeVisible();

  // The lock is on the account, whatever address the next attempt comes from.
  const elsewhere = await (await newContext()).newPage();
  await elsewhere.goto("/sign-in");
  await submitPasswordSignIn(elsewhere, person.email, person.password);
  await expect(passwordForm(elsewhere).getByRole("alert")).toHaveText(containing(de.auth.errors.too_many_attempts));
});

test("the credentials endpoint answers 429 with a JSON error and Retry-After once an e-mail is locked", async ({ request }) => {
  const email = newPerson("throttle-api").email;
  const csrf = await csrfToken(request);
  for (let attempt = 1; attempt <= MAX_FAILURES; attempt++) {
    await expectRejected(request, csrf, email, `falsch-${attempt}-passwort`);
  }

  const limited = await postCredentials(request, csrf, email, "noch-ein-versuch");
  expect(limited.status()).toBe(429);
  expect(limited.headers()["content-type"]).toContain("application/json");
  const retryAfter = Number(limited.headers()["retry-after"]);
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(15 * 60);
  const body = (await limited.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe("too_many_attempts");
  expect(body.error.message).toBe(de.errors.too_many_attempts);
});

test("five failures from one address lock that address for every account, not other addresses", async ({ playwright, baseURL }) => {
  const lockedIp = uniqueIp();
  const locked = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": lockedIp } });
  const other = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } });
  try {
    const csrf = await csrfToken(locked);
    for (let attempt = 1; attempt <= MAX_FAILURES; attempt++) {
      await expectRejected(locked, csrf, newPerson("probe").email, "irgendein-passwort");
    }
    // Right credentials of an account nobody attacked, from the locked address: refused.
    const refused = await postCredentials(locked, csrf, demo.coordinator.email, DEMO_PASSWORD);
    expect(refused.status()).toBe(429);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("too_many_attempts");
    expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);

    // The same account from another address still signs in.
    const otherCsrf = await csrfToken(other);
    const accepted = await postCredentials(other, otherCsrf, demo.coordinator.email, DEMO_PASSWORD);
    expect(accepted.status()).toBe(302);
    expect(accepted.headers().location).not.toContain("error=");
    const session = (await (await other.get("/api/auth/session")).json()) as { user?: { email: string } } | null;
    expect(session?.user?.email).toBe(demo.coordinator.email);
  } finally {
    await locked.dispose();
    await other.dispose();
  }
});
