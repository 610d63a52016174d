import fs from "node:fs/promises";
import { containing, de, expect, field, newPerson, passwordForm, signUpViaUi, submitPasswordSignIn, test } from "../support/fixtures";

test("profile edits are saved and survive a reload", async ({ page }) => {
  await signUpViaUi(page, newPerson("profile"));
  await field(page, de.profile.organisation).fill("Stadtteilladen Sendling");
  await field(page, de.profile.sector).selectOption({ label: de.sectors.school_education });
  await field(page, de.profile.expertise).fill("Elternarbeit, Migration , elternarbeit");
  await field(page, de.profile.bio).fill("Koordiniere Elterncafés im Viertel.\nZweite Zeile.");
  await page.getByRole("button", { name: de.profile.save }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText(containing(de.profile.saved));

  await page.reload();
  await expect(field(page, de.profile.organisation)).toHaveValue("Stadtteilladen Sendling");
  await expect(field(page, de.profile.sector)).toHaveValue("school_education");
  // Tags are trimmed, lower-cased and de-duplicated.
  await expect(field(page, de.profile.expertise)).toHaveValue("elternarbeit, migration");
  await expect(field(page, de.profile.bio)).toHaveValue("Koordiniere Elterncafés im Viertel.\nZweite Zeile.");
});

test("an invalid profile shows the field error, keeps what was typed and saves nothing", async ({ page }) => {
  await signUpViaUi(page, newPerson("profile-invalid"));
  await field(page, de.profile.organisation).fill("Erste Organisation");
  await page.getByRole("button", { name: de.profile.save }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText(containing(de.profile.saved));

  const tooLong = "a".repeat(41);
  await field(page, de.profile.organisation).fill("Zweite Organisation");
  await field(page, de.profile.expertise).fill(`bildung, ${tooLong}`);
  await page.getByRole("button", { name: de.profile.save }).click();
  const expertise = field(page, de.profile.expertise);
  await expect(expertise).toHaveAttribute("aria-invalid", "true");
  await expect(expertise).toHaveAccessibleDescription(containing(de.fieldErrors.tagTooLong));
  await expect(page.getByRole("main").getByRole("alert").filter({ hasText: de.forms.errorSummary })).toBeVisible();
  await expect(expertise).toHaveValue(`bildung, ${tooLong}`);
  await expect(field(page, de.profile.organisation)).toHaveValue("Zweite Organisation");

  // Exactly 40 characters is fine: the limit is where the message says.
  await page.reload();
  await expect(field(page, de.profile.organisation)).toHaveValue("Erste Organisation");
  await expect(field(page, de.profile.expertise)).toHaveValue("");
  await field(page, de.profile.expertise).fill("b".repeat(40));
  await page.getByRole("button", { name: de.profile.save }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText(containing(de.profile.saved));
  await expect(field(page, de.profile.expertise)).not.toHaveAttribute("aria-invalid");
});

test("the data export downloads the profile as JSON without the password hash", async ({ page, request }) => {
  const person = await signUpViaUi(page, newPerson("export"));
  await field(page, de.profile.organisation).fill("Export e. V.");
  await page.getByRole("button", { name: de.profile.save }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText(containing(de.profile.saved));

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: de.profile.export }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^netzwerkstatt-export-\d{4}-\d{2}-\d{2}\.json$/);
  const raw = await fs.readFile(await download.path(), "utf8");
  const data = JSON.parse(raw) as {
    profile: Record<string, unknown>;
    mails: Array<{ kind: string }>;
    activity: Array<{ action: string }>;
  };
  expect(data.profile).toMatchObject({ email: person.email, name: person.name, organisation: "Export e. V.", hasPassword: true });
  expect(data.profile).not.toHaveProperty("passwordHash");
  expect(data.profile).not.toHaveProperty("sessionVersion");
  expect(raw).not.toContain("scrypt$");
  expect(data.mails.map((m) => m.kind)).toContain("welcome");
  expect(data.activity.map((a) => a.action)).toEqual(expect.arrayContaining(["user.signed_up", "profile.updated"]));

  // Nobody signed in: no data, a JSON 401.
  const anonymous = await request.get("/api/profile/export");
  expect(anonymous.status()).toBe(401);
  expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");
});

test("deleting the account needs the e-mail as confirmation and then signs out for good", async ({ page, adminPage }) => {
  const person = await signUpViaUi(page, newPerson("delete"));
  const deletion = page.getByRole("form", { name: de.profile.deleteTitle });
  const confirm = field(deletion, de.profile.confirmEmail);

  await confirm.fill("jemand-anderes@e2e.test");
  await deletion.getByRole("button", { name: de.profile.delete }).click();
  await expect(confirm).toHaveAttribute("aria-invalid", "true");
  await expect(confirm).toHaveAccessibleDescription(de.fieldErrors.confirmEmailMismatch);
  await expect(confirm).toHaveValue("jemand-anderes@e2e.test");
  await page.reload();
  await expect(page.getByRole("main")).toContainText(person.email);

  await confirm.fill(person.email);
  await deletion.getByRole("button", { name: de.profile.delete }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=deleted$/);
  await expect(page.getByRole("main").getByRole("status")).toHaveText(de.auth.accountDeleted);
  await expect(page.getByRole("banner").getByRole("link", { name: de.shell.signIn })).toBeVisible();

  await submitPasswordSignIn(page, person.email, person.password);
  await expect(passwordForm(page).getByRole("alert")).toHaveText(containing(de.auth.errors.invalid_credentials));

  await adminPage.goto(`/admin/users?q=${encodeURIComponent(person.email)}`);
  await expect(adminPage.getByText(de.admin.noUsers)).toBeVisible();
});
