import { demo, expect, test } from "../support/fixtures";
import { b, cardByText, fill, openBoard, signedInContext } from "./support";

/** IDEATE_THINK_TANK_TITLE of db/seed-think-tanks.ts (not imported: it pulls in the database layer). */
const IDEATE_THINK_TANK_TITLE = "Wie erreichen wir Eltern, die keine Elternabende besuchen?";

/*
 * A knowledge-giver on the demo think-tank's Ideen-Canvas (read only, the demo data stays as it
 * is): edits and deletes only their own card, votes on every card, has no moderator tools.
 */
test("a knowledge-giver edits only their own cards, votes on all, and has no moderator tools", async ({ newContext }) => {
  const context = await signedInContext(newContext, demo.expert.email);
  const list = await context.request.get("/api/v1/think-tanks");
  expect(list.status()).toBe(200);
  const { thinkTanks } = (await list.json()) as { thinkTanks: Array<{ id: string; title: string }> };
  const thinkTank = thinkTanks.find((t) => t.title === IDEATE_THINK_TANK_TITLE);
  expect(thinkTank, "the demo think-tank in its Ideate phase").toBeDefined();
  const detail = (await (await context.request.get(`/api/v1/think-tanks/${thinkTank!.id}`)).json()) as {
    thinkTank: { phases: Array<{ boards: Array<{ id: string; title: string }> }> };
  };
  const board = detail.thinkTank.phases.flatMap((p) => p.boards).find((x) => x.title === "Ideen-Canvas");
  expect(board).toBeDefined();

  const page = await context.newPage();
  await openBoard(page, `/think-tanks/${thinkTank!.id}/boards/${board!.id}`);
  const own = "Sprachmittler:innen aus der Community";
  const others = "Elterncafé am Kiosk vor der Schule";
  await expect(cardByText(page, own)).toContainText(fill(b.boardCard.by, { name: demo.expert.name }));
  await expect(page.getByRole("button", { name: fill(b.boardCard.editNamed, { text: own }) })).toBeVisible();
  await expect(cardByText(page, others)).toContainText(fill(b.boardCard.by, { name: demo.moderator.name }));
  await expect(page.getByRole("button", { name: fill(b.boardCard.editNamed, { text: others }) })).toHaveCount(0);
  await expect(page.getByRole("button", { name: fill(b.boardCard.deleteNamed, { text: others }) })).toHaveCount(0);
  await expect(page.getByRole("button", { name: fill(b.boardCard.voteUp, { text: others }) })).toBeEnabled();
  await expect(page.getByRole("heading", { name: b.boardModeration.title })).toHaveCount(0);
  await expect(page.getByLabel(b.boardView.followModerator)).toBeChecked();
});
