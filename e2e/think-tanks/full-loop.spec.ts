import deOutcomes from "../../lib/i18n/messages/de.outcomes.json" with { type: "json" };
import deThinkTanks from "../../lib/i18n/messages/de.thinktanks.json" with { type: "json" };
import { DEMO_PASSWORD, demo, escapeRegExp, expect, field, newPerson, readMail, signInViaApi, SLOW_HASH_TIMEOUT_MS, test } from "../support/fixtures";

/*
 * The "done when", end to end in the browser: a member logs a problem → a moderator
 * escalates it → invites a new person by e-mail (link from the dev outbox) → that person accepts
 * by signing up and sees only this think-tank → phases advance and the invitee sees it live →
 * the moderator concludes and hands back → the coordinator sees the new task in BiNet's
 * Work-Space with the link back to the think-tank.
 */

const tt = deThinkTanks.thinkTanks;
const live = deThinkTanks.thinkTankLive;
const ph = deThinkTanks.thinkTankPhases;
const esc = deThinkTanks.thinkTankEscalation;
const pt = deOutcomes.participants;
const inv = deOutcomes.ttInvitation;
const oc = deOutcomes.outcome;
const BINET = "BiNet – Bildungsnetzwerk Münchner Stiftungen";

const fill = (template: string, values: Record<string, string>) => Object.entries(values).reduce((s, [k, v]) => s.replaceAll(`{${k}}`, v), template);

