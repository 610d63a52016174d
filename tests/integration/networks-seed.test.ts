import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { networkMembers, networks } from "@/db/schema";
import { directoryDemoNetworks, seedNetworks } from "@/db/seed-networks";
import { listDirectory, listProposals, listStaleEntries } from "@/lib/networks/queries";
// Renamed on import: a Vitest set-up helper, not a React hook (the lint rule goes by the name).
import { testDriver, useTestDatabase as setUpTestDatabase } from "../support/database";
import { actorOf, createUser } from "../support/factories";

const t = setUpTestDatabase();

describe(`directory demo data (${testDriver()})`, () => {
  it("is idempotent and gives the directory a stale entry, a proposal and an unlisted network", async () => {
    const emails = [...new Set(directoryDemoNetworks.flatMap((n) => [...n.members.map((m) => m.email), ...(n.proposedBy ? [n.proposedBy] : [])]))];
    for (const email of emails) await createUser({ email });
    const admin = await createUser({ role: "admin" });

    await seedNetworks(t.db);
    const [giesing] = await t.db.select().from(networks).where(eq(networks.slug, "nachbarschaftsnetz-giesing"));
    // Someone confirms the stale entry; a second seeding must not undo it or duplicate anything.
    await t.db.update(networks).set({ lastVerifiedAt: new Date() }).where(eq(networks.slug, "kulturnetz-westend"));
    await t.db.transaction((tx) => seedNetworks(tx));

    const [nets] = await t.db.select({ n: count() }).from(networks);
    const [members] = await t.db.select({ n: count() }).from(networkMembers);
    expect(nets?.n).toBe(directoryDemoNetworks.length);
    expect(members?.n).toBe(directoryDemoNetworks.reduce((sum, n) => sum + n.members.length, 0));

    const stale = await listStaleEntries(actorOf(admin));
    expect(stale.map((s) => s.slug)).toEqual(["nachbarschaftsnetz-giesing"]);
    expect(stale[0]?.lastVerifiedAt?.getTime()).toBe(giesing?.lastVerifiedAt?.getTime());
    expect((await listProposals(actorOf(admin))).map((p) => p.slug)).toEqual(["elterncafe-netz-hasenbergl"]);
    expect((await listDirectory()).map((e) => e.slug).sort()).toEqual(["kulturnetz-westend", "nachbarschaftsnetz-giesing"]);
  });
});
