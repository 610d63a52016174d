import members from "../../lib/i18n/messages/de.members.json" with { type: "json" };
import { DEMO_PASSWORD, de, demo, expect, field, newPerson, readMail, signInViaApi, SLOW_HASH_TIMEOUT_MS, test } from "../support/fixtures";

const BINET = "BiNet – Bildungsnetzwerk Münchner Stiftungen";
const workspace = "/networks/binet/workspace";

test("a coordinator invites a new person by e-mail; the person signs up through the link, lands as member and can leave", async ({ page, newContext, adminPage, baseURL }) => {
  const coordinator = await (await newContext()).newPage();
  await signInViaApi(coordinator.context().request, demo.coordinator.email, DEMO_PASSWORD);
  await coordinator.goto(`${workspace}/members`);
  await expect(coordinator.getByRole("heading", { level: 1, name: BINET })).toBeVisible();

  // Invite.
  const person = newPerson("invitee");
  const invite = coordinator.getByRole("form", { name: members.members.inviteTitle });
  await field(invite, members.members.inviteEmail).fill(person.email);
  await invite.getByRole("button", { name: members.members.inviteSubmit }).click();
  await expect(invite.getByRole("status")).toContainText(members.members.invited.replace("{email}", person.email));
  await expect(coordinator.getByRole("listitem").filter({ hasText: person.email })).toBeVisible();

  // The mail names the network and the inviter and carries the single-use link.
  const subject = members.memberEmails.invitation.subject.replace("{network}", BINET);
  const mail = await readMail(adminPage, person.email, subject);
  expect(mail.text).toContain(demo.coordinator.name);
  expect(mail.link).toMatch(new RegExp(`^${baseURL}/invitations/[A-Za-z0-9_-]{40,}$`));

  // Signed out, the page explains the invitation and offers sign-up that comes back here.
  await page.goto(mail.link);
  await expect(page.getByRole("heading", { level: 1, name: members.invitations.title })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(demo.coordinator.name);
  await expect(page.getByRole("main")).toContainText(person.email);
  await page.getByRole("link", { name: members.invitations.signUp }).click();
  await expect(page).toHaveURL(/\/sign-up\?callbackUrl=%2Finvitations%2F/);
  await field(page, de.auth.name).fill(person.name);
  await field(page, de.auth.email).fill(person.email);
  await field(page, de.auth.password).fill(person.password);
  await page.getByRole("button", { name: de.auth.submitSignUp }).click();
  await expect(page).toHaveURL(new RegExp(`/invitations/`));

  await page.getByRole("button", { name: members.invitations.accept }).click();
  await expect(page).toHaveURL(/\/networks\/binet\/workspace\?welcome=1$/, { timeout: SLOW_HASH_TIMEOUT_MS });
  await expect(page.getByRole("main").getByRole("status")).toContainText(members.memberships.accepted);
  await expect(page.getByRole("navigation", { name: members.workspace.tabsLabel.replace("{network}", BINET) }).getByRole("link", { name: members.workspace.tabs.overview })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(page.getByRole("main")).toContainText(members.activity.verbs.member_joined.replace("{actor}", person.name));

  // The link was single-use.
  await page.goto(mail.link);
  await expect(page.getByRole("main").getByRole("alert")).toContainText(members.invitations.accepted);

  // As a member: listed with the member role; then leave.
  await page.goto(`${workspace}/members`);
  const row = page.getByRole("row", { name: new RegExp(person.name) });
  await expect(row).toContainText(members.members.roles.member);
  await expect(page.getByRole("form", { name: members.members.inviteTitle })).toHaveCount(0);
  const leave = page.getByRole("form", { name: members.members.leaveTitle });
  await leave.getByRole("button", { name: members.members.leaveSubmit }).click();
  await expect(page).toHaveURL(/\/my-networks\?left=1$/);
  await expect(page.getByRole("main").getByRole("status")).toContainText(members.members.left);
  const gone = await page.goto(workspace);
  expect(gone?.status()).toBe(404);

  // The coordinator's feed shows both.
  await coordinator.goto(workspace);
  await expect(coordinator.getByRole("main")).toContainText(members.activity.verbs.member_left.replace("{actor}", person.name));
});

test("an invitation for another address cannot be accepted by a different account", async ({ page, newContext, adminPage }) => {
  const coordinator = await (await newContext()).newPage();
  await signInViaApi(coordinator.context().request, demo.coordinator.email, DEMO_PASSWORD);
  await coordinator.goto(`${workspace}/members`);
  const invited = newPerson("wrongmail");
  const invite = coordinator.getByRole("form", { name: members.members.inviteTitle });
  await field(invite, members.members.inviteEmail).fill(invited.email);
  await invite.getByRole("button", { name: members.members.inviteSubmit }).click();
  await expect(invite.getByRole("status")).toBeVisible();
  const mail = await readMail(adminPage, invited.email, members.memberEmails.invitation.subject.replace("{network}", BINET));

  await signInViaApi(page.request, demo.expert.email, DEMO_PASSWORD);
  await page.goto(mail.link);
  await expect(page.getByRole("main").getByRole("alert")).toContainText(
    members.invitations.wrongEmail.replace("{account}", demo.expert.email).replace("{email}", invited.email),
  );
  await expect(page.getByRole("button", { name: members.invitations.accept })).toHaveCount(0);

  // Revoked by the coordinator, the link says so.
  await coordinator.reload();
  await coordinator.getByRole("button", { name: members.members.revokeFor.replace("{email}", invited.email) }).click();
  await expect(coordinator.getByRole("status").filter({ hasText: members.members.revoked.replace("{email}", invited.email) })).toBeVisible();
  await page.goto(mail.link);
  await expect(page.getByRole("main").getByRole("alert")).toContainText(members.invitations.revoked);
});

test("the last coordinator cannot leave without naming a successor", async ({ page }) => {
  await signInViaApi(page.request, demo.coordinator.email, DEMO_PASSWORD);
  await page.goto(`${workspace}/members`);
  const leave = page.getByRole("form", { name: members.members.leaveTitle });
  const successor = field(leave, members.members.successor);
  await expect(successor).toBeVisible();
  await expect(successor.getByRole("option", { name: demo.member.name })).toHaveCount(1);
  await leave.getByRole("button", { name: members.members.leaveSubmit }).click();
  await expect(successor).toHaveAttribute("aria-invalid", "true");
  await expect(successor).toHaveAccessibleDescription(new RegExp(members.members.fieldErrors.successorRequired.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  await expect(page).toHaveURL(/\/workspace\/members$/);
  // Still the coordinator.
  await page.reload();
  await expect(page.getByRole("row", { name: new RegExp(demo.coordinator.name) })).toContainText(members.members.roles.coordinator);
  await expect(page.getByRole("form", { name: members.members.inviteTitle })).toBeVisible();
});
