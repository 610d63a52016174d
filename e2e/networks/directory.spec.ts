import fs from "node:fs";
import dn from "../../lib/i18n/messages/de.networks.json" with { type: "json" };
import { containing, de, expect, field, test } from "../support/fixtures";

/*
 * The public directory as an anonymous visitor sees it: search and filters are a plain GET form,
 * so everything here also runs with JavaScript switched off, and every result is a shareable URL.
 */

const count = (n: number) => (n === 1 ? `${n} Netzwerk` : `${n} Netzwerke`);

test("an anonymous visitor searches the directory without JavaScript", async ({ newContext }) => {
  const context = await newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/networks");
  await expect(page.getByRole("heading", { level: 1, name: dn.directory.title })).toBeVisible();
  await expect(page.getByRole("article", { name: "BiNet – Bildungsnetzwerk Münchner Stiftungen" })).toBeVisible();

  // A part of a word finds the network ("Bildungsnetz" in "Bildungsnetzwerk").
  const search = page.getByRole("search", { name: dn.directory.searchTitle });
  await search.getByLabel(dn.directory.search, { exact: true }).fill("Bildungsnetz");
  await search.getByRole("button", { name: dn.directory.submit }).click();
  await expect(page).toHaveURL(/\/networks\?q=Bildungsnetz/);
  await expect(page.getByText(count(1), { exact: true })).toBeVisible();
  const binet = page.getByRole("article", { name: "BiNet – Bildungsnetzwerk Münchner Stiftungen" });
  await expect(binet).toBeVisible();
  // Sectors as counts, public contact only, status in words.
  await expect(binet).toContainText(`${de.sectors.foundation}: 1`);
  await expect(binet).toContainText(`${dn.directory.statusLabel}: ${dn.directory.status.active}`);
  await expect(binet.getByRole("link", { name: "koordination@binet.test" })).toBeVisible();
  await expect(page.getByRole("article", { name: "Eilper Forum" })).toHaveCount(0);

  // The filters work without JavaScript too: a select and the submit button.
  await page.getByRole("link", { name: dn.directory.reset }).click();
  await expect(page).toHaveURL(/\/networks$/);
  await page.getByLabel(dn.directory.filterArea, { exact: true }).selectOption("Hagen-Eilpe");
  await page.getByRole("button", { name: dn.directory.submit }).click();
  await expect(page).toHaveURL(/area=Hagen-Eilpe/);
  await expect(page.getByRole("article")).toHaveCount(1);
  await expect(page.getByRole("article", { name: "Eilper Forum" })).toBeVisible();

  // Another word form finds the description's words ("Einrichtung" → "Einrichtungen").
  await page.goto("/networks?q=Einrichtung");
  await expect(page.getByRole("article", { name: "Eilper Forum" })).toBeVisible();
  await expect(page.getByRole("article", { name: "Stadtteilforum Altenhagen" })).toBeVisible();
});

test("filters in the URL are shareable and combine with search; nothing found says so", async ({ page }) => {
  await page.goto("/networks?q=Hagen&area=hagen-haspe");
  await expect(page.getByRole("article")).toHaveCount(1);
  await expect(page.getByRole("article", { name: "AK 90 Haspe" })).toBeVisible();
  await expect(page.getByLabel(dn.directory.search, { exact: true })).toHaveValue("Hagen");

  await page.goto("/networks?focus=Nachbarschaft&status=archived");
  await expect(page.getByText(dn.directory.noResults)).toBeVisible();
  await expect(page.getByRole("article")).toHaveCount(0);
});

test("the directory downloads as CSV for Excel and is available as JSON, with the same filters", async ({ newContext }) => {
  const context = await newContext({ javaScriptEnabled: false, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto("/networks?q=Haspe");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: dn.directory.downloadCsv }).click()]);
  expect(download.suggestedFilename()).toMatch(/^netzwerke-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = fs.readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString("utf8").slice(1).trimEnd().split("\r\n");
  expect(lines[0]).toContain(`${dn.directory.csv.name},${dn.directory.csv.url}`);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain("AK 90 Haspe");

  const json = await context.request.get("/api/v1/directory?area=Hagen-Eilpe");
  expect(json.status()).toBe(200);
  const body = (await json.json()) as { networks: Array<{ name: string; contact: Record<string, string> }> };
  expect(body.networks.map((n) => n.name)).toEqual(["Eilper Forum"]);
  expect(body.networks[0]?.contact).toEqual({ organisation: "Stadt Hagen, Fachbereich Jugend und Soziales", email: "eilper-forum@hagen.test" });
});

test("a network's public page explains its status and shows the sector mix as a table, not member names", async ({ page }) => {
  await page.goto("/networks/binet");
  await expect(page.getByRole("heading", { level: 1, name: "BiNet – Bildungsnetzwerk Münchner Stiftungen" })).toBeVisible();
  await expect(page.getByText(dn.network.statusMeaning.active)).toBeVisible();
  const mix = page.getByRole("table", { name: dn.network.sectorMixTitle });
  await expect(mix.getByRole("row", { name: new RegExp(`${de.sectors.school_education}\\s+1`) })).toBeVisible();
  await expect(page.getByRole("heading", { name: dn.network.membersTitle, exact: true })).toHaveCount(0);
  await expect(page.getByText("Mehmet Demir")).toHaveCount(0);

  const missing = await page.goto("/networks/gibt-es-nicht");
  expect(missing?.status()).toBe(404);
});

test("an admin creates a network that appears in the directory with only its public contact", async ({ adminPage: page, newContext }) => {
  const name = `Stadtteilrunde Au ${Date.now().toString(36)}`;
  await page.goto("/networks/new");
  await expect(page.getByRole("heading", { level: 1, name: dn.networkForm.createTitle })).toBeVisible();
  await field(page, dn.networkForm.name).fill(name);
  await field(page, dn.networkForm.focus).fill("Nachbarschaft");
  await field(page, dn.networkForm.description).fill("Einrichtungen in der Au treffen sich viermal im Jahr.");
  await field(page, dn.networkForm.socialAreas).fill("Au, Haidhausen");
  await field(page, dn.networkForm.contactEmail).fill("au@netz.example");
  await field(page, dn.networkForm.contactPhone).fill("089 555 01");
  await page.getByLabel(dn.networkForm.makePublic.replace("{field}", dn.networkForm.contactEmail)).check();
  // A bad website keeps everything typed and says what is wrong.
  await field(page, dn.networkForm.contactWebsite).fill("javascript:alert(1)");
  await page.getByRole("button", { name: dn.networkForm.submitCreate }).click();
  await expect(field(page, dn.networkForm.contactWebsite)).toHaveAccessibleDescription(containing(de.fieldErrors.website));
  await expect(field(page, dn.networkForm.name)).toHaveValue(name);
  await field(page, dn.networkForm.contactWebsite).fill("");
  await page.getByRole("button", { name: dn.networkForm.submitCreate }).click();

  await expect(page).toHaveURL(/\/networks\/stadtteilrunde-au-[a-z0-9]+\?created=1$/);
  await expect(page.getByRole("status")).toContainText(dn.network.created);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByRole("link", { name: dn.network.settings })).toBeVisible();

  const visitor = await (await newContext({ javaScriptEnabled: false })).newPage();
  await visitor.goto(`/networks?q=${encodeURIComponent(name)}`);
  const entry = visitor.getByRole("article", { name });
  await expect(entry).toBeVisible();
  await expect(entry.getByRole("link", { name: "au@netz.example" })).toBeVisible();
  await expect(entry).not.toContainText("089 555 01");
});
