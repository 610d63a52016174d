import { demo, expect, test } from "../support/fixtures";
import { allSaved, b, cardByText, createCard, createThinkTank, fill, openBoard, signedInContext, unique } from "./support";

/*
 * The moderator's tools on the canvas as a second person sees them: undo of a delete, hidden
 * dots revealed into a ranking, a spotlight, a countdown, live cursors and "follow me"; and a
 * conflicting text edit that shows both texts instead of dropping one.
 */
test("moderation: undo, hidden votes and ranking, spotlight, timer, cursors, follow me, conflict dialog", async ({ adminPage: moderator, newContext }) => {
  const thinkTank = await createThinkTank(moderator.request);
  const url = thinkTank.url(thinkTank.canvas);
  const other = await (await signedInContext(newContext, demo.moderator.email)).newPage();
  await openBoard(moderator, url);
  await openBoard(other, url);

  const first = unique("Idee A");
  const second = unique("Idee B");
  await createCard(moderator, first);
  await createCard(moderator, second);

  // Delete with undo.
  await moderator.getByRole("button", { name: fill(b.boardCard.deleteNamed, { text: first }) }).click();
  await expect(cardByText(other, first)).toHaveCount(0);
  await moderator.getByRole("button", { name: b.boardView.undo }).click();
  await expect(cardByText(other, first)).toBeVisible();

  // Hidden dots: nobody sees totals until they are revealed; then a ranking by dots.
  await moderator.getByLabel(b.boardModeration.votesHidden).check();
  await expect(other.getByTestId("board-my-dots")).toContainText(b.boardStatus.votesHidden);
  await other.getByRole("button", { name: fill(b.boardCard.voteUp, { text: second }) }).click();
  await allSaved(other);
  await expect(cardByText(moderator, second).locator("[data-card-votes]")).toHaveCount(0);
  await moderator.getByRole("button", { name: b.boardModeration.revealVotes }).click();
  await expect(cardByText(other, second).locator("[data-card-votes]")).toHaveText("1 Punkt insgesamt");
  await other.getByRole("button", { name: b.boardView.sortedByVotes }).click();
  await expect(other.getByTestId("board-ranking").getByRole("listitem").first()).toContainText(second);

  // Spotlight and countdown reach everybody.
  await moderator.getByRole("button", { name: fill(b.boardCard.spotlightNamed, { text: second }) }).click();
  await expect(other.getByText(fill(b.boardView.spotlight, { text: second }))).toBeVisible();
  await moderator.getByRole("button", { name: b.boardModeration.startTimer }).click();
  await expect(other.getByRole("timer")).toHaveText(/Noch 0[45]:\d\d/);

  // Live cursor with the person's name.
  const canvas = moderator.getByRole("region", { name: b.boardView.canvasRegion });
  const box = (await canvas.boundingBox())!;
  await moderator.mouse.move(box.x + 300, box.y + 300);
  await moderator.mouse.move(box.x + 320, box.y + 310);
  await expect(other.locator(`[data-cursor="${demo.admin.name}"]`)).toBeVisible();

  // Follow me: the other side (a co-moderator, so it opts in) scrolls along.
  await other.getByLabel(b.boardView.followModerator).check();
  await moderator.getByLabel(b.boardModeration.followMe).check();
  await canvas.evaluate((element) => element.scrollTo({ top: 200, left: 0 }));
  const otherCanvas = other.getByRole("region", { name: b.boardView.canvasRegion });
  await expect.poll(() => otherCanvas.evaluate((element) => element.scrollTop)).toBeGreaterThan(100);

  // Pointer drag: dropping one note onto another groups them.
  await canvas.evaluate((element) => element.scrollTo({ top: 0, left: 0 }));
  const from = (await cardByText(moderator, first).locator("[data-card-text]").boundingBox())!;
  const to = (await cardByText(moderator, second).locator("[data-card-text]").boundingBox())!;
  await moderator.mouse.move(from.x + 5, from.y + 5);
  await moderator.mouse.down();
  await moderator.mouse.move(to.x + 10, to.y + 8, { steps: 8 });
  await moderator.mouse.up();
  const group = other.locator("section[data-group-id]");
  await expect(cardByText(group, first)).toBeVisible();
  await expect(cardByText(group, second)).toBeVisible();

  // Conflict: my edit started from an older version than the other's saved text.
  await moderator.getByRole("button", { name: fill(b.boardCard.editNamed, { text: first }) }).click();
  const mineEditor = moderator.getByRole("dialog", { name: b.boardView.editCard });
  await mineEditor.getByLabel(b.boardCard.text).fill(`${first} – meine Fassung`);
  await other.getByRole("button", { name: fill(b.boardCard.editNamed, { text: first }) }).click();
  const theirEditor = other.getByRole("dialog", { name: b.boardView.editCard });
  await theirEditor.getByLabel(b.boardCard.text).fill(`${first} – ihre Fassung`);
  await theirEditor.getByRole("button", { name: b.boardCard.save }).click();
  await expect(cardByText(moderator, `${first} – ihre Fassung`)).toBeVisible();
  await mineEditor.getByRole("button", { name: b.boardCard.save }).click();
  const conflict = moderator.getByRole("dialog", { name: b.boardConflict.title });
  await expect(conflict.getByTestId("conflict-theirs")).toHaveText(`${first} – ihre Fassung`);
  await expect(conflict.getByTestId("conflict-mine")).toHaveText(`${first} – meine Fassung`);
  await conflict.getByRole("button", { name: b.boardConflict.saveMerged }).click();
  await expect(conflict).toBeHidden();
  const merged = other.locator("[data-card-text]").filter({ hasText: `${first} – meine Fassung` });
  await expect(merged).toContainText(`${first} – ihre Fassung`);
  await allSaved(moderator);

  // A locked board tells everybody; moderators keep working.
  await moderator.getByLabel(b.boardModeration.locked).check();
  await expect(other.getByText(b.boardView.closed.locked)).toBeVisible();
});
