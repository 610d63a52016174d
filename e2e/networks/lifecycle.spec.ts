import dn from "../../lib/i18n/messages/de.networks.json" with { type: "json" };
import { DEMO_PASSWORD, containing, de, demo, expect, field, newPerson, readMail, signInViaApi, signUpViaUi, test } from "../support/fixtures";

/* Proposals, approval and the yearly "is this still current?" of a directory entry. */

const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? "");

test("a member proposes a network and an admin approves it; the proposer is told and coordinates it", async ({ page, adminPage, newContext }) => {
  const person = await signUpViaUi(page, newPerson("proposer"));
  const name = `Elternnetz Milbertshofen ${Date.now().toString(36)}`;

  await page.goto("/networks");
  await page.getByRole("link", { name: dn.directory.proposeNetwork }).click();
  await expect(page.getByRole("heading", { level: 1, name: dn.networkForm.proposeTitle })).toBeVisible();
  // No choice of coordinator for a proposal: the proposer coordinates once it is approved.
  await expect(field(page, dn.networkForm.coordinatorEmail)).toHaveCount(0);
  await field(page, dn.networkForm.name).fill(name);
  await field(page, dn.networkForm.focus).fill("Elternarbeit");
  await field(page, dn.networkForm.socialAreas).fill("Milbertshofen");
  await page.getByRole("button", { name: dn.networkForm.submitPropose }).click();
  await expect(page).toHaveURL(/\/networks\/elternnetz-milbertshofen-[a-z0-9]+\?proposed=1$/);
  await expect(page.getByRole("status")).toContainText(dn.network.proposedNotice);
  const slug = new URL(page.url()).pathname.split("/").pop() ?? "";

  // Until approved it exists for nobody else.
  const visitor = await (await newContext()).newPage();
  expect((await visitor.goto(`/networks/${slug}`))?.status()).toBe(404);
  await visitor.goto(`/networks?q=${encodeURIComponent(name)}`);
  await expect(visitor.getByRole("article", { name })).toHaveCount(0);

  // The admin is told, and decides on the proposals tab; declining would need a reason.
  await adminPage.goto("/admin/proposals");
  const proposal = adminPage.getByRole("article", { name });
  await expect(proposal).toContainText(person.email);
  await proposal.getByRole("button", { name: fill(dn.adminProposals.declineFor, { name }) }).click();
  await expect(field(proposal, dn.adminProposals.reason)).toHaveAccessibleDescription(containing(de.fieldErrors.declineReasonRequired));
  await proposal.getByRole("button", { name: fill(dn.adminProposals.approveFor, { name }) }).click();
  await expect(adminPage.getByRole("status")).toContainText(fill(dn.adminProposals.approved, { name }));
  await expect(adminPage.getByRole("article", { name })).toHaveCount(0);

  const mail = await readMail(adminPage, person.email, fill(dn.networkEmails.proposalApproved.subject, { network: name }));
  expect(mail.link).toContain(`/networks/${slug}`);

  // Listed now, and the proposer coordinates it.
  await visitor.goto(`/networks?q=${encodeURIComponent(name)}`);
  await expect(visitor.getByRole("article", { name })).toBeVisible();
  await page.goto(`/networks/${slug}`);
  await expect(page.getByRole("link", { name: dn.network.settings })).toBeVisible();
  await expect(page.getByRole("heading", { name: dn.network.membersTitle, exact: true })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(person.name);
});

test("the coordinator of a stale entry confirms it; the admins' list of stale entries follows", async ({ adminPage, newContext }) => {
  const stale = "Nachbarschaftsnetz Giesing";
  await adminPage.goto("/admin/directory");
  await expect(adminPage.getByRole("row", { name: new RegExp(stale) })).toBeVisible();

  // Everybody sees "needs review" (words and an icon) in the directory.
  const visitor = await (await newContext({ javaScriptEnabled: false })).newPage();
  await visitor.goto("/networks?q=Giesing");
  await expect(visitor.getByRole("article", { name: stale })).toContainText(dn.directory.needsReview);

  // Only the coordinator (and admins) get the prompt on the network page.
  await visitor.goto("/networks/nachbarschaftsnetz-giesing");
  await expect(visitor.getByRole("heading", { name: dn.network.staleTitle })).toHaveCount(0);

  const context = await newContext();
  await signInViaApi(context.request, demo.coordinator.email, DEMO_PASSWORD);
  const coordinator = await context.newPage();
  await coordinator.goto("/networks/nachbarschaftsnetz-giesing");
  const prompt = coordinator.getByRole("region", { name: dn.network.staleTitle });
  await expect(prompt).toBeVisible();
  await expect(prompt.getByRole("link", { name: dn.network.update })).toHaveAttribute("href", "/networks/nachbarschaftsnetz-giesing/settings");
  await prompt.getByRole("button", { name: dn.network.confirm }).click();
  await expect(coordinator.getByRole("status")).toContainText(dn.network.confirmed);
  await expect(coordinator.getByRole("region", { name: dn.network.staleTitle })).toHaveCount(0);

  await visitor.goto("/networks?q=Giesing");
  await expect(visitor.getByRole("article", { name: stale })).not.toContainText(dn.directory.needsReview);
  await adminPage.goto("/admin/directory");
  await expect(adminPage.getByRole("row", { name: new RegExp(stale) })).toHaveCount(0);
});

test("a coordinator pauses a network in its settings; the public page then says it rests", async ({ newContext }) => {
  const context = await newContext();
  await signInViaApi(context.request, demo.coordinator.email, DEMO_PASSWORD);
  const page = await context.newPage();
  // Kulturnetz Westend is coordinated by someone else: Klara gets a 404, not a hint.
  expect((await page.goto("/networks/kulturnetz-westend/settings"))?.status()).toBe(404);

  await page.goto("/networks/nachbarschaftsnetz-giesing/settings");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Nachbarschaftsnetz Giesing");
  await page.getByLabel(dn.networkSettings.newStatus).selectOption("paused");
  await page.getByRole("button", { name: dn.networkSettings.changeStatus }).click();
  await expect(page.getByRole("status")).toContainText(dn.networkSettings.statusChanged);
  await page.goto("/networks/nachbarschaftsnetz-giesing");
  await expect(page.getByText(dn.network.statusMeaning.paused)).toBeVisible();
  // Back to active, so the data stays as the other tests expect it.
  await page.goto("/networks/nachbarschaftsnetz-giesing/settings");
  await page.getByLabel(dn.networkSettings.newStatus).selectOption("active");
  await page.getByRole("button", { name: dn.networkSettings.changeStatus }).click();
  await expect(page.getByRole("status")).toContainText(dn.networkSettings.statusChanged);
});