test("problem → think-tank → invited knowledge-giver → live phases → conclusion → task back in BiNet's Work-Space", async ({ newContext, adminPage }) => {
  test.setTimeout(240_000);
  const stamp = Date.now().toString(36);
  const title = `Elternarbeit neu denken ${stamp}`;
  const question = "Wie könnten wir Eltern erreichen, die keine Elternabende besuchen?";
  const taskTitle = `Elterncafé am Kiosk erproben ${stamp}`;

  // 1. A BiNet member logs the problem (with the member's browser session).
  const memberContext = await newContext();
  await signInViaApi(memberContext.request, demo.member.email, DEMO_PASSWORD);
  const logged = await memberContext.request.post("/api/v1/networks/binet/problems", {
    data: { title, description: "Viele Eltern kommen nie zu Elternabenden.", urgency: "high" },
  });
  expect(logged.status()).toBe(201);

  // 2. The moderator escalates it from the inbox into a new think-tank.
  const modContext = await newContext();
  await signInViaApi(modContext.request, demo.moderator.email, DEMO_PASSWORD);
  const mod = await modContext.newPage();
  await mod.goto("/moderation/problems");
  await mod.getByRole("checkbox", { name: esc.selectLabel.replace("{title}", title) }).check();
  await mod.getByRole("button", { name: esc.newThinkTank }).click();
  const createForm = mod.getByRole("form", { name: tt.newTitle });
  await expect(field(createForm, tt.fields.title)).toHaveValue(title);
  await field(createForm, tt.fields.question).fill(question);
  await field(createForm, tt.fields.template).selectOption("dschool");
  await createForm.getByRole("button", { name: tt.create }).click();
  await expect(mod).toHaveURL(/\/think-tanks\/[0-9a-f-]{36}$/);
  const thinkTankUrl = new URL(mod.url()).pathname;

  // 3. The moderator invites a new person by e-mail as knowledge-giver.
  const guest = newPerson("wissen");
  await mod.goto(`${thinkTankUrl}/participants`);
  const inviteForm = mod.getByRole("form", { name: pt.inviteTitle });
  await field(inviteForm, pt.inviteEmail).fill(guest.email);
  await field(inviteForm, pt.inviteRole).selectOption("knowledge_giver");
  await inviteForm.getByRole("button", { name: pt.inviteSubmit }).click();
  await expect(mod.getByRole("status").filter({ hasText: fill(pt.invited, { email: guest.email }) })).toBeVisible();
  await expect(mod.getByRole("button", { name: fill(pt.revokeFor, { email: guest.email }) })).toBeVisible();

  // 4. The invitation mail (dev outbox) names think-tank, question, moderator and role, and carries the link.
  const mail = await readMail(adminPage, guest.email, fill(deOutcomes.participantsEmails.invitation.subject, { thinkTank: title }));
  expect(mail.text).toContain(question);
  expect(mail.text).toContain(demo.moderator.name);
  expect(mail.text).toContain(deOutcomes.participantsEmails.roles.knowledge_giver);
  expect(mail.link).toMatch(/\/think-tank-invitations\/[A-Za-z0-9_-]{20,}$/);

  // 5. The invitee accepts by signing up (name and password) and lands in the think-tank.
  const guestContext = await newContext();
  const invitee = await guestContext.newPage();
  await invitee.goto(new URL(mail.link).pathname);
  await expect(invitee.getByRole("heading", { level: 1, name: inv.title })).toBeVisible();
  await expect(invitee.getByText(title)).toBeVisible();
  await expect(invitee.getByText(question)).toBeVisible();
  const signUp = invitee.getByRole("form", { name: inv.signUpTitle });
  await field(signUp, inv.name).fill(guest.name);
  await field(signUp, inv.password).fill(guest.password);
  await signUp.getByRole("button", { name: inv.signUpSubmit }).click();
  await expect(invitee).toHaveURL(new RegExp(`${escapeRegExp(thinkTankUrl)}\\?welcome=1$`), { timeout: SLOW_HASH_TIMEOUT_MS });
  await expect(invitee.getByRole("heading", { level: 1, name: title })).toBeVisible();

  // ... and sees nothing of any network: BiNet's Work-Space answers 404.
  const workspace = await invitee.goto("/networks/binet/workspace");
  expect(workspace?.status()).toBe(404);
  const tasksPage = await invitee.goto("/networks/binet/workspace/tasks");
  expect(tasksPage?.status()).toBe(404);

  // The moderator sees the new participant (the invitation is used up).
  await mod.goto(`${thinkTankUrl}/participants`);
  await expect(mod.getByRole("rowheader", { name: new RegExp(escapeRegExp(guest.name)) })).toBeVisible();
  await expect(mod.getByRole("button", { name: fill(pt.revokeFor, { email: guest.email }) })).toHaveCount(0);

  // 6. Phases advance and the invitee's page follows live (two browsers, no reload).
  await invitee.goto(thinkTankUrl);
  const panel = invitee.getByTestId("live-phase");
  await expect(panel.getByTestId("current-phase-name")).toHaveText(live.none);
  await expect(panel.getByText(live.live)).toBeVisible();
  await mod.goto(`${thinkTankUrl}/phases`);
  await mod.getByRole("button", { name: fill(ph.actionLabel, { action: ph.actions.start, phase: "Empathize" }) }).click();
  await expect(panel.getByTestId("current-phase-name")).toHaveText("Empathize");
  await expect(panel.getByTestId("current-phase-status")).toContainText(live.phaseStatus.running);
  await mod.getByRole("button", { name: fill(ph.actionLabel, { action: ph.actions.complete, phase: "Empathize" }) }).click();
  await expect(panel.getByTestId("current-phase-status")).toContainText(live.phaseStatus.completed);
  await mod.getByRole("button", { name: fill(ph.actionLabel, { action: ph.actions.start, phase: "Define" }) }).click();
  await expect(panel.getByTestId("current-phase-name")).toHaveText("Define");
  await expect(panel.getByTestId("current-phase-status")).toContainText(live.phaseStatus.running);

  // 7. The moderator concludes: outcome, the origin problem resolved.
  await mod.goto(`${thinkTankUrl}/outcome`);
  const conclude = mod.getByRole("form", { name: oc.concludeTitle });
  await field(conclude, oc.summary).fill("Eltern erreicht man dort, wo sie ohnehin sind: am Kiosk, beim Abholen, in der Community.");
  await field(conclude, oc.decisions).fill("Pilot an zwei BiNet-Schulen.");
  await field(conclude, oc.freeIdeas).fill("Elterncafé am Kiosk\nSprachmittler:innen");
  await conclude.getByRole("group", { name: new RegExp(escapeRegExp(title)) }).getByLabel(oc.resolved, { exact: true }).check();
  await conclude.getByRole("button", { name: oc.concludeSubmit }).click();
  await expect(mod.getByRole("region", { name: oc.summary })).toContainText("Eltern erreicht man dort, wo sie ohnehin sind");
  await expect(mod.getByRole("region", { name: oc.ideas }).getByRole("listitem").filter({ hasText: "Sprachmittler:innen" })).toBeVisible();
  await expect(mod.getByRole("region", { name: oc.problems })).toContainText(`${title} (${BINET}): ${oc.resolved}`);
  // The invitee's page follows the conclusion live: the running phase is completed.
  await expect(panel.getByTestId("current-phase-status")).toContainText(live.phaseStatus.completed);

  // ... and hands a result back as a task into BiNet's Work-Space, owned by the coordinator.
  const handBack = mod.getByRole("form", { name: oc.handBackTitle });
  await field(handBack, oc.network).selectOption({ label: BINET });
  await field(handBack, oc.taskTitle).fill(taskTitle);
  await field(handBack, oc.owner).selectOption({ label: demo.coordinator.name });
  await field(handBack, oc.dueDate).fill("2027-06-30");
  await handBack.getByRole("button", { name: oc.handBackSubmit }).click();
  await expect(mod.getByRole("status").filter({ hasText: fill(oc.handedBack, { title: taskTitle }) })).toBeVisible();
  await expect(mod.getByRole("link", { name: taskTitle })).toBeVisible();

  // 8. The coordinator finds the task in BiNet's Work-Space, with the link back to the think-tank.
  const coordContext = await newContext();
  await signInViaApi(coordContext.request, demo.coordinator.email, DEMO_PASSWORD);
  const coordinator = await coordContext.newPage();
  await coordinator.goto("/networks/binet/workspace");
  const outcomes = coordinator.getByRole("region", { name: deOutcomes.outcomeWorkspace.title });
  await expect(outcomes.getByText(title)).toBeVisible();
  await coordinator.goto("/networks/binet/workspace/tasks");
  await coordinator.getByRole("link", { name: taskTitle }).first().click();
  await expect(coordinator.getByRole("heading", { name: taskTitle })).toBeVisible();
  const back = coordinator.getByRole("link", { name: fill(deOutcomes.outcomeWorkspace.linkBack, { title }) });
  await expect(back).toHaveAttribute("href", `${thinkTankUrl}/outcome`);
});
