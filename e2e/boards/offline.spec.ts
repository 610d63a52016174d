import { demo, expect, test } from "../support/fixtures";
import { allSaved, b, cardByText, connection, createCard, createThinkTank, fill, openBoard, pending, signedInContext, unique } from "./support";

/*
 * Weak venue Wi-Fi: a browser goes offline, keeps writing (new cards, an edit), and nothing is
 * lost when it comes back — also when the page was closed while offline and opened again (the
 * unsaved ops wait in localStorage and are resent with their original ids).
 */
test("a browser that goes offline keeps writing and loses nothing, also across a reload", async ({ adminPage: page, newContext }) => {
  const thinkTank = await createThinkTank(page.request);
  const url = thinkTank.url(thinkTank.canvas);
  const other = await (await signedInContext(newContext, demo.moderator.email)).newPage();
  await openBoard(page, url);
  await openBoard(other, url);

  const first = unique("Offline eins");
  const second = unique("Offline zwei");
  const edited = `${first} geändert`;
  await page.context().setOffline(true);
  await expect(connection(page)).toContainText(b.boardStatus.connection.offline);
  await createCard(page, first);
  await createCard(page, second);
  await page.getByRole("button", { name: fill(b.boardCard.editNamed, { text: first }) }).click();
  const editor = page.getByRole("dialog", { name: b.boardView.editCard });
  await editor.getByLabel(b.boardCard.text).fill(edited);
  await editor.getByRole("button", { name: b.boardCard.save }).click();
  await expect(cardByText(page, edited)).toBeVisible();
  await expect(pending(page)).toHaveText("3 Änderungen noch nicht gespeichert");
  await expect(cardByText(other, second)).toHaveCount(0);

  await page.context().setOffline(false);
  await expect(connection(page)).toContainText(b.boardStatus.connection.online);
  await allSaved(page);
  await expect(cardByText(other, edited)).toBeVisible();
  await expect(cardByText(other, second)).toBeVisible();

  // Offline again, write, close the page before the network returns; a new page sends it.
  const third = unique("Offline drei");
  await page.context().setOffline(true);
  await expect(connection(page)).toContainText(b.boardStatus.connection.offline);
  await createCard(page, third);
  await expect(pending(page)).toHaveText("1 Änderung noch nicht gespeichert");
  const context = page.context();
  await page.close();
  await context.setOffline(false);
  const again = await context.newPage();
  await openBoard(again, url);
  await expect(cardByText(again, third)).toBeVisible();
  await allSaved(again);
  await expect(cardByText(other, third)).toBeVisible();
  // Each op was applied exactly once.
  await expect(cardByText(other, third)).toHaveCount(1);
  await expect(cardByText(other, edited)).toHaveCount(1);
});
