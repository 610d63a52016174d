import type { APIRequestContext, BrowserContext, Locator, Page } from "@playwright/test";
import boardMessages from "../../lib/i18n/messages/de.boards.json" with { type: "json" };
import { DEMO_PASSWORD, expect, signInViaApi } from "../support/fixtures";

/* The board UI's own German texts. */
export const b = boardMessages;

export const fill = (template: string, values: Record<string, string | number>) =>
  Object.entries(values).reduce((text, [key, value]) => text.replaceAll(`{${key}}`, String(value)), template);

export function unique(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

type ApiBoard = { id: string; title: string; kind: "canvas" | "columns"; template: string };
type ApiThinkTank = { id: string; phases: Array<{ id: string; name: string; boards: ApiBoard[] }> };

/**
 * A fresh d.school think-tank through the JSON API (the creator moderates it; `moderatorIds`
 * adds more), with its phases' boards: Empathy Map (columns) first, the Ideen-Canvas (canvas,
 * three dots each) in "Ideate".
 */
export async function createThinkTank(request: APIRequestContext, options: { title?: string; moderatorIds?: string[] } = {}) {
  const response = await request.post("/api/v1/think-tanks", {
    data: { title: options.title ?? unique("Board-E2E"), question: "Wie könnten wir Boards testen?", template: "dschool", locale: "de", moderatorIds: options.moderatorIds ?? [] },
  });
  expect(response.status(), await response.text()).toBe(201);
  const { thinkTank } = (await response.json()) as { thinkTank: { id: string } };
  const read = await request.get(`/api/v1/think-tanks/${thinkTank.id}`);
  expect(read.status()).toBe(200);
  const detail = ((await read.json()) as { thinkTank: ApiThinkTank }).thinkTank;
  const boards = detail.phases.flatMap((p) => p.boards);
  const columns = boards.find((x) => x.kind === "columns");
  const canvas = boards.find((x) => x.template === "canvas");
  if (!columns || !canvas) throw new Error("the d.school template should have a column board and a canvas");
  return { id: detail.id, columns, canvas, url: (board: ApiBoard) => `/think-tanks/${detail.id}/boards/${board.id}` };
}

export async function meOf(request: APIRequestContext): Promise<{ id: string; name: string }> {
  const response = await request.get("/api/v1/me");
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { user?: { id: string; name: string }; id?: string; name?: string };
  const user = body.user ?? (body as { id: string; name: string });
  return { id: user.id, name: user.name };
}

export async function signedInContext(newContext: () => Promise<BrowserContext>, email: string): Promise<BrowserContext> {
  const context = await newContext();
  await signInViaApi(context.request, email, DEMO_PASSWORD);
  return context;
}

/** Opens a board and waits until the live connection joined it. */
export async function openBoard(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(connection(page)).toContainText(b.boardStatus.connection.online);
}

export const connection = (page: Page) => page.getByTestId("board-connection");
export const pending = (page: Page) => page.getByTestId("board-pending");

export async function allSaved(page: Page): Promise<void> {
  await expect(pending(page)).toHaveText(b.boardStatus.allSaved);
}

export function cardByText(scope: Page | Locator, text: string): Locator {
  return scope.getByRole("article", { name: fill(b.boardCard.label, { text }) });
}

export function column(page: Page, title: string): Locator {
  return page.locator("section[data-column-id]").filter({ has: page.getByRole("heading", { level: 3, name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) }) });
}

/** Creates a card with the "Neue Karte" button (or a column's own button) and the editor dialog. */
export async function createCard(page: Page, text: string, columnTitle?: string): Promise<Locator> {
  if (columnTitle) await page.getByRole("button", { name: fill(b.boardView.addCardTo, { column: columnTitle }) }).click();
  else await page.getByRole("button", { name: b.boardView.newCard, exact: true }).click();
  const dialog = page.getByRole("dialog", { name: b.boardView.newCard });
  await dialog.getByLabel(b.boardCard.text).fill(text);
  await dialog.getByRole("button", { name: b.boardCard.save }).click();
  await expect(dialog).toBeHidden();
  const card = cardByText(page, text);
  await expect(card).toBeVisible();
  return card;
}
