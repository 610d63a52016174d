import deProblems from "../../lib/i18n/messages/de.problems.json" with { type: "json" };
import { DEMO_PASSWORD, de, demo, expect, field, signInViaApi, test } from "../support/fixtures";

const p = deProblems.problems;
const inbox = deProblems.problemInbox;
const urgencyRank = { high: 0, medium: 1, low: 2 } as const;

test("a member logs a problem (field error first), another supports it, the moderator sees it in the inbox by urgency", async ({ newContext }) => {
  const title = `Eltern ohne Elternabend erreichen ${Date.now().toString(36)}`;

  // 1. The member logs a problem: an empty title first gives a field error and keeps what was typed.
  const memberContext = await newContext();
  await signInViaApi(memberContext.request, demo.member.email, DEMO_PASSWORD);
  const member = await memberContext.newPage();
  await member.goto("/networks/binet/workspace/problems");
  await member.getByRole("link", { name: p.logProblem }).click();
  await expect(member).toHaveURL(/\/networks\/binet\/workspace\/problems\/new$/);
  const form = member.getByRole("form", { name: p.newTitle });
  await field(form, p.fields.description).fill("Viele Familien erfahren nichts von den Förderangeboten.");
  await field(form, p.fields.affected).fill("Familien der 1. bis 4. Klasse");
  await field(form, p.fields.urgency).selectOption("high");
  await form.getByRole("button", { name: p.submit }).click();
  const titleField = field(form, p.fields.title);
  await expect(titleField).toHaveAttribute("aria-invalid", "true");
  await expect(titleField).toHaveAccessibleDescription(new RegExp(de.fieldErrors.required));
  await expect(field(form, p.fields.description)).toHaveValue("Viele Familien erfahren nichts von den Förderangeboten.");
  await expect(field(form, p.fields.urgency)).toHaveValue("high");

  await titleField.fill(title);
  await form.getByRole("button", { name: p.submit }).click();
  await expect(member).toHaveURL(/\/networks\/binet\/workspace\/problems\/[0-9a-f-]{36}$/);
  await expect(member.getByRole("heading", { level: 2, name: title })).toBeVisible();
  await expect(member.getByText(p.statusLabel.replace("{status}", p.status.open))).toBeVisible();
  await expect(member.getByText(p.urgencyLabel.replace("{urgency}", p.urgency.high))).toBeVisible();
  await expect(member.getByRole("heading", { name: p.history })).toBeVisible();
  await expect(member.getByText(p.historyLogged.replace("{to}", p.status.open))).toBeVisible();
  const problemUrl = member.url();

  // 2. Another member supports it ("+1"); the count goes up and the button reports its state.
  const otherContext = await newContext();
  await signInViaApi(otherContext.request, "referat@binet.test", DEMO_PASSWORD);
  const other = await otherContext.newPage();
  await other.goto(problemUrl);
  const support = other.getByRole("button", { name: p.supportAria.replace("{title}", title) });
  await expect(support).toHaveAttribute("aria-pressed", "false");
  await support.click();
  const withdraw = other.getByRole("button", { name: p.withdrawSupportAria.replace("{title}", title) });
  await expect(withdraw).toHaveAttribute("aria-pressed", "true");
  await expect(other.getByTestId("support-count")).toHaveText("1 Unterstützung");

  // The comment form works with the keyboard alone.
  const comment = other.getByLabel(new RegExp(`^${p.commentLabel}`));
  await comment.fill("Das kennen wir auch aus dem Referat.");
  await comment.press("Tab");
  await other.keyboard.press("Enter");
  await expect(other.getByText("Das kennen wir auch aus dem Referat.").first()).toBeVisible();
  await expect(other.getByRole("status").filter({ hasText: p.commentAdded })).toBeVisible();

  // 3. The moderator sees it in the inbox; rows run from high to low urgency.
  const modContext = await newContext();
  await signInViaApi(modContext.request, demo.moderator.email, DEMO_PASSWORD);
  const moderator = await modContext.newPage();
  await moderator.goto("/");
  await moderator.getByRole("banner").getByRole("link", { name: de.shell.nav.problemInbox }).first().click();
  await expect(moderator).toHaveURL(/\/moderation\/problems$/);
  await expect(moderator.getByRole("heading", { level: 1, name: inbox.title })).toBeVisible();
  const row = moderator.getByRole("row", { name: new RegExp(title) });
  await expect(row).toBeVisible();
  await expect(row).toContainText("BiNet");
  await expect(row).toContainText("1 Unterstützung");
  const urgencies = await moderator.locator("tbody [data-urgency]").evaluateAll((els) => els.map((el) => el.getAttribute("data-urgency")));
  const ranks = urgencies.map((u) => urgencyRank[u as keyof typeof urgencyRank]);
  expect(ranks.length).toBeGreaterThan(0);
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));

  // Filters: BiNet and high urgency keep it; low urgency drops it.
  await moderator.getByLabel(inbox.filterNetwork, { exact: true }).selectOption("binet");
  await moderator.getByLabel(inbox.filterUrgency, { exact: true }).selectOption("high");
  await moderator.getByRole("button", { name: inbox.applyFilters }).click();
  await expect(moderator).toHaveURL(/network=binet&urgency=high/);
  await expect(moderator.getByRole("row", { name: new RegExp(title) })).toBeVisible();
  await moderator.getByLabel(inbox.filterUrgency, { exact: true }).selectOption("low");
  await moderator.getByRole("button", { name: inbox.applyFilters }).click();
  await expect(moderator.getByRole("row", { name: new RegExp(title) })).toHaveCount(0);

  // From the inbox to the problem page, where the moderator may escalate it.
  await moderator.goto("/moderation/problems");
  await moderator.getByRole("link", { name: title }).click();
  await expect(moderator).toHaveURL(problemUrl);
  await moderator.getByLabel(p.newStatus, { exact: true }).selectOption("escalated");
  await moderator.getByRole("button", { name: p.changeSubmit }).click();
  await expect(moderator.getByText(p.statusLabel.replace("{status}", p.status.escalated))).toBeVisible();
  await expect(moderator.getByText(p.historyChanged.replace("{from}", p.status.open).replace("{to}", p.status.escalated))).toBeVisible();

  // 4. Members neither see the inbox link nor the inbox.
  await member.goto("/");
  await expect(member.getByRole("link", { name: de.shell.nav.problemInbox })).toHaveCount(0);
  const response = await member.goto("/moderation/problems");
  expect(response?.status()).toBe(404);
});

test("the problem log filters by status and urgency without JavaScript", async ({ newContext }) => {
  const context = await newContext({ javaScriptEnabled: false });
  await signInViaApi(context.request, demo.coordinator.email, DEMO_PASSWORD);
  const page = await context.newPage();
  await page.goto("/networks/binet/workspace/problems");
  await page.getByLabel(p.filterStatus, { exact: true }).selectOption("resolved");
  await page.getByLabel(p.filterUrgency, { exact: true }).selectOption("low");
  await page.getByRole("button", { name: p.applyFilters }).click();
  await expect(page).toHaveURL(/status=resolved&urgency=low/);
  await expect(page.getByLabel(p.filterStatus, { exact: true })).toHaveValue("resolved");
  for (const badge of await page.locator("[data-status]").all()) await expect(badge).toHaveAttribute("data-status", "resolved");
});

test("outsiders get a 404 for the problem log", async ({ newContext }) => {
  const context = await newContext();
  await signInViaApi(context.request, demo.expert.email, DEMO_PASSWORD);
  const page = await context.newPage();
  const response = await page.goto("/networks/binet/workspace/problems");
  expect(response?.status()).toBe(404);
});
