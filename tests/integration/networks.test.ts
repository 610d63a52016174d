import { randomBytes } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET as directoryRoute } from "@/app/api/v1/directory/route";
import { networkActivity, networkMembers, networks, type NetworkContact } from "@/db/schema";
import {
  approveNetwork,
  changeNetworkStatus,
  confirmDirectoryEntry,
  createNetwork,
  declineNetwork,
  proposeNetwork,
  updateNetwork,
} from "@/lib/networks/commands";
import { getNetworkPage, getNetworkSettings, listDirectory, listProposals, listStaleEntries } from "@/lib/networks/queries";
// Renamed on import: they are Vitest set-up helpers, not React hooks (the lint rule goes by the name).
import { testDriver, useTestDatabase as setUpTestDatabase } from "../support/database";
import { useEnv as setUpEnv } from "../support/env";
import { actorOf, auditEntries, createUser, outboxFor } from "../support/factories";
import { appError } from "../support/errors";

const t = setUpTestDatabase();
const setEnv = setUpEnv();

beforeEach(() => {
  vi.spyOn(console, "info").mockImplementation(() => {});
  setEnv({ SMTP_URL: undefined, APP_URL: "https://nzw.example" });
});


const token = () => randomBytes(4).toString("hex");

type Seed = {
  name?: string;
  focus?: string;
  description?: string;
  socialAreas?: string[];
  contact?: NetworkContact;
  listed?: boolean;
  status?: "active" | "paused" | "archived";
  approval?: "proposed" | "approved" | "declined";
  lastVerifiedAt?: Date | null;
  createdById?: string | null;
  members?: Array<{ userId: string; role: "coordinator" | "member" }>;
};

/** A network row as the directory would hold it (inserted directly: the commands are under test elsewhere). */
async function seedNetwork(seed: Seed = {}) {
  const slug = `n-${token()}`;
  const [row] = await t.db
    .insert(networks)
    .values({
      slug,
      name: seed.name ?? `Netz ${slug}`,
      focus: seed.focus ?? "",
      description: seed.description ?? "",
      socialAreas: seed.socialAreas ?? [],
      contact: seed.contact ?? {},
      listed: seed.listed ?? true,
      status: seed.status ?? "active",
      approval: seed.approval ?? "approved",
      lastVerifiedAt: seed.lastVerifiedAt === undefined ? new Date() : seed.lastVerifiedAt,
      createdById: seed.createdById ?? null,
    })
    .returning();
  if (!row) throw new Error("insert failed");
  for (const m of seed.members ?? []) await t.db.insert(networkMembers).values({ networkId: row.id, ...m });
  return row;
}

const slugs = (entries: Array<{ slug: string }>) => entries.map((e) => e.slug).sort();

