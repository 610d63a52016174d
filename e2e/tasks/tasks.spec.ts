import type { Page } from "@playwright/test";
import ws from "../../lib/i18n/messages/de.workspace.json" with { type: "json" };
import { DEMO_PASSWORD, de, demo, escapeRegExp, expect, field, signInViaApi, test } from "../support/fixtures";

/*
 * Tasks and working groups in BiNet's Work-Space, as the demo people use them: Markdown
 * descriptions, the board moved with the keyboard only, the filtered list, comments, and a
 * coordinator's working group. Every test makes its own tasks (unique titles), so the two
 * workers never step on each other.
 */

const BASE = "/networks/binet/workspace";

const fill = (template: string, values: Record<string, string | number>) =>
  Object.entries(values).reduce((text, [key, value]) => text.replaceAll(`{${key}}`, String(value)), template);

function berlinDate(offsetDays: number): string {
  const now = new Date(Date.now() + offsetDays * 24 * 60 * 60 * 1000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

function unique(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

async function signedIn(newContext: (o?: object) => Promise<import("@playwright/test").BrowserContext>, email: string, options: object = {}): Promise<Page> {
  const context = await newContext(options);
  await signInViaApi(context.request, email, DEMO_PASSWORD);
  return context.newPage();
}

async function createTaskViaForm(page: Page, values: { title: string; description?: string; assignee?: string; dueDate?: string; labels?: string; group?: string }) {
  await page.goto(`${BASE}/tasks/new`);
  await field(page, ws.tasks.fields.title).fill(values.title);
  if (values.description) await field(page, ws.tasks.fields.description).fill(values.description);
  if (values.assignee) await field(page, ws.tasks.fields.assignee).selectOption({ label: values.assignee });
  if (values.dueDate) await field(page, ws.tasks.fields.dueDate).fill(values.dueDate);
  if (values.labels) await field(page, ws.tasks.fields.labels).fill(values.labels);
  if (values.group) await field(page, ws.tasks.fields.workingGroup).selectOption({ label: values.group });
  await page.getByRole("button", { name: ws.tasks.create }).click();
  await expect(page.getByRole("heading", { level: 2, name: values.title })).toBeVisible();
}

/** "„title“ ist jetzt in „status“, Position n von m." with any n and m. */
const movedText = (title: string, status: string) =>
  new RegExp(escapeRegExp(fill(ws.taskBoard.moved, { title, status, position: "§", count: "§" })).replaceAll("§", "\\d+"));

const column = (page: Page, status: keyof typeof ws.tasks.status) => page.getByRole("list", { name: new RegExp(`^${escapeRegExp(ws.tasks.status[status])} \\(`) });

test("a member creates a task with Markdown, comments, filters the list and moves it across the board with the keyboard", async ({ newContext }) => {
  const page = await signedIn(newContext, demo.member.email);
  const title = unique("Elternabend E2E");
  await createTaskViaForm(page, {
    title,
    description: "Bitte **Raum buchen**.\n\n[Leitfaden](https://binet.example/leitfaden)\n\n<script>window.__xss = 1</script><img src=x onerror=\"window.__xss = 2\">",
    assignee: demo.member.name,
    dueDate: berlinDate(-3),
    labels: "Eltern, E2E",
  });

  // Markdown rendered, and sanitised.
  const description = page.getByRole("region", { name: ws.tasks.fields.description });
  await expect(description.locator("strong")).toHaveText("Raum buchen");
  await expect(description.getByRole("link", { name: "Leitfaden" })).toHaveAttribute("rel", "noopener noreferrer nofollow");
  await expect(description.locator("script")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await expect(page.getByRole("complementary", { name: ws.tasks.details })).toContainText(ws.tasks.overdue);

  // Comment.
  await field(page, ws.tasks.commentLabel, de.forms.required).fill("Ich frage die Schulleitung.");
  await page.getByRole("button", { name: ws.tasks.commentSubmit }).click();
  await expect(page.getByRole("status").filter({ hasText: ws.tasks.commentAdded })).toBeVisible();
  await expect(page.getByRole("region", { name: ws.tasks.commentsTitle }).getByRole("listitem")).toContainText(["Ich frage die Schulleitung."]);

  // The list, filtered to "mine" and "overdue": a shareable URL.
  await page.goto(`${BASE}/tasks/list`);
  await page.getByRole("checkbox", { name: ws.tasks.list.mine }).check();
  await page.getByRole("checkbox", { name: ws.tasks.list.overdue }).check();
  await page.getByRole("button", { name: ws.tasks.list.apply }).click();
  await expect(page).toHaveURL(/[?&]mine=1/);
  await expect(page).toHaveURL(/[?&]overdue=1/);
  const row = page.getByRole("row", { name: new RegExp(escapeRegExp(title)) });
  await expect(row).toBeVisible();
  await expect(row).toContainText(ws.tasks.overdue);
  // Every listed task is overdue and assigned to me.
  for (const r of await page.getByRole("table").getByRole("row").all()) {
    if (await r.getByRole("columnheader").count()) continue;
    await expect(r).toContainText(demo.member.name);
  }

  // The board, with the keyboard only: focus the card's move button, press Enter, listen.
  await page.goto(`${BASE}/tasks`);
  const right = (status: string) => page.getByRole("button", { name: fill(ws.taskBoard.moveRight, { title, status }) });
  await expect(column(page, "open").getByRole("link", { name: title })).toBeVisible();
  await column(page, "open").getByRole("link", { name: title }).focus();
  // From the title link, Tab walks through the card's move buttons: ← ↑ ↓ → (disabled ones are skipped).
  for (let i = 0; i < 4; i++) {
    if (await right(ws.tasks.status.in_progress).evaluate((el) => el === document.activeElement)) break;
    await page.keyboard.press("Tab");
  }
  await expect(right(ws.tasks.status.in_progress)).toBeFocused();
  await page.keyboard.press("Enter");
  const live = page.getByRole("status").filter({ hasText: title });
  await expect(live).toHaveText(movedText(title, ws.tasks.status.in_progress));
  await expect(column(page, "in_progress").getByRole("link", { name: title })).toBeVisible();
  // Focus follows the card: the next step is one key press away.
  await expect(right(ws.tasks.status.done)).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(column(page, "done").getByRole("link", { name: title })).toBeVisible();
  await expect(live).toHaveText(movedText(title, ws.tasks.status.done));

  // Persisted: a fresh load shows it in "done".
  await page.reload();
  await expect(column(page, "done").getByRole("link", { name: title })).toBeVisible();
  await expect(column(page, "open").getByRole("link", { name: title })).toHaveCount(0);
});

test("a coordinator creates a working group, adds a member and assigns a task to it", async ({ newContext }) => {
  const page = await signedIn(newContext, demo.coordinator.email);
  const name = unique("AK E2E");
  await page.goto(`${BASE}/groups`);
  const create = page.getByRole("form", { name: ws.workingGroups.createTitle });
  await field(create, ws.workingGroups.name).fill(name);
  await field(create, ws.workingGroups.description).fill("Für den Test");
  await create.getByRole("button", { name: ws.workingGroups.create }).click();
  await expect(page.getByRole("status").filter({ hasText: fill(ws.workingGroups.created, { name }) })).toBeVisible();
  const group = page.getByRole("article", { name });
  await expect(group).toBeVisible();

  const add = group.getByRole("form", { name: fill(ws.workingGroups.addMemberTo, { name }) });
  await add.getByRole("combobox").selectOption({ label: demo.member.name });
  await add.getByRole("button", { name: ws.workingGroups.addSubmit }).click();
  await expect(group.getByRole("list", { name: `${ws.workingGroups.members}: ${name}` })).toContainText(demo.member.name);

  const title = unique("AK-Aufgabe E2E");
  await createTaskViaForm(page, { title, group: name });
  await expect(page.getByRole("complementary", { name: ws.tasks.details })).toContainText(fill(ws.tasks.group, { name }));

  await page.goto(`${BASE}/groups`);
  const openTasks = page.getByRole("article", { name }).getByRole("link", { name: fill(ws.workingGroups.showTasks, { name }) });
  await expect(openTasks).toHaveText(/^1\b/);
  await openTasks.click();
  await expect(page.getByRole("row", { name: new RegExp(escapeRegExp(title)) })).toBeVisible();
});

test("the board works without JavaScript: the move buttons are plain form posts", async ({ newContext }) => {
  const page = await signedIn(newContext, demo.member.email, { javaScriptEnabled: false });
  const title = unique("Ohne JS E2E");
  await createTaskViaForm(page, { title });
  await page.goto(`${BASE}/tasks`);
  await page.getByRole("button", { name: fill(ws.taskBoard.moveRight, { title, status: ws.tasks.status.in_progress }) }).click();
  await expect(column(page, "in_progress").getByRole("link", { name: title })).toBeVisible();
  await page.goto(`${BASE}/tasks`);
  await expect(column(page, "in_progress").getByRole("link", { name: title })).toBeVisible();
});

test("people outside BiNet get a 404 for its tasks", async ({ newContext }) => {
  const page = await signedIn(newContext, demo.expert.email);
  const response = await page.goto(`${BASE}/tasks`);
  expect(response?.status()).toBe(404);
  expect((await page.goto(`${BASE}/groups`))?.status()).toBe(404);
});
