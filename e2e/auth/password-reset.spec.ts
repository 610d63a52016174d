import { containing, de, expect, field, newPerson, passwordForm, readMail, signUpViaUi, submitPasswordSignIn, test } from "../support/fixtures";

test("a reset link from the outbox sets a new password: the old one stops working and old sessions end", async ({
  page,
  adminPage,
  newContext,
  baseURL,
}) => {
  // A session that was open before the reset.
  const oldSession = await (await newContext()).newPage();
  const person = await signUpViaUi(oldSession, newPerson("reset"));
  const newPassword = `${person.password}-neu`;

  await page.goto("/sign-in");
  await page.getByRole("link", { name: de.auth.forgotPassword }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await field(page, de.auth.email).fill(person.email);
  await page.getByRole("button", { name: de.auth.submitForgot }).click();
  await expect(page.getByRole("status")).toHaveText(containing(de.auth.forgotSent));

  const { link } = await readMail(adminPage, person.email, de.emails.passwordReset.subject);
  expect(link.startsWith(`${baseURL}/reset-password?token=`)).toBe(true);

  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: de.auth.resetTitle })).toBeVisible();
  // A mismatch is a field error and does not use up the link.
  await field(page, de.auth.newPassword).fill(newPassword);
  await field(page, de.auth.confirmPassword).fill(`${newPassword}-tippfehler`);
  await page.getByRole("button", { name: de.auth.submitReset }).click();
  await expect(field(page, de.auth.confirmPassword)).toHaveAccessibleDescription(de.fieldErrors.passwordMismatch);

  await field(page, de.auth.newPassword).fill(newPassword);
  await field(page, de.auth.confirmPassword).fill(newPassword);
  await page.getByRole("button", { name: de.auth.submitReset }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=reset$/);
  await expect(page.getByRole("status")).toHaveText(de.auth.resetDone);

  await submitPasswordSignIn(page, person.email, person.password);
  await expect(passwordForm(page).getByRole("alert")).toHaveText(containing(de.auth.errors.invalid_credentials));
  await submitPasswordSignIn(page, person.email, newPassword);
  await expect(page.getByRole("banner")).toContainText(de.shell.signedInAs.replace("{name}", person.name));

  // The session from before the reset is over at its next request.
  await oldSession.goto("/profile");
  await expect(oldSession).toHaveURL(/\/sign-in\?callbackUrl=%2Fprofile$/);
  await expect(oldSession.getByRole("banner").getByRole("link", { name: de.shell.signIn })).toBeVisible();

  // The link works only once.
  const again = await (await newContext()).newPage();
  await again.goto(link);
  await field(again, de.auth.newPassword).fill("noch-ein-neues-passwort");
  await field(again, de.auth.confirmPassword).fill("noch-ein-neues-passwort");
  await again.getByRole("button", { name: de.auth.submitReset }).click();
  await expect(again.getByRole("main").getByRole("alert")).toHaveText(containing(de.errors.token_invalid));
  await expect(again).toHaveURL(/\/reset-password\?token=/);
});