describe(`directory search and filters (${testDriver()})`, () => {
  it("finds networks by German full text (stems) and by parts of words, in name, focus, description and areas", async () => {
    const w = token();
    const school = await seedNetwork({ name: `Schulnetz ${w}`, description: "Wir verbinden Schulen und Eltern im Viertel.", focus: "Bildung" });
    const garden = await seedNetwork({ name: `Gartenrunde ${w}`, focus: "Urban Gardening", socialAreas: ["Hasenbergl"], description: "Gemeinschaftsgärten." });
    const both = [school.slug, garden.slug].sort();

    expect(slugs(await listDirectory({ q: w }))).toEqual(both);
    // Full text with German stemming: "Schule" finds "Schulen".
    expect(slugs(await listDirectory({ q: `Schule ${w}` }))).toEqual([school.slug]);
    // Part of a word (no stem matches): the substring fallback.
    expect(slugs(await listDirectory({ q: `Hasenb ${w}` }))).toEqual([garden.slug]);
    expect(slugs(await listDirectory({ q: `gardening ${w}` }))).toEqual([garden.slug]);
    expect(slugs(await listDirectory({ q: `Elt ${w}` }))).toEqual([school.slug]);
    expect(await listDirectory({ q: `nirgendwo-${w}` })).toEqual([]);
    // LIKE wildcards typed by people are literal characters ("Gart%runde" would match "Gartenrunde" otherwise).
    expect(await listDirectory({ q: `Gart%runde ${w}` })).toEqual([]);
    expect(await listDirectory({ q: `Gartenr_nde ${w}` })).toEqual([]);
  });

  it("filters by area (ignoring case), focus and status, combined with search", async () => {
    const w = token();
    const a = await seedNetwork({ name: `A ${w}`, socialAreas: ["Sendling", `Area-${w}`], focus: `Fokus-${w}`, status: "active" });
    const b = await seedNetwork({ name: `B ${w}`, socialAreas: [`Area-${w}`], focus: "Anderes", status: "paused" });
    await seedNetwork({ name: `C ${w}`, socialAreas: ["Giesing"], focus: `Fokus-${w}`, status: "archived" });

    expect(slugs(await listDirectory({ area: `area-${w}` }))).toEqual([a.slug, b.slug].sort());
    expect(slugs(await listDirectory({ area: `Area-${w}`, status: "paused" }))).toEqual([b.slug]);
    expect(slugs(await listDirectory({ focus: `fokus-${w}`, q: w, status: "active" }))).toEqual([a.slug]);
    expect((await listDirectory({ q: w, status: "archived" })).map((e) => e.name)).toEqual([`C ${w}`]);
  });

  it("lists only approved, listed networks", async () => {
    const w = token();
    const listed = await seedNetwork({ name: `Listed ${w}` });
    await seedNetwork({ name: `Unlisted ${w}`, listed: false });
    await seedNetwork({ name: `Proposed ${w}`, approval: "proposed" });
    await seedNetwork({ name: `Declined ${w}`, approval: "declined" });
    expect(slugs(await listDirectory({ q: w }))).toEqual([listed.slug]);
  });

  it("shows members' sectors as counts, and marks entries not confirmed for 12 months", async () => {
    const w = token();
    const [f1, f2, s1, none] = await Promise.all([
      createUser({ sector: "foundation", name: `Hidden Person ${w}` }),
      createUser({ sector: "foundation" }),
      createUser({ sector: "school_education" }),
      createUser({ sector: null }),
    ]);
    const old = new Date();
    old.setUTCMonth(old.getUTCMonth() - 13);
    const network = await seedNetwork({
      name: `Mix ${w}`,
      lastVerifiedAt: old,
      members: [f1, f2, s1, none].map((u, i) => ({ userId: u.id, role: i === 0 ? "coordinator" : "member" })),
    });
    const fresh = await seedNetwork({ name: `Fresh ${w}` });
    const entries = await listDirectory({ q: w });
    const mix = entries.find((e) => e.slug === network.slug);
    expect(mix?.memberCount).toBe(4);
    expect(mix?.sectors).toEqual([
      { sector: "foundation", count: 2 },
      { sector: "school_education", count: 1 },
      { sector: "unspecified", count: 1 },
    ]);
    expect(mix?.needsReview).toBe(true);
    expect(entries.find((e) => e.slug === fresh.slug)?.needsReview).toBe(false);
    expect(JSON.stringify(entries)).not.toContain("Hidden Person");
  });
});

