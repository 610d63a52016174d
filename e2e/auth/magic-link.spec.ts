import { containing, de, expect, field, newPerson, passwordForm, readMail, signUpViaUi, test } from "../support/fixtures";
import type { Page } from "@playwright/test";

async function requestMagicLink(page: Page, email: string): Promise<void> {
  await page.goto("/sign-in");
  const form = page.getByRole("form", { name: de.auth.magicLinkTitle });
  await field(form, de.auth.email).fill(email);
  await form.getByRole("button", { name: de.auth.submitMagicLink }).click();
  await expect(page).toHaveURL(/\/sign-in\/check-email/);
  await expect(page.getByRole("heading", { level: 1, name: de.auth.checkEmailTitle })).toBeVisible();
}

test("a magic link from the outbox signs in once, and only once", async ({ page, adminPage, newContext, baseURL }) => {
  const person = await signUpViaUi(await (await newContext()).newPage(), newPerson("magic"));
  await requestMagicLink(page, person.email);

  const { link } = await readMail(adminPage, person.email, de.emails.magicLink.subject);
  expect(link.startsWith(`${baseURL}/api/auth/callback/email?`)).toBe(true);

  const first = await (await newContext()).newPage();
  await first.goto(link);
  await expect(first).toHaveURL(`${baseURL}/`);
  await expect(first.getByRole("banner")).toContainText(de.shell.signedInAs.replace("{name}", person.name));
  await first.goto("/profile");
  await expect(first.getByRole("main")).toContainText(person.email);

  // Used once: the same link, opened again anywhere, signs nobody in.
  const second = await (await newContext()).newPage();
  await second.goto(link);
  await expect(second).toHaveURL(/\/sign-in\?.*error=Verification/);
  await expect(passwordForm(second).getByRole("alert")).toHaveText(containing(de.auth.errors.link_invalid));
  await expect(second.getByRole("banner").getByRole("link", { name: de.shell.signIn })).toBeVisible();
  await second.goto("/profile");
  await expect(second).toHaveURL(/\/sign-in\?callbackUrl=%2Fprofile$/);
});

test("asking for a link for an unknown address looks the same and sends nothing", async ({ page, adminPage }) => {
  const stranger = newPerson("stranger");
  await requestMagicLink(page, stranger.email);
  await adminPage.goto(`/admin/outbox?to=${encodeURIComponent(stranger.email)}`);
  await expect(adminPage.getByText(de.admin.outboxEmpty)).toBeVisible();
});
