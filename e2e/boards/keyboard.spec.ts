import { expect, test } from "../support/fixtures";
import { allSaved, b, cardByText, createThinkTank, fill, openBoard, unique } from "./support";

/* Create, move and vote without a mouse: N, typing, Ctrl+Enter, arrow keys, + and −. */
test("keyboard only: create, move and vote on the canvas; move between columns", async ({ adminPage: page }) => {
  const thinkTank = await createThinkTank(page.request);
  await openBoard(page, thinkTank.url(thinkTank.canvas));

  const text = unique("Tastatur-Idee");
  await page.keyboard.press("n");
  const dialog = page.getByRole("dialog", { name: b.boardView.newCard });
  await expect(dialog.getByLabel(b.boardCard.text)).toBeFocused();
  await page.keyboard.type(text);
  await expect(dialog).toContainText(fill(b.boardCard.counter, { count: text.length, max: 2000 }));
  await page.keyboard.press("Control+Enter");
  const card = cardByText(page, text);
  await expect(card).toBeFocused();
  const left = Number.parseFloat(await card.evaluate((el) => (el as HTMLElement).style.left));
  const top = Number.parseFloat(await card.evaluate((el) => (el as HTMLElement).style.top));

  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Shift+ArrowDown");
  await expect(card).toHaveCSS("left", `${left + 20}px`);
  await expect(card).toHaveCSS("top", `${top + 100}px`);
  await expect(card).toBeFocused();

  // The Ideen-Canvas gives three dots each.
  await page.keyboard.press("+");
  await expect(card).toContainText("1 Punkt von mir");
  await expect(page.getByTestId("board-my-dots")).toContainText(fill(b.boardStatus.dotsLeft, { left: 2, total: 3 }));
  await allSaved(page);

  // Everything was saved: after a reload the card is where the keys put it, with my dot.
  await page.reload();
  await expect(cardByText(page, text)).toHaveCSS("left", `${left + 20}px`);
  await expect(page.getByTestId("board-my-dots")).toContainText(fill(b.boardStatus.dotsLeft, { left: 2, total: 3 }));

  // Column board: the arrow keys move a card into the next column, and focus stays on it.
  await openBoard(page, thinkTank.url(thinkTank.columns));
  await page.keyboard.press("n");
  await page.keyboard.type(text);
  await page.keyboard.press("Control+Enter");
  await expect(cardByText(page, text)).toBeFocused();
  await page.keyboard.press("ArrowRight");
  const second = page.locator("section[data-column-id]").nth(1);
  await expect(cardByText(second, text)).toBeFocused();
  await allSaved(page);
});