describe(`public fields only (${testDriver()})`, () => {
  const secret = () => `geheim-${token()}@example.test`;

  it("never lets a non-public contact field out: directory data, JSON, CSV and the network page", async () => {
    const w = token();
    const hiddenEmail = secret();
    const network = await seedNetwork({
      name: `Kontakt ${w}`,
      contact: { organisation: `Org ${w}`, person: "Verborgene Person", email: hiddenEmail, phone: "+49 89 0000", website: "https://netz.example", public: ["organisation", "website"] },
    });

    const [entry] = await listDirectory({ q: w });
    expect(entry?.contact).toEqual({ organisation: `Org ${w}`, website: "https://netz.example" });

    const json = await directoryRoute(new NextRequest(`https://nzw.example/api/v1/directory?q=${w}`));
    expect(json.status).toBe(200);
    expect(json.headers.get("access-control-allow-origin")).toBe("*");
    const body = (await json.json()) as { networks: Array<Record<string, unknown>> };
    expect(body.networks).toHaveLength(1);
    expect(body.networks[0]).toMatchObject({
      slug: network.slug,
      url: `https://nzw.example/networks/${network.slug}`,
      contact: { organisation: `Org ${w}`, website: "https://netz.example" },
    });

    const csvResponse = await directoryRoute(new NextRequest(`https://nzw.example/api/v1/directory?q=${w}&format=csv`, { headers: { "accept-language": "de" } }));
    expect(csvResponse.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csvResponse.headers.get("content-disposition")).toMatch(/^attachment; filename="netzwerke-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await csvResponse.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv).toContain(`Org ${w}`);
    expect(csv.split("\r\n")[0]).toContain("Sozialräume");

    const page = await getNetworkPage(null, network.slug);
    for (const text of [JSON.stringify(body), csv, JSON.stringify(page)]) {
      expect(text).not.toContain(hiddenEmail);
      expect(text).not.toContain("Verborgene Person");
      expect(text).not.toContain("+49 89 0000");
    }
  });

  it("applies the same search and filters to the JSON API", async () => {
    const w = token();
    await seedNetwork({ name: `Api A ${w}`, status: "paused" });
    await seedNetwork({ name: `Api B ${w}` });
    const response = await directoryRoute(new NextRequest(`https://nzw.example/api/v1/directory?q=${w}&status=paused`));
    const body = (await response.json()) as { networks: Array<{ name: string }> };
    expect(body.networks.map((n) => n.name)).toEqual([`Api A ${w}`]);
  });
});

describe(`creating and proposing networks (${testDriver()})`, () => {
  const input = (name: string) => ({
    name,
    focus: "Nachbarschaft",
    description: "Beschreibung",
    socialAreas: "Giesing, Au",
    contactEmail: "kontakt@netz.example",
    contactPublic: ["email"],
    listed: "true",
  });

  it("lets admins and moderators create an approved network they coordinate, audited, with a unique slug", async () => {
    const moderator = await createUser({ role: "moderator" });
    const name = `Bürgernetz Süd ${token()}`;
    const first = await createNetwork({ actor: actorOf(moderator), input: input(name) });
    const second = await createNetwork({ actor: actorOf(moderator), input: input(name) });
    expect(first.slug).toMatch(/^buergernetz-sued-[0-9a-f]{8}$/);
    expect(second.slug).toBe(`${first.slug}-2`);

    const [row] = await t.db.select().from(networks).where(eq(networks.id, first.id));
    expect(row).toMatchObject({ approval: "approved", listed: true, socialAreas: ["Giesing", "Au"], createdById: moderator.id });
    expect(row?.lastVerifiedAt).toBeInstanceOf(Date);
    const members = await t.db.select().from(networkMembers).where(eq(networkMembers.networkId, first.id));
    expect(members).toEqual([expect.objectContaining({ userId: moderator.id, role: "coordinator" })]);
    expect(await auditEntries({ action: "network.created", subjectId: first.id })).toHaveLength(1);
    const activity = await t.db.select().from(networkActivity).where(eq(networkActivity.networkId, first.id));
    expect(activity.map((a) => a.verb)).toEqual(["network.created"]);
  });

  it("never hands out the reserved slug 'new'", async () => {
    const admin = await createUser({ role: "admin" });
    await t.db.delete(networks).where(eq(networks.slug, "new-2"));
    const created = await createNetwork({ actor: actorOf(admin), input: { name: "New" } });
    expect(created.slug).not.toBe("new");
  });

  it("makes another existing person the first coordinator when asked, and refuses unknown people", async () => {
    const admin = await createUser({ role: "admin" });
    const klara = await createUser();
    const created = await createNetwork({ actor: actorOf(admin), input: { ...input(`Netz ${token()}`), coordinatorEmail: klara.email.toUpperCase() } });
    const members = await t.db.select().from(networkMembers).where(eq(networkMembers.networkId, created.id));
    expect(members).toEqual([expect.objectContaining({ userId: klara.id, role: "coordinator" })]);

    const name = `Nobody ${token()}`;
    const error = await appError(createNetwork({ actor: actorOf(admin), input: { ...input(name), coordinatorEmail: "niemand@example.test" } }));
    expect(error.code).toBe("invalid_input");
    expect(error.fields).toEqual({ coordinatorEmail: ["unknownUser"] });
    expect(await t.db.select().from(networks).where(eq(networks.name, name))).toEqual([]);
  });

  it("refuses members and anonymous visitors, and bad input writes nothing", async () => {
    const member = await createUser();
    expect((await appError(createNetwork({ actor: actorOf(member), input: input("Darf nicht") }))).code).toBe("forbidden");
    expect((await appError(createNetwork({ actor: null, input: input("Darf nicht") }))).code).toBe("unauthenticated");
    const moderator = await createUser({ role: "moderator" });
    const error = await appError(createNetwork({ actor: actorOf(moderator), input: { name: " ", contactWebsite: "ftp://x", contactEmail: "nope" } }));
    expect(error.fields).toMatchObject({ name: ["required"], contactWebsite: ["website"], contactEmail: ["email"] });
    const [n] = await t.db.select({ n: count() }).from(networks).where(eq(networks.name, "Darf nicht"));
    expect(n?.n).toBe(0);
  });

  it("lets any member propose; the proposal is hidden, admins are told, and only an admin approves it", async () => {
    const admin = await createUser({ role: "admin" });
    const moderator = await createUser({ role: "moderator" });
    const proposer = await createUser({ name: "Petra Proposer", locale: "en" });
    const outsider = await createUser();
    const name = `Elterncafé ${token()}`;
    const proposal = await proposeNetwork({ actor: actorOf(proposer), input: input(name) });

    const [row] = await t.db.select().from(networks).where(eq(networks.id, proposal.id));
    expect(row).toMatchObject({ approval: "proposed", createdById: proposer.id, lastVerifiedAt: null });
    expect(await t.db.select().from(networkMembers).where(eq(networkMembers.networkId, proposal.id))).toEqual([]);
    expect((await outboxFor(admin.email)).map((m) => m.kind)).toContain("network.proposalReceived");
    expect((await listProposals(actorOf(admin))).map((p) => p.id)).toContain(proposal.id);

    // Hidden from the directory and from everybody but the proposer and admins.
    expect(await listDirectory({ q: name })).toEqual([]);
    for (const actor of [null, actorOf(outsider), actorOf(moderator)]) {
      expect((await appError(getNetworkPage(actor, proposal.slug))).code).toBe("not_found");
    }
    expect((await getNetworkPage(actorOf(proposer), proposal.slug)).network.approval).toBe("proposed");
    expect((await getNetworkPage(actorOf(admin), proposal.slug)).network.approval).toBe("proposed");

    expect((await appError(approveNetwork({ actor: actorOf(moderator), input: { network: proposal.id } }))).code).toBe("forbidden");
    expect((await appError(approveNetwork({ actor: actorOf(proposer), input: { network: proposal.id } }))).code).toBe("forbidden");
    expect((await appError(listProposals(actorOf(moderator)))).code).toBe("forbidden");

    await approveNetwork({ actor: actorOf(admin), input: { network: proposal.id } });
    const [approved] = await t.db.select().from(networks).where(eq(networks.id, proposal.id));
    expect(approved?.approval).toBe("approved");
    expect(approved?.lastVerifiedAt).toBeInstanceOf(Date);
    const members = await t.db.select().from(networkMembers).where(eq(networkMembers.networkId, proposal.id));
    expect(members).toEqual([expect.objectContaining({ userId: proposer.id, role: "coordinator" })]);
    const mails = await outboxFor(proposer.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ kind: "network.proposalApproved" });
    expect(mails[0]?.subject).toContain(name);
    expect(mails[0]?.text).toContain(`https://nzw.example/networks/${proposal.slug}`);
    expect(await auditEntries({ action: "network.approved", subjectId: proposal.id })).toHaveLength(1);
    expect(slugs(await listDirectory({ q: name }))).toEqual([proposal.slug]);

    // Decided once: approving or declining again is a conflict.
    expect((await appError(approveNetwork({ actor: actorOf(admin), input: { network: proposal.id } }))).code).toBe("conflict");
    expect((await appError(declineNetwork({ actor: actorOf(admin), input: { network: proposal.id, reason: "zu spät" } }))).code).toBe("conflict");
  });

  it("declines only with a reason, which reaches the proposer by e-mail", async () => {
    const admin = await createUser({ role: "admin" });
    const proposer = await createUser();
    const proposal = await proposeNetwork({ actor: actorOf(proposer), input: input(`Abgelehnt ${token()}`) });

    const missing = await appError(declineNetwork({ actor: actorOf(admin), input: { network: proposal.id, reason: "  " } }));
    expect(missing.code).toBe("invalid_input");
    expect(missing.fields).toEqual({ reason: ["declineReasonRequired"] });
    const [still] = await t.db.select().from(networks).where(eq(networks.id, proposal.id));
    expect(still?.approval).toBe("proposed");
    expect(await outboxFor(proposer.email)).toEqual([]);

    const reason = "Das Netzwerk gibt es schon: BiNet.";
    await declineNetwork({ actor: actorOf(admin), input: { network: proposal.id, reason } });
    const [declined] = await t.db.select().from(networks).where(eq(networks.id, proposal.id));
    expect(declined).toMatchObject({ approval: "declined", declineReason: reason });
    const mails = await outboxFor(proposer.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ kind: "network.proposalDeclined" });
    expect(mails[0]?.text).toContain(reason);
    expect(await auditEntries({ action: "network.declined", subjectId: proposal.id })).toEqual([expect.objectContaining({ actorId: admin.id, data: { slug: proposal.slug, reason } })]);
    expect(await t.db.select().from(networkMembers).where(eq(networkMembers.networkId, proposal.id))).toEqual([]);
    expect((await appError(getNetworkPage(null, proposal.slug))).code).toBe("not_found");
  });
});

