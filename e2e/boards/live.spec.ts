import { demo, expect, test } from "../support/fixtures";
import { b, cardByText, createCard, createThinkTank, fill, openBoard, signedInContext, unique } from "./support";

/*
 * Two people on one column board (the admin who convened the think-tank, and the platform
 * moderator, a steward): each sees the other's presence, cards, moves, groups and dots as they
 * happen, without reloading.
 */
test("two browsers see each other's cards, moves, groups, votes and presence live", async ({ adminPage, newContext }) => {
  const thinkTank = await createThinkTank(adminPage.request);
  const url = thinkTank.url(thinkTank.columns);
  const other = await (await signedInContext(newContext, demo.moderator.email)).newPage();
  await openBoard(adminPage, url);
  await openBoard(other, url);

  await expect(adminPage.getByTestId("board-presence")).toContainText(demo.moderator.name);
  await expect(other.getByTestId("board-presence")).toContainText(demo.admin.name);

  const columns = (page: typeof adminPage) => page.locator("section[data-column-id]");
  const firstTitle = (await columns(adminPage).first().getByRole("heading", { level: 3 }).textContent())!.replace(/\s*\(.*\)$/, "");
  const mine = unique("Karte von Anna");
  const theirs = unique("Karte von Moritz");
  await createCard(adminPage, mine, firstTitle);
  // Screen readers on the other side hear of it (politely).
  await expect(other.getByTestId("board-announcer")).toHaveText(fill(b.boardAnnounce.cardCreated, { text: mine }));
  await createCard(other, theirs, firstTitle);

  // Cards with their authors arrive on the other side.
  await expect(cardByText(other, mine)).toContainText(fill(b.boardCard.by, { name: demo.admin.name }));
  await expect(cardByText(adminPage, theirs)).toContainText(fill(b.boardCard.by, { name: demo.moderator.name }));

  // A move to the next column.
  await adminPage.getByRole("button", { name: fill(b.boardCard.move_right, { text: mine }) }).click();
  await expect(cardByText(columns(other).nth(1), mine)).toBeVisible();

  // A group: mine joins theirs (back in the first column), and the other side renames it.
  await adminPage.getByRole("button", { name: fill(b.boardCard.groupWithNamed, { text: mine }) }).click();
  const dialog = adminPage.getByRole("dialog");
  await dialog.getByLabel(b.boardGroup.target).selectOption({ label: theirs });
  await dialog.getByRole("button", { name: b.boardGroup.group, exact: true }).click();
  const untitled = fill(b.boardGroup.renameNamed, { title: b.boardGroup.untitled });
  const group = other.locator("section[data-group-id]");
  await expect(cardByText(group, mine)).toBeVisible();
  await expect(cardByText(group, theirs)).toBeVisible();
  await other.getByRole("button", { name: untitled }).click();
  await other.getByLabel(b.boardGroup.titleLabel).fill("Zeitfragen");
  await other.getByRole("button", { name: b.boardGroup.save }).click();
  await expect(adminPage.locator("section[data-group-id]").getByRole("heading", { name: /^Zeitfragen \(2 Karten\)$/ })).toBeVisible();

  // Dots: the moderator gives everybody three, the other side spends one on my card.
  await adminPage.getByLabel(b.boardModeration.votesPerPerson).fill("3");
  await adminPage.getByRole("button", { name: b.boardModeration.saveVotes }).click();
  await expect(other.getByTestId("board-my-dots")).toContainText(fill(b.boardStatus.dotsLeft, { left: 3, total: 3 }));
  await other.getByRole("button", { name: fill(b.boardCard.voteUp, { text: mine }) }).click();
  await expect(other.getByTestId("board-my-dots")).toContainText(fill(b.boardStatus.dotsLeft, { left: 2, total: 3 }));
  await expect(cardByText(adminPage, mine)).toContainText("1 Punkt insgesamt");

  // Moderators add and rename columns; everybody sees the new order.
  await adminPage.getByText(b.boardModeration.columnsTitle).click();
  await adminPage.getByLabel(b.boardModeration.newColumn).fill("Offene Fragen");
  await adminPage.getByRole("button", { name: b.boardModeration.addColumn }).click();
  await expect(columns(other).last().getByRole("heading", { level: 3 })).toContainText("Offene Fragen");
  await adminPage.getByLabel(fill(b.boardModeration.columnName, { title: "Offene Fragen" })).fill("Fragen");
  await adminPage.getByRole("button", { name: fill(b.boardModeration.renameColumn, { title: "Offene Fragen" }) }).click();
  await adminPage.getByRole("button", { name: fill(b.boardModeration.columnLeft, { title: "Fragen" }) }).click();
  await expect(columns(other).nth(-2).getByRole("heading", { level: 3 })).toContainText("Fragen");

  // Leaving the board leaves the other's presence list.
  await other.close();
  await expect(adminPage.getByTestId("board-presence")).not.toContainText(demo.moderator.name);
});
