import type { Page } from "@playwright/test";
import {
  containing,
  de,
  demo,
  DEMO_PASSWORD,
  expect,
  newPerson,
  passwordForm,
  signInViaApi,
  signUpViaUi,
  submitPasswordSignIn,
  test,
  type Person,
} from "../support/fixtures";

/** The person's row in the admin's user list (searched by e-mail) and their user id. */
async function findUserRow(admin: Page, person: Person) {
  await admin.goto(`/admin/users?q=${encodeURIComponent(person.email)}`);
  const row = admin.getByRole("row").filter({ has: admin.getByRole("rowheader", { name: person.name, exact: true }) });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(person.email);
  const userId = await row.locator('input[name="userId"]').first().inputValue();
  return { row, userId };
}

test("an admin changes a role; the audit log records user.role_changed and the person sees the new role", async ({
  adminPage,
  newContext,
}) => {
  const personPage = await (await newContext()).newPage();
  const person = await signUpViaUi(personPage, newPerson("role"));
  await expect(personPage.getByRole("main")).toContainText(de.roles.member);

  const { row, userId } = await findUserRow(adminPage, person);
  const role = row.getByLabel(de.admin.changeRoleFor.replace("{name}", person.name));
  await expect(role).toHaveValue("member");
  await role.selectOption({ label: de.roles.moderator });
  await row.getByRole("button", { name: de.admin.saveRole }).click();
  await expect(row.getByRole("status")).toHaveText(containing(de.admin.roleChanged.replace("{name}", person.name)));
  await adminPage.reload();
  await expect(adminPage.getByLabel(de.admin.changeRoleFor.replace("{name}", person.name))).toHaveValue("moderator");

  await adminPage.goto("/admin/audit");
  const entry = adminPage.getByRole("row").filter({ hasText: "user.role_changed" }).filter({ hasText: userId });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText(demo.admin.name);
  await expect(entry).toContainText('"from":"member"');
  await expect(entry).toContainText('"to":"moderator"');

  // The person's open session picks the new role up at the next request.
  await personPage.reload();
  await expect(personPage.getByRole("main")).toContainText(de.roles.moderator);
});

test("members get a 404 for the admin pages, anonymous visitors are sent to sign-in", async ({ page, newContext }) => {
  const member = await newContext();
  await signInViaApi(member.request, demo.member.email, DEMO_PASSWORD);
  const memberPage = await member.newPage();
  for (const path of ["/admin/users", "/admin/outbox", "/admin/audit"]) {
    const response = await memberPage.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(memberPage.getByRole("heading", { level: 1 })).toHaveText(de.notFound.title);
    await expect(memberPage.getByRole("banner").getByRole("link", { name: de.shell.nav.admin })).toHaveCount(0);
  }

  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin/);
});

test("disabling a person ends their session at the next request and blocks sign-in until re-enabled", async ({
  adminPage,
  newContext,
}) => {
  const personPage = await (await newContext()).newPage();
  const person = await signUpViaUi(personPage, newPerson("disabled"));

  const { row } = await findUserRow(adminPage, person);
  await row.getByRole("button", { name: de.admin.disableUser.replace("{name}", person.name) }).click();
  await expect(row.getByRole("status")).toHaveText(containing(de.admin.statusChanged.replace("{name}", person.name)));
  await expect(row).toContainText(de.admin.disabled);

  await personPage.goto("/profile");
  await expect(personPage).toHaveURL(/\/sign-in\?callbackUrl=%2Fprofile$/);
  await expect(personPage.getByRole("banner").getByRole("link", { name: de.shell.signIn })).toBeVisible();
  await submitPasswordSignIn(personPage, person.email, person.password);
  await expect(passwordForm(personPage).getByRole("alert")).toHaveText(containing(de.auth.errors.account_disabled));

  await row.getByRole("button", { name: de.admin.enableUser.replace("{name}", person.name) }).click();
  await expect(row).toContainText(de.admin.active);
  await personPage.goto("/sign-in?callbackUrl=%2Fprofile");
  await submitPasswordSignIn(personPage, person.email, person.password);
  await expect(personPage).toHaveURL(/\/profile$/);
  await expect(personPage.getByRole("banner")).toContainText(de.shell.signedInAs.replace("{name}", person.name));
});