describe(`who sees a network page (${testDriver()})`, () => {
  it("shows unlisted networks only to those who see the Work-Space, and member names only to them", async () => {
    const coordinator = await createUser({ name: `Koordi ${token()}` });
    const member = await createUser();
    const outsider = await createUser();
    const moderator = await createUser({ role: "moderator" });
    const members = [
      { userId: coordinator.id, role: "coordinator" as const },
      { userId: member.id, role: "member" as const },
    ];
    const unlisted = await seedNetwork({ listed: false, members });
    for (const actor of [null, actorOf(outsider)]) expect((await appError(getNetworkPage(actor, unlisted.slug))).code).toBe("not_found");
    for (const actor of [actorOf(member), actorOf(moderator)]) {
      const page = await getNetworkPage(actor, unlisted.slug);
      expect(page.members?.map((m) => m.name)).toContain(coordinator.name);
    }

    const listed = await seedNetwork({ members });
    const anonymous = await getNetworkPage(null, listed.slug);
    expect(anonymous.members).toBeNull();
    expect(anonymous.memberCount).toBe(2);
    expect(JSON.stringify(anonymous)).not.toContain(coordinator.name);
    expect((await getNetworkPage(actorOf(outsider), listed.slug)).viewer).toMatchObject({ seesWorkspace: false, canEdit: false, canConfirm: false });
    expect((await getNetworkPage(actorOf(coordinator), listed.slug)).viewer).toMatchObject({ seesWorkspace: true, canEdit: true, canConfirm: true });
    expect((await appError(getNetworkPage(null, `missing-${token()}`))).code).toBe("not_found");
  });

  it("opens the settings only to coordinators and admins", async () => {
    const coordinator = await createUser();
    const member = await createUser();
    const admin = await createUser({ role: "admin" });
    const network = await seedNetwork({ members: [{ userId: coordinator.id, role: "coordinator" }, { userId: member.id, role: "member" }] });
    expect((await getNetworkSettings(actorOf(coordinator), network.slug)).canEdit).toBe(true);
    expect((await getNetworkSettings(actorOf(admin), network.slug)).statusOptions).toEqual(["paused", "archived"]);
    expect((await appError(getNetworkSettings(actorOf(member), network.slug))).code).toBe("forbidden");
    expect((await appError(getNetworkSettings(actorOf(await createUser()), network.slug))).code).toBe("not_found");
  });
});

