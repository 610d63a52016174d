import { test as base, expect, type APIRequestContext, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from "@playwright/test";
import de from "../../lib/i18n/messages/de.json" with { type: "json" };
import en from "../../lib/i18n/messages/en.json" with { type: "json" };

/* The UI's own texts, so the specs follow the message files instead of copying strings. */
export { de, en };

/*
 * The demo accounts are shared by all tests (and the admin's session by all tests of a worker):
 * use them only for what changes nothing about the account itself. Signing out, changing a
 * password, a role or the profile of an account ends or alters its sessions everywhere, so tests
 * that do that work on a fresh account (newPerson + signUpViaUi).
 */
export const DEMO_PASSWORD = "netzwerkstatt-demo";
export const demo = {
  admin: { email: "admin@netzwerkstatt.test", name: "Anna Albrecht" },
  moderator: { email: "moderation@netzwerkstatt.test", name: "Moritz Maier" },
  coordinator: { email: "koordination@binet.test", name: "Klara Koch" },
  member: { email: "mitglied@binet.test", name: "Mehmet Demir" },
  expert: { email: "expertin@netzwerkstatt.test", name: "Dr. Eva Engel" },
} as const;

/*
 * Sign-in throttling counts failures per IP, and every test talks to the server from 127.0.0.1.
 * The e2e server trusts X-Forwarded-For (TRUST_PROXY=true), so every browser context and request
 * context gets its own address here: failed attempts in one test can never lock out another.
 * Worker indexes are unique within a run, the counter within a worker.
 */
let ipCounter = 0;
export function uniqueIp(): string {
  const worker = Number(process.env.TEST_WORKER_INDEX ?? 0);
  const n = ++ipCounter;
  return `10.${worker % 256}.${(n >> 8) % 256}.${n % 256}`;
}

let personCounter = 0;
export type Person = { name: string; email: string; password: string };

/** A person nobody has used yet: tests that change state work on their own account. */
export function newPerson(tag = "person"): Person {
  const id = `${Date.now().toString(36)}${process.env.TEST_WORKER_INDEX ?? "0"}x${++personCounter}`;
  return { name: `E2E ${tag} ${id}`, email: `${tag}-${id}@e2e.test`, password: `geheim-${id}-passwort` };
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A form field by its exact label; required fields carry "(Pflichtfeld)" after the label text. */
export function field(scope: Page | Locator, label: string, required = de.forms.required): Locator {
  return scope.getByLabel(new RegExp(`^${escapeRegExp(label)}\\s*(\\(${escapeRegExp(required)}\\))?$`));
}

/** Matches an element whose accessible description contains the message. */
export function containing(message: string): RegExp {
  return new RegExp(escapeRegExp(message));
}

/**
 * Auth.js's standard flow over plain HTTP: CSRF token (and cookie), then the credentials callback.
 * With a browser context's `request`, the session cookie lands in that context.
 */
export async function signInViaApi(request: APIRequestContext, email: string, password: string): Promise<void> {
  const csrf = await request.get("/api/auth/csrf");
  expect(csrf.status()).toBe(200);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(response.status(), `sign-in of ${email}`).toBe(302);
  expect(response.headers().location ?? "", `sign-in of ${email}`).not.toContain("error=");
}

/** How long a request that hashes a password may take on a loaded machine. */
export const SLOW_HASH_TIMEOUT_MS = 60_000;

/** Signs a new person up through the sign-up page; the page ends signed in on the profile page. */
export async function signUpViaUi(page: Page, person: Person = newPerson()): Promise<Person> {
  await page.goto("/sign-up");
  await field(page, de.auth.name).fill(person.name);
  await field(page, de.auth.email).fill(person.email);
  await field(page, de.auth.password).fill(person.password);
  await page.getByRole("button", { name: de.auth.submitSignUp }).click();
  // Sign-up hashes the password (scrypt, 128 MiB) and then signs in, which hashes again: on a busy
  // two-core machine that alone can take longer than the default 15 s.
  await expect(page).toHaveURL(/\/profile\?welcome=1$/, { timeout: SLOW_HASH_TIMEOUT_MS });
  await expect(page.getByRole("banner")).toContainText(de.shell.signedInAs.replace("{name}", person.name));
  return person;
}

/** The password form of /sign-in (the page also has the magic-link form with its own e-mail field). */
export function passwordForm(page: Page): Locator {
  return page.getByRole("form", { name: de.auth.signInTitle });
}

/** Fills and submits the password sign-in form on the current page. */
export async function submitPasswordSignIn(page: Page, email: string, password: string): Promise<void> {
  const form = passwordForm(page);
  await field(form, de.auth.email).fill(email);
  await field(form, de.auth.password).fill(password);
  await form.getByRole("button", { name: de.auth.submitSignIn, exact: true }).click();
}

/** The newest mail with this subject to this address, read from the admin outbox page; returns its first link. */
export async function readMail(admin: Page, to: string, subject: string): Promise<{ text: string; link: string }> {
  await admin.goto(`/admin/outbox?to=${encodeURIComponent(to)}`);
  const mail = admin.getByRole("article", { name: `${subject} – ${to}` }).first();
  await expect(mail).toBeVisible();
  const link = await mail.getByRole("link").first().getAttribute("href");
  if (!link) throw new Error(`mail "${subject}" to ${to} has no link`);
  return { text: (await mail.textContent()) ?? "", link };
}

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

type WorkerFixtures = {
  /** The demo admin's signed-in cookies, made once per worker (sign-in costs a scrypt hash). */
  adminState: StorageState;
};

type Fixtures = {
  /** The X-Forwarded-For address of this test's default context and request fixture. */
  clientIp: string;
  /** Another browser context (own cookies, own client IP), closed after the test. */
  newContext: (options?: BrowserContextOptions) => Promise<BrowserContext>;
  /** A page signed in as the demo admin, in its own context. */
  adminPage: Page;
};

export const test = base.extend<Fixtures, WorkerFixtures>({
  adminState: [
    async ({ playwright }, provide) => {
      // Workers start after the global setup, which put the server's URL into the environment.
      const request = await playwright.request.newContext({
        baseURL: process.env.E2E_BASE_URL,
        extraHTTPHeaders: { "x-forwarded-for": uniqueIp() },
      });
      await signInViaApi(request, demo.admin.email, DEMO_PASSWORD);
      const state = await request.storageState();
      await request.dispose();
      await provide(state);
    },
    { scope: "worker" },
  ],
  clientIp: async ({}, provide) => {
    await provide(uniqueIp());
  },
  extraHTTPHeaders: async ({ clientIp }, provide) => {
    await provide({ "x-forwarded-for": clientIp });
  },
  newContext: async ({ browser, baseURL, locale, timezoneId, viewport }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async (options = {}) => {
      const context = await browser.newContext({
        baseURL,
        locale,
        timezoneId,
        viewport,
        ...options,
        extraHTTPHeaders: { "x-forwarded-for": uniqueIp(), ...options.extraHTTPHeaders },
      });
      contexts.push(context);
      return context;
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
  adminPage: async ({ newContext, adminState }, provide) => {
    // A context of its own with the worker's admin session: the session is a signed token, so
    // tests sharing it cannot disturb each other (none of them changes the admin account).
    const context = await newContext({ storageState: adminState });
    await provide(await context.newPage());
  },
});

export { expect };
