import { containing, de, expect, field, newPerson, readMail, signUpViaUi, test } from "../support/fixtures";

test("sign-up shows field errors next to the fields, keeps the input and creates nothing", async ({ page, adminPage }) => {
  const person = newPerson("signup");
  await page.goto("/sign-up");
  const name = field(page, de.auth.name);
  const email = field(page, de.auth.email);
  const password = field(page, de.auth.password);
  const submit = page.getByRole("button", { name: de.auth.submitSignUp });

  // Empty name, an address that is none, a short password: three field errors at once.
  await email.fill("keine-adresse");
  await password.fill("kurz");
  await submit.click();
  await expect(page.getByRole("alert").filter({ hasText: de.forms.errorSummary })).toBeVisible();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(name).toHaveAccessibleDescription(de.fieldErrors.required);
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toHaveAccessibleDescription(de.fieldErrors.email);
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(password).toHaveAccessibleDescription(containing(de.fieldErrors.passwordTooShort));
  await expect(email).toHaveValue("keine-adresse");
  await expect(page).toHaveURL(/\/sign-up$/);

  // Fix two of them: only the password complains, and what was typed stays.
  await name.fill(person.name);
  await email.fill(person.email);
  await password.fill("noch-kurz");
  await submit.click();
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(password).toHaveAccessibleDescription(containing(de.fieldErrors.passwordTooShort));
  await expect(name).not.toHaveAttribute("aria-invalid");
  await expect(email).not.toHaveAttribute("aria-invalid");
  await expect(name).toHaveValue(person.name);
  await expect(email).toHaveValue(person.email);

  // Nothing was created by the failed attempts.
  await adminPage.goto(`/admin/users?q=${encodeURIComponent(person.email)}`);
  await expect(adminPage.getByText(de.admin.noUsers)).toBeVisible();
});

test("a valid sign-up lands signed in on the profile and sends a welcome mail", async ({ page, adminPage, baseURL }) => {
  const person = await signUpViaUi(page, newPerson("welcome"));
  await expect(page.getByRole("heading", { level: 1, name: de.profile.title })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(person.email);
  await expect(field(page, de.profile.name)).toHaveValue(person.name);

  const mail = await readMail(adminPage, person.email, de.emails.welcome.subject);
  expect(mail.link).toBe(`${baseURL}/profile`);
  expect(mail.text).toContain(person.name);
});

test("signing up with an address that already has an account shows it at the e-mail field", async ({ page, newContext }) => {
  const existing = await signUpViaUi(await (await newContext()).newPage(), newPerson("taken"));
  await page.goto("/sign-up");
  await field(page, de.auth.name).fill("Noch Jemand");
  await field(page, de.auth.email).fill(existing.email.toUpperCase());
  await field(page, de.auth.password).fill("ein-ganz-anderes-passwort");
  await page.getByRole("button", { name: de.auth.submitSignUp }).click();
  const email = field(page, de.auth.email);
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toHaveAccessibleDescription(de.fieldErrors.emailTaken);
  await expect(field(page, de.auth.name)).toHaveValue("Noch Jemand");
  await expect(page.getByRole("banner").getByRole("link", { name: de.shell.signIn })).toBeVisible();
});