describe(`editing, status and confirming (${testDriver()})`, () => {
  async function setup(status: "active" | "paused" | "archived" = "active") {
    const coordinator = await createUser();
    const member = await createUser();
    const admin = await createUser({ role: "admin" });
    const old = new Date();
    old.setUTCFullYear(old.getUTCFullYear() - 2);
    const network = await seedNetwork({
      status,
      lastVerifiedAt: old,
      contact: { email: "alt@netz.example", public: ["email"] },
      members: [
        { userId: coordinator.id, role: "coordinator" },
        { userId: member.id, role: "member" },
      ],
    });
    return { coordinator, member, admin, network };
  }

  it("lets the coordinator edit the entry (which also confirms it), audited and in the activity feed; the slug stays", async () => {
    const { coordinator, member, network } = await setup();
    const input = { network: network.id, name: "Neuer Name", focus: "Bildung", socialAreas: ["Au"], contactEmail: "neu@netz.example", contactPhone: "089 123", contactPublic: "phone" };
    expect((await appError(updateNetwork({ actor: actorOf(member), input }))).code).toBe("forbidden");
    expect((await appError(updateNetwork({ actor: actorOf(await createUser()), input }))).code).toBe("not_found");

    const bad = await appError(updateNetwork({ actor: actorOf(coordinator), input: { ...input, name: "", socialAreas: ["x".repeat(61)] } }));
    expect(bad.fields).toMatchObject({ name: ["required"], socialAreas: ["areaTooLong"] });

    const result = await updateNetwork({ actor: actorOf(coordinator), input });
    expect(result.slug).toBe(network.slug);
    expect(result.changed.sort()).toEqual(["contact", "focus", "listed", "name", "socialAreas"].sort());
    const [row] = await t.db.select().from(networks).where(eq(networks.id, network.id));
    expect(row).toMatchObject({ name: "Neuer Name", focus: "Bildung", socialAreas: ["Au"], listed: false, contact: { email: "neu@netz.example", phone: "089 123", public: ["phone"] } });
    expect(Date.now() - (row?.lastVerifiedAt?.getTime() ?? 0)).toBeLessThan(60_000);
    expect(await auditEntries({ action: "network.updated", subjectId: network.id })).toHaveLength(1);
    const [activity] = await t.db.select().from(networkActivity).where(and(eq(networkActivity.networkId, network.id), eq(networkActivity.verb, "network.updated")));
    expect(activity).toMatchObject({ actorId: coordinator.id, summary: "Neuer Name" });
  });

  it("follows the status rules: coordinators pause, resume and archive; only admins restore, and only to active", async () => {
    const { coordinator, member, admin, network } = await setup();
    expect((await appError(changeNetworkStatus({ actor: actorOf(member), input: { network: network.id, status: "paused" } }))).code).toBe("forbidden");
    const same = await appError(changeNetworkStatus({ actor: actorOf(coordinator), input: { network: network.id, status: "active" } }));
    expect(same.fields).toEqual({ status: ["statusChangeNotAllowed"] });

    await changeNetworkStatus({ actor: actorOf(coordinator), input: { network: network.id, status: "paused" } });
    await changeNetworkStatus({ actor: actorOf(coordinator), input: { network: network.slug, status: "active" } });
    await changeNetworkStatus({ actor: actorOf(coordinator), input: { network: network.id, status: "archived" } });
    // Archived is read-only for coordinators: no edits, no restore.
    expect((await appError(changeNetworkStatus({ actor: actorOf(coordinator), input: { network: network.id, status: "active" } }))).code).toBe("network_not_active");
    expect((await appError(updateNetwork({ actor: actorOf(coordinator), input: { network: network.id, name: "x" } }))).code).toBe("network_not_active");
    expect((await appError(changeNetworkStatus({ actor: actorOf(admin), input: { network: network.id, status: "paused" } }))).fields).toEqual({ status: ["statusChangeNotAllowed"] });
    await changeNetworkStatus({ actor: actorOf(admin), input: { network: network.id, status: "active" } });

    const audit = await auditEntries({ action: "network.status_changed", subjectId: network.id });
    expect(audit.map((a) => a.data)).toEqual([
      { from: "active", to: "paused" },
      { from: "paused", to: "active" },
      { from: "active", to: "archived" },
      { from: "archived", to: "active" },
    ]);
    const feed = await t.db.select().from(networkActivity).where(and(eq(networkActivity.networkId, network.id), eq(networkActivity.verb, "network.status_changed")));
    expect(feed).toHaveLength(4);
  });

  it("lets the coordinator confirm a stale entry; the admin list of stale entries follows", async () => {
    const { coordinator, member, admin, network } = await setup();
    expect((await listStaleEntries(actorOf(admin))).map((e) => e.id)).toContain(network.id);
    expect((await listStaleEntries(actorOf(admin))).find((e) => e.id === network.id)?.coordinators).toEqual([{ name: coordinator.name, email: coordinator.email }]);
    expect((await appError(listStaleEntries(actorOf(coordinator)))).code).toBe("forbidden");
    expect((await getNetworkPage(null, network.slug)).network.needsReview).toBe(true);

    expect((await appError(confirmDirectoryEntry({ actor: actorOf(member), input: { network: network.id } }))).code).toBe("forbidden");
    await confirmDirectoryEntry({ actor: actorOf(coordinator), input: { network: network.slug } });

    expect((await getNetworkPage(null, network.slug)).network.needsReview).toBe(false);
    expect((await listStaleEntries(actorOf(admin))).map((e) => e.id)).not.toContain(network.id);
    const [audit] = await auditEntries({ action: "network.listing_confirmed", subjectId: network.id });
    expect(audit?.actorId).toBe(coordinator.id);
  });

  it("does not let anybody confirm an archived network's entry", async () => {
    const { coordinator, network } = await setup("archived");
    expect((await appError(confirmDirectoryEntry({ actor: actorOf(coordinator), input: { network: network.id } }))).code).toBe("network_not_active");
  });
});
