import { demo, expect, test } from "../support/fixtures";
import { allSaved, b, cardByText, createCard, createThinkTank, fill, meOf, openBoard, signedInContext, unique } from "./support";

/*
 * An anonymous board (a retrospective added to a phase as anonymous through the API, before any
 * card exists) names no author anywhere: not in the UI, not in any socket frame the others
 * receive (presence, which lists who is on the board and is tied to no card, aside), not in the
 * Markdown or CSV export. The author still edits their own card.
 */
test("an anonymous board shows no author in the UI, the socket frames or the exports", async ({ adminPage: writer, newContext }) => {
  const author = await meOf(writer.request);
  const thinkTank = await createThinkTank(writer.request);
  const read = await writer.request.get(`/api/v1/think-tanks/${thinkTank.id}`);
  expect(read.status()).toBe(200);
  const phaseId = ((await read.json()) as { thinkTank: { phases: Array<{ id: string }> } }).thinkTank.phases[0]!.id;
  const added = await writer.request.post(`/api/v1/think-tanks/${thinkTank.id}/phases/${phaseId}/boards`, {
    data: { template: "retrospective", title: unique("Anonyme Retro"), anonymous: true, locale: "de" },
  });
  expect(added.status(), await added.text()).toBe(201);
  const { board } = (await added.json()) as { board: { id: string; title: string; kind: "columns"; template: string; anonymous: boolean } };
  expect(board).toMatchObject({ template: "retrospective", kind: "columns", anonymous: true });
  const url = thinkTank.url(board);

  const readerContext = await signedInContext(newContext, demo.moderator.email);
  const reader = await readerContext.newPage();
  const frames: string[] = [];
  reader.on("websocket", (ws) => ws.on("framereceived", (frame) => frames.push(typeof frame.payload === "string" ? frame.payload : frame.payload.toString("utf8"))));

  await openBoard(writer, url);
  await expect(writer.getByLabel(b.boardModeration.anonymous)).toBeChecked();
  await expect(writer.getByText(b.boardView.anonymous)).toBeVisible();
  // The retrospective's four questions, in order.
  await expect(writer.locator("section[data-column-id]").getByRole("heading", { level: 3 })).toHaveText([
    /^Was war gut und ist es wert, beibehalten zu werden\?/,
    /^Was war notwendig, hat aber seinen Zweck erfüllt\?/,
    /^Was fehlt noch\?/,
    /^Was beschäftigt uns sonst noch\?/,
  ]);
  await openBoard(reader, url);
  await expect(reader.getByText(b.boardView.anonymous)).toBeVisible();

  const text = unique("Anonyme Rückmeldung");
  const edited = `${text} (überarbeitet)`;
  const firstColumn = (await writer.locator("section[data-column-id]").first().getByRole("heading", { level: 3 }).textContent())!.replace(/\s*\(.*\)$/, "");
  await createCard(writer, text, firstColumn);
  await expect(writer.getByLabel(b.boardModeration.anonymous)).toBeDisabled();
  await writer.getByRole("button", { name: fill(b.boardCard.editNamed, { text }) }).click();
  const editor = writer.getByRole("dialog", { name: b.boardView.editCard });
  await editor.getByLabel(b.boardCard.text).fill(edited);
  await editor.getByRole("button", { name: b.boardCard.save }).click();
  await allSaved(writer);

  // UI: the card arrives, without a name, on both sides.
  const seen = cardByText(reader, edited);
  await expect(seen).toBeVisible();
  for (const page of [reader, writer]) {
    await expect(page.locator("[data-card-author]")).toHaveCount(0);
    await expect(page.locator("section[data-column-id]").first()).not.toContainText(author.name);
  }

  // Socket frames: the texts arrived, the author's id and name never did.
  const boardFrames = frames.filter((f) => !f.startsWith('42["presence:update"'));
  expect(boardFrames.some((f) => f.includes(text))).toBe(true);
  expect(boardFrames.some((f) => f.includes("(überarbeitet)"))).toBe(true);
  for (const frame of boardFrames) {
    expect(frame).not.toContain(author.id);
    expect(frame).not.toContain(author.name);
  }

  // The print view neither.
  await reader.goto(`${url}/print`);
  const printed = reader.getByRole("article", { name: board.title });
  await expect(printed).toContainText(edited);
  await expect(printed).not.toContainText(author.name);

  // Exports (as the reader, a moderator): texts yes, author no.
  for (const format of ["markdown", "csv"]) {
    const response = await readerContext.request.get(`${url}/export/${format}`);
    expect(response.status()).toBe(200);
    const body = await response.text();
    expect(body).toContain(edited);
    expect(body).not.toContain(author.name);
    expect(body).not.toContain(author.id);
  }
});
