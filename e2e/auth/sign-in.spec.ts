import { containing, de, expect, field, newPerson, passwordForm, signUpViaUi, submitPasswordSignIn, test } from "../support/fixtures";

test("a wrong password shows the localized error, the right one signs in, sign-out signs out", async ({ page, newContext }) => {
  const person = await signUpViaUi(await (await newContext()).newPage(), newPerson("signin"));
  const banner = page.getByRole("banner");

  // Behind sign-in: anonymous visitors are sent to the sign-in page and come back afterwards.
  await page.goto("/profile");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fprofile$/);

  await submitPasswordSignIn(page, person.email, "falsches-passwort");
  await expect(passwordForm(page).getByRole("alert")).toHaveText(containing(de.auth.errors.invalid_credentials));
  await expect(field(passwordForm(page), de.auth.email)).toHaveValue(person.email);
  await expect(banner.getByRole("link", { name: de.shell.signIn })).toBeVisible();

  await submitPasswordSignIn(page, person.email, person.password);
  await expect(page).toHaveURL(/\/profile$/);
  await expect(banner).toContainText(de.shell.signedInAs.replace("{name}", person.name));

  await banner.getByRole("button", { name: de.shell.signOut }).click();
  await expect(banner.getByRole("link", { name: de.shell.signIn })).toBeVisible();
  await expect(banner.getByRole("button", { name: de.shell.signOut })).toHaveCount(0);
  await page.goto("/profile");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fprofile$/);
});

test("the sign-in form checks its fields before asking the server", async ({ page }) => {
  await page.goto("/sign-in");
  const form = passwordForm(page);
  await field(form, de.auth.email).fill("keine-adresse");
  await form.getByRole("button", { name: de.auth.submitSignIn, exact: true }).click();
  await expect(field(form, de.auth.email)).toHaveAccessibleDescription(de.fieldErrors.email);
  await expect(field(form, de.auth.password)).toHaveAccessibleDescription(de.fieldErrors.required);
  await expect(field(form, de.auth.email)).toHaveValue("keine-adresse");
});


test("sign-out ends the session for good: its token, sent again later, signs nobody in", async ({ page, newContext }) => {
  await signUpViaUi(page, newPerson("signout"));
  const token = (await page.context().cookies()).find((cookie) => cookie.name === "authjs.session-token");
  expect(token).toBeDefined();
  const banner = page.getByRole("banner");
  await banner.getByRole("button", { name: de.shell.signOut }).click();
  await expect(banner.getByRole("link", { name: de.shell.signIn })).toBeVisible();

  // A request still in flight during sign-out (a link prefetch) can answer with the old token
  // after the sign-out response deleted it; a copied cookie does the same. Either way: no session.
  await page.context().addCookies([token!]);
  await page.goto("/profile");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fprofile$/);
  const elsewhere = await newContext();
  await elsewhere.addCookies([token!]);
  expect(await (await elsewhere.request.get("/api/auth/session")).json()).toBeNull();
});
