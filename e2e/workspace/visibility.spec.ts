import members from "../../lib/i18n/messages/de.members.json" with { type: "json" };
import { DEMO_PASSWORD, de, demo, expect, signInViaApi, test } from "../support/fixtures";

const BINET = "BiNet – Bildungsnetzwerk Münchner Stiftungen";
const paths = ["/networks/binet/workspace", "/networks/binet/workspace/members"];

test("anonymous visitors get a 404 for the Work-Space, with no hint that it exists", async ({ page }) => {
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: de.notFound.title })).toBeVisible();
    await expect(page.getByRole("main")).not.toContainText(BINET);
  }
});

test("a signed-in non-member gets a 404 for the Work-Space", async ({ page }) => {
  await signInViaApi(page.request, demo.expert.email, DEMO_PASSWORD);
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("main")).not.toContainText(BINET);
  }
});

test("a moderator sees the Work-Space and its members' contacts, but cannot invite", async ({ page }) => {
  await signInViaApi(page.request, demo.moderator.email, DEMO_PASSWORD);
  const response = await page.goto("/networks/binet/workspace");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: BINET })).toBeVisible();
  const tabs = page.getByRole("navigation", { name: members.workspace.tabsLabel.replace("{network}", BINET) });
  for (const name of Object.values(members.workspace.tabs).filter((n) => n !== members.workspace.tabs.settings)) {
    await expect(tabs.getByRole("link", { name })).toBeVisible();
  }
  await expect(tabs.getByRole("link", { name: members.workspace.tabs.settings })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: members.activity.title })).toBeVisible();

  await tabs.getByRole("link", { name: members.workspace.tabs.members }).click();
  await expect(page).toHaveURL(/\/workspace\/members$/);
  await expect(tabs.getByRole("link", { name: members.workspace.tabs.members })).toHaveAttribute("aria-current", "page");
  await expect(tabs.getByRole("link", { name: members.workspace.tabs.overview })).not.toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("row", { name: new RegExp(demo.member.name) }).getByRole("link", { name: demo.member.email })).toBeVisible();
  await expect(page.getByRole("form", { name: members.members.inviteTitle })).toHaveCount(0);
});

test("a member sees the Work-Space with their role; a bogus feed cursor shows the first page", async ({ page }) => {
  await signInViaApi(page.request, demo.member.email, DEMO_PASSWORD);
  const response = await page.goto("/networks/binet/workspace");
  expect(response?.status()).toBe(200);
  await expect(page.getByText(members.workspace.yourRole.replace("{role}", members.members.roles.member))).toBeVisible();
  // A bogus cursor is ignored rather than failing.
  expect((await page.goto("/networks/binet/workspace?before=abc"))?.status()).toBe(200);
});
