import deProblems from "../../lib/i18n/messages/de.problems.json" with { type: "json" };
import { DEMO_PASSWORD, demo, expect, field, signInViaApi, test } from "../support/fixtures";

const a = deProblems.announcements;
const u = deProblems.unsubscribe;
const BINET = "BiNet – Bildungsnetzwerk Münchner Stiftungen";
// A member other specs leave alone: this one unsubscribes them.
const RECIPIENT = "verein@binet.test";

test("the coordinator sends an announcement, the admin sees the mails, the unsubscribe link works signed out", async ({ newContext, adminPage }) => {
  const subject = `Netzwerktreffen im Oktober ${Date.now().toString(36)}`;

  const coordContext = await newContext();
  await signInViaApi(coordContext.request, demo.coordinator.email, DEMO_PASSWORD);
  const coordinator = await coordContext.newPage();
  await coordinator.goto("/networks/binet/workspace/announcements");
  const form = coordinator.getByRole("form", { name: a.compose });
  // An empty subject is a field error; nothing is sent.
  await field(form, a.body).fill("Wir treffen uns am Donnerstag von 16 bis 18 Uhr in der Implerstraße.");
  await form.getByRole("button", { name: a.send }).click();
  await expect(field(form, a.subject)).toHaveAttribute("aria-invalid", "true");
  await field(form, a.subject).fill(subject);
  await form.getByRole("button", { name: a.send }).click();
  await expect(coordinator.getByRole("status").filter({ hasText: /ging per E-Mail an \d+ Mitglied/ })).toBeVisible();
  await expect(coordinator.getByRole("article", { name: subject })).toBeVisible();
  // Newest first.
  await expect(coordinator.getByRole("article").first()).toHaveAccessibleName(subject);

  // The admin reads the mail in the outbox; it carries an unsubscribe link.
  await adminPage.goto(`/admin/outbox?to=${encodeURIComponent(RECIPIENT)}`);
  const mail = adminPage.getByRole("article", { name: `[${BINET}] ${subject} – ${RECIPIENT}` });
  await expect(mail).toBeVisible();
  await expect(mail).toContainText("Wir treffen uns am Donnerstag");
  const unsubscribeHref = await mail.getByRole("link", { name: /\/unsubscribe\// }).getAttribute("href");
  expect(unsubscribeHref).toBeTruthy();
  await adminPage.goto(`/admin/outbox?to=${encodeURIComponent(demo.member.email)}`);
  await expect(adminPage.getByRole("article", { name: `[${BINET}] ${subject} – ${demo.member.email}` })).toBeVisible();

  // Signed out: GET only asks; the button mutes.
  const anonymous = await (await newContext()).newPage();
  await anonymous.goto(unsubscribeHref ?? "");
  await expect(anonymous.getByRole("heading", { level: 1, name: u.title })).toBeVisible();
  await expect(anonymous.getByText(u.confirmLead.replace("{network}", BINET))).toBeVisible();
  await anonymous.getByRole("button", { name: u.confirm }).click();
  await expect(anonymous.getByRole("main").getByRole("status")).toContainText(u.done.replace("{network}", BINET));
  await anonymous.reload();
  await expect(anonymous.getByRole("main").getByRole("status")).toContainText(u.done.replace("{network}", BINET));

  // The next announcement reaches other members but not the one who unsubscribed.
  const second = `${subject} – Nachtrag`;
  await field(form, a.subject).fill(second);
  await field(form, a.body).fill("Bitte bringt Namensschilder mit.");
  await form.getByRole("button", { name: a.send }).click();
  await expect(coordinator.getByRole("article", { name: second })).toBeVisible();
  await adminPage.goto(`/admin/outbox?to=${encodeURIComponent(demo.member.email)}`);
  await expect(adminPage.getByRole("article", { name: `[${BINET}] ${second} – ${demo.member.email}` })).toBeVisible();
  await adminPage.goto(`/admin/outbox?to=${encodeURIComponent(RECIPIENT)}`);
  await expect(adminPage.getByRole("article", { name: `[${BINET}] ${subject} – ${RECIPIENT}` })).toBeVisible();
  await expect(adminPage.getByRole("article", { name: `[${BINET}] ${second} – ${RECIPIENT}` })).toHaveCount(0);

  // The member sees they are muted on the announcements page and can turn e-mails back on.
  const memberContext = await newContext();
  await signInViaApi(memberContext.request, RECIPIENT, DEMO_PASSWORD);
  const member = await memberContext.newPage();
  await member.goto("/networks/binet/workspace/announcements");
  await expect(member.getByText(a.mutedState)).toBeVisible();
  await expect(member.getByRole("form", { name: a.compose })).toHaveCount(0);
  await member.getByRole("button", { name: a.unmute }).click();
  await expect(member.getByText(a.unmutedState)).toBeVisible();
});

test("a tampered unsubscribe link gives a clear message", async ({ page }) => {
  await page.goto("/unsubscribe/dGFtcGVyZWQ.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  await expect(page.getByRole("heading", { level: 1, name: u.invalidTitle })).toBeVisible();
  await expect(page.getByRole("main").getByRole("alert")).toContainText(u.invalid);
  await expect(page.getByRole("button", { name: u.confirm })).toHaveCount(0);
});
