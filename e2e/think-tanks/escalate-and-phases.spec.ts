import deProblems from "../../lib/i18n/messages/de.problems.json" with { type: "json" };
import deThinkTanks from "../../lib/i18n/messages/de.thinktanks.json" with { type: "json" };
import { DEMO_PASSWORD, demo, escapeRegExp, expect, field, signInViaApi, test } from "../support/fixtures";

const tt = deThinkTanks.thinkTanks;
const live = deThinkTanks.thinkTankLive;
const ph = deThinkTanks.thinkTankPhases;
const esc = deThinkTanks.thinkTankEscalation;

test("a moderator escalates a problem from the inbox into a new think-tank; a reader's page follows phase changes live", async ({ newContext }) => {
  const title = `Eltern erreichen ${Date.now().toString(36)}`;

  // A BiNet member logs the problem (through the JSON API with the member's session).
  const memberContext = await newContext();
  await signInViaApi(memberContext.request, demo.member.email, DEMO_PASSWORD);
  const logged = await memberContext.request.post("/api/v1/networks/binet/problems", {
    data: { title, description: "Viele Eltern kommen nie zu Elternabenden.", urgency: "high" },
  });
  expect(logged.status()).toBe(201);
  const { problem } = (await logged.json()) as { problem: { id: string } };

  // The moderator selects it in the inbox and escalates it into a new think-tank.
  const modContext = await newContext();
  await signInViaApi(modContext.request, demo.moderator.email, DEMO_PASSWORD);
  const mod = await modContext.newPage();
  await mod.goto("/moderation/problems");
  await mod.getByRole("checkbox", { name: esc.selectLabel.replace("{title}", title) }).check();
  await mod.getByRole("button", { name: esc.newThinkTank }).click();
  await expect(mod).toHaveURL(/\/think-tanks\/new\?problemIds=/);
  const form = mod.getByRole("form", { name: tt.newTitle });
  await expect(form.getByText(new RegExp(escapeRegExp(title)))).toBeVisible();
  await expect(field(form, tt.fields.title)).toHaveValue(title);
  await field(form, tt.fields.question).fill("Wie könnten wir Eltern erreichen, die keine Elternabende besuchen?");
  await field(form, tt.fields.template).selectOption("dschool");
  // Origin networks read along: the member who logged the problem may follow the think-tank.
  await field(form, tt.fields.visibility).selectOption("origin_networks");
  await form.getByRole("button", { name: tt.create }).click();
  await expect(mod).toHaveURL(/\/think-tanks\/[0-9a-f-]{36}$/);
  const thinkTankUrl = new URL(mod.url()).pathname;
  await expect(mod.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(mod.getByText(tt.status.convening).first()).toBeVisible();
  await expect(mod.getByText(tt.overview.originProblem.replace("{title}", title).replace("{network}", "BiNet – Bildungsnetzwerk Münchner Stiftungen"), { exact: false })).toBeVisible();

  // The problem's status and history show the think-tank.
  const memberPage = await memberContext.newPage();
  await memberPage.goto(`/networks/binet/workspace/problems/${problem.id}`);
  await expect(memberPage.getByText(deProblems.problems.statusLabel.replace("{status}", deProblems.problems.status.in_think_tank))).toBeVisible();
  await expect(memberPage.getByText(`Aufgenommen in den Think-Tank „${title}“`)).toBeVisible();

  // The member opens the think-tank in a second browser and waits for the live connection.
  await memberPage.goto(thinkTankUrl);
  const panel = memberPage.getByTestId("live-phase");
  await expect(panel.getByTestId("current-phase-name")).toHaveText(live.none);
  await expect(panel.getByText(live.live)).toBeVisible();

  // The moderator starts the first phase; the member's page shows it without reloading.
  await mod.goto(`${thinkTankUrl}/phases`);
  await mod.getByRole("button", { name: ph.actionLabel.replace("{action}", ph.actions.start).replace("{phase}", "Empathize") }).click();
  // The moderator's own page announces the change in the live panel's status region.
  await expect(mod.getByTestId("live-phase").getByRole("status")).toHaveText(live.updated.replace("{phase}", "Empathize").replace("{status}", live.phaseStatus.running));
  await expect(panel.getByTestId("current-phase-name")).toHaveText("Empathize");
  await expect(panel.getByTestId("current-phase-status")).toContainText(live.phaseStatus.running);
  await expect(panel.getByRole("timer")).toHaveText(/^Verbleibend: (1:30:00|1:29:\d\d)$/);
  // Starting the first phase made the think-tank active (the header badge, refreshed live).
  await expect(memberPage.locator(`main header [data-status="active"]`)).toHaveText(new RegExp(`${tt.status.active}$`));

  // Completing it reaches the member live as well, and the history names the moderator.
  await mod.getByRole("button", { name: ph.actionLabel.replace("{action}", ph.actions.complete).replace("{phase}", "Empathize") }).click();
  await expect(panel.getByTestId("current-phase-status")).toContainText(live.phaseStatus.completed);
  await expect(memberPage.getByTestId("phase-history").getByText(`Empathize: abgeschlossen von ${demo.moderator.name}`)).toBeVisible();

  // The member reads along but has no phase controls.
  await memberPage.goto(`${thinkTankUrl}/phases`);
  await expect(memberPage.getByRole("heading", { name: "Empathize" })).toBeVisible();
  await expect(memberPage.getByRole("button", { name: new RegExp(`^${ph.actions.start}`) })).toHaveCount(0);
});
