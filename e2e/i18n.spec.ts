import type { Page } from "@playwright/test";
import { de, en, expect, field, newPerson, signInViaApi, signUpViaUi, test } from "./support/fixtures";

function switchTo(page: Page, language: "de" | "en") {
  const messages = language === "en" ? de : en; // the button speaks the language of the page it is on
  const label = messages.shell.switchLanguage.replace("{language}", messages.shell.languageNames[language]);
  return page.getByRole("banner").getByRole("button", { name: label });
}

async function expectGerman(page: Page): Promise<void> {
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  const nav = page.getByRole("navigation", { name: de.shell.mainNavigation });
  await expect(nav.getByRole("link", { name: de.shell.nav.directory, exact: true })).toBeVisible();
}

async function expectEnglish(page: Page): Promise<void> {
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const nav = page.getByRole("navigation", { name: en.shell.mainNavigation });
  await expect(nav.getByRole("link", { name: en.shell.nav.directory, exact: true })).toBeVisible();
}

test("the header button switches an anonymous visitor to English, and it sticks across reloads", async ({ page }) => {
  await page.goto("/");
  await expectGerman(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(de.home.title);

  await switchTo(page, "en").click();
  await expectEnglish(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.home.title);
  await expect(page.getByRole("banner").getByRole("link", { name: en.shell.signIn })).toBeVisible();

  await page.reload();
  await expectEnglish(page);
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.auth.signInTitle);

  await switchTo(page, "de").click();
  await expectGerman(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(de.auth.signInTitle);
});

test("for a signed-in person the language is stored in the profile and follows them to a new browser", async ({ page, newContext }) => {
  const person = await signUpViaUi(page, newPerson("language"));
  await expectGerman(page);
  await expect(field(page, de.profile.locale, de.forms.required)).toHaveValue("de");

  await switchTo(page, "en").click();
  await expectEnglish(page);
  await page.reload();
  await expect(field(page, en.profile.locale, en.forms.required)).toHaveValue("en");

  // A fresh browser with German preferences and no language cookie: the profile decides.
  const elsewhere = await newContext({ locale: "de-DE" });
  await signInViaApi(elsewhere.request, person.email, person.password);
  const other = await elsewhere.newPage();
  await other.goto("/profile");
  await expectEnglish(other);
  await expect(other.getByRole("heading", { level: 1 })).toHaveText(en.profile.title);
});

test("a browser that prefers English gets English without choosing anything", async ({ newContext }) => {
  const english = await (await newContext({ locale: "en-US" })).newPage();
  await english.goto("/");
  await expectEnglish(english);
  await expect(english.getByRole("heading", { level: 1 })).toHaveText(en.home.title);

  const german = await (await newContext({ locale: "de-DE" })).newPage();
  await german.goto("/");
  await expectGerman(german);
});
