import deThinkTanks from "../../lib/i18n/messages/de.thinktanks.json" with { type: "json" };
import { DEMO_PASSWORD, de, demo, expect, field, signInViaApi, test } from "../support/fixtures";

const tt = deThinkTanks.thinkTanks;
const ph = deThinkTanks.thinkTankPhases;
const st = deThinkTanks.thinkTankSettings;

test("a moderator reorders pending phases with the keyboard, edits, adds and removes phases, and pauses the think-tank with a reason", async ({ newContext }) => {
  const context = await newContext();
  await signInViaApi(context.request, demo.moderator.email, DEMO_PASSWORD);
  const created = await context.request.post("/api/v1/think-tanks", {
    data: { title: `Phasen ${Date.now().toString(36)}`, question: "Wie könnten wir Phasen planen?", template: "custom", customPhases: [{ name: "Auftakt" }, { name: "Recherche" }, { name: "Abschluss" }] },
  });
  expect(created.status()).toBe(201);
  const { thinkTank } = (await created.json()) as { thinkTank: { id: string } };
  const page = await context.newPage();
  await page.goto(`/think-tanks/${thinkTank.id}/phases`);
  const names = page.getByTestId("phase").getByRole("heading", { level: 3 });
  await expect(names).toHaveText([/Auftakt$/, /Recherche$/, /Abschluss$/]);

  // Keyboard only: focus "Abschluss nach oben" and press Enter.
  await page.getByRole("button", { name: ph.moveUp.replace("{phase}", "Abschluss") }).focus();
  await page.keyboard.press("Enter");
  await expect(names).toHaveText([/Auftakt$/, /Abschluss$/, /Recherche$/]);

  // Rename "Recherche" with a timebox; an empty name is refused with a field error first.
  const recherche = page.getByTestId("phase").filter({ has: page.getByRole("heading", { name: /Recherche$/ }) });
  await recherche.getByText(ph.edit).click();
  const name = field(recherche, ph.name);
  await name.fill("");
  await recherche.getByRole("button", { name: ph.save }).click();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await name.fill("Feldforschung");
  await field(recherche, ph.timeboxField).fill("45");
  await recherche.getByRole("button", { name: ph.save }).click();
  await expect(names).toHaveText([/Auftakt$/, /Abschluss$/, /Feldforschung$/]);
  await expect(page.getByText(ph.timebox.replace("{minutes}", "45"))).toBeVisible();

  // Add a phase; it comes last with a free canvas.
  const add = page.getByRole("form", { name: ph.addTitle });
  await field(add, ph.name).fill("Rückschau");
  await add.getByRole("button", { name: ph.add }).click();
  await expect(names).toHaveText([/Auftakt$/, /Abschluss$/, /Feldforschung$/, /Rückschau$/]);
  const review = page.getByTestId("phase").filter({ has: page.getByRole("heading", { name: /Rückschau$/ }) });
  await expect(review.getByRole("link", { name: "Arbeitsfläche" })).toBeVisible();

  // Remove needs a confirmation.
  await page.getByRole("button", { name: ph.removeLabel.replace("{phase}", "Abschluss") }).click();
  await page.getByRole("button", { name: ph.removeConfirm.replace("{phase}", "Abschluss") }).click();
  await expect(names).toHaveText([/Auftakt$/, /Feldforschung$/, /Rückschau$/]);

  // Once started, a phase can no longer be moved or removed.
  await page.getByRole("button", { name: ph.actionLabel.replace("{action}", ph.actions.start).replace("{phase}", "Auftakt") }).click();
  await expect(page.getByRole("button", { name: ph.removeLabel.replace("{phase}", "Auftakt") })).toHaveCount(0);
  await expect(page.getByRole("button", { name: ph.moveUp.replace("{phase}", "Feldforschung") })).toHaveCount(0);

  // Pausing the think-tank needs a reason; the overview shows it.
  await page.getByRole("link", { name: tt.tabs.settings }).click();
  // Wait for the settings page: the phases page has a "Pausieren „Auftakt“" button of its own.
  await expect(field(page, st.reason)).toBeVisible();
  await page.getByRole("button", { name: st.to.paused, exact: true }).click();
  await expect(field(page, st.reason)).toHaveAttribute("aria-invalid", "true");
  await expect(field(page, st.reason)).toHaveAccessibleDescription(new RegExp(de.fieldErrors.required));
  await field(page, st.reason).fill("Sommerferien");
  await page.getByRole("button", { name: st.to.paused, exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: st.statusChanged.replace("{status}", tt.status.paused) })).toBeVisible();
  await page.getByRole("link", { name: tt.tabs.overview }).click();
  await expect(page.getByText(tt.overview.pausedReason.replace("{reason}", "Sommerferien"))).toBeVisible();
  // The running phase paused with the think-tank.
  await expect(page.getByTestId("current-phase-status")).toContainText(deThinkTanks.thinkTankLive.phaseStatus.paused);
});
