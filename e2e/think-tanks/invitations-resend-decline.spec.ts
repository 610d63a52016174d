import deOutcomes from "../../lib/i18n/messages/de.outcomes.json" with { type: "json" };
import { DEMO_PASSWORD, demo, expect, field, newPerson, readMail, signInViaApi, test } from "../support/fixtures";

/* Think-tank invitations: keyboard-only invite, resend (the old link dies), one-click decline that tells the moderator, revoke. */

const pt = deOutcomes.participants;
const inv = deOutcomes.ttInvitation;
const mails = deOutcomes.participantsEmails;
const THINK_TANK = "Wie erreichen wir Eltern, die keine Elternabende besuchen?";
const fill = (template: string, values: Record<string, string>) => Object.entries(values).reduce((s, [k, v]) => s.replaceAll(`{${k}}`, v), template);

test("resend replaces the link, decline is one click and reaches the moderator, revoke removes the invitation", async ({ newContext, adminPage }) => {
  const modContext = await newContext();
  await signInViaApi(modContext.request, demo.moderator.email, DEMO_PASSWORD);
  const list = await modContext.request.get("/api/v1/think-tanks");
  const { thinkTanks } = (await list.json()) as { thinkTanks: Array<{ id: string; title: string }> };
  const seeded = thinkTanks.find((x) => x.title === THINK_TANK);
  if (!seeded) throw new Error("the demo think-tank is missing");
  const mod = await modContext.newPage();
  await mod.goto(`/think-tanks/${seeded.id}/participants`);

  // Invite with the keyboard only: type the address and press Enter.
  const guest = newPerson("eingeladen");
  const form = mod.getByRole("form", { name: pt.inviteTitle });
  await field(form, pt.inviteEmail).focus();
  await mod.keyboard.type(guest.email);
  await mod.keyboard.press("Enter");
  await expect(mod.getByRole("status").filter({ hasText: fill(pt.invited, { email: guest.email }) })).toBeVisible();
  const subject = fill(mails.invitation.subject, { thinkTank: THINK_TANK });
  const first = await readMail(adminPage, guest.email, subject);

  // Sending again issues a new link; the first one no longer works.
  await mod.getByRole("button", { name: fill(pt.resendFor, { email: guest.email }) }).click();
  await expect(mod.getByRole("status").filter({ hasText: fill(pt.resent, { email: guest.email }) })).toBeVisible();
  await adminPage.goto(`/admin/outbox?to=${encodeURIComponent(guest.email)}`);
  await expect(adminPage.getByRole("article", { name: `${subject} – ${guest.email}` })).toHaveCount(2);
  const second = await readMail(adminPage, guest.email, subject);
  expect(second.link).not.toBe(first.link);

  const guestContext = await newContext();
  const page = await guestContext.newPage();
  await page.goto(new URL(first.link).pathname);
  await expect(page.getByRole("heading", { level: 1, name: inv.unavailableTitle })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: inv.unknown })).toBeVisible();

  // One click declines (no account needed); the moderator gets an e-mail.
  await page.goto(new URL(second.link).pathname);
  await expect(page.getByText(THINK_TANK).first()).toBeVisible();
  await page.getByRole("button", { name: inv.decline }).click();
  await expect(page.getByRole("status")).toHaveText(new RegExp(inv.declined.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  await readMail(adminPage, demo.moderator.email, fill(mails.declined.subject, { person: guest.email, thinkTank: THINK_TANK }));
  await page.reload();
  await expect(page.getByRole("alert").filter({ hasText: inv.alreadyDeclined })).toBeVisible();

  // The moderator sees it declined and revokes it; it leaves the list.
  await mod.reload();
  const item = mod.getByRole("listitem").filter({ hasText: guest.email });
  await expect(item).toContainText(pt.declinedState);
  await mod.getByRole("button", { name: fill(pt.revokeFor, { email: guest.email }) }).click();
  await expect(mod.getByRole("status").filter({ hasText: fill(pt.revoked, { email: guest.email }) })).toBeVisible();
  await expect(mod.getByRole("button", { name: fill(pt.revokeFor, { email: guest.email }) })).toHaveCount(0);
});
