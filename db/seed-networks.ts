import { eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "./client";
import { networkMembers, networks, users, type NetworkContact } from "./schema";

/*
 * Extra demo data for the directory: a stale entry (not confirmed for 14 months) that BiNet's
 * coordinator Klara Koch also coordinates, so the "needs review" prompt and the admin list have
 * something to show; a pending proposal; an unlisted, paused working circle; a paused listed one.
 * Idempotent: existing rows are left alone (people may have confirmed or edited them meanwhile);
 * only missing networks and memberships are added.
 */

const MONTH = 30 * 24 * 60 * 60 * 1000;

type DemoEntry = {
  slug: string;
  name: string;
  focus: string;
  description: string;
  socialAreas: string[];
  contact: NetworkContact;
  hostName: string | null;
  listed: boolean;
  status: "active" | "paused" | "archived";
  approval: "approved" | "proposed";
  monthsSinceVerified: number | null;
  proposedBy?: string;
  members: Array<{ email: string; role: "coordinator" | "member" }>;
};

export const directoryDemoNetworks: DemoEntry[] = [
  {
    slug: "nachbarschaftsnetz-giesing",
    name: "Nachbarschaftsnetz Giesing",
    focus: "Nachbarschaft",
    description:
      "Nachbarschaftstreffs, Familienzentren und Ehrenamtliche aus Ober- und Untergiesing tauschen sich über Angebote für ältere Menschen und Familien aus.",
    socialAreas: ["Giesing", "Au"],
    contact: {
      organisation: "Nachbarschaftstreff Giesing e. V.",
      person: "Klara Koch",
      email: "giesing@netzwerkstatt.test",
      phone: "089 1234567",
      public: ["organisation", "phone"],
    },
    hostName: "SoNet München",
    listed: true,
    status: "active",
    approval: "approved",
    monthsSinceVerified: 14,
    members: [
      { email: "koordination@binet.test", role: "coordinator" },
      { email: "verein@binet.test", role: "member" },
      { email: "referat@binet.test", role: "member" },
    ],
  },
  {
    slug: "kulturnetz-westend",
    name: "Kulturnetz Westend",
    focus: "Kultur",
    description: "Kulturvereine, Stadtteilbibliothek und Schulen im Westend planen gemeinsame Projekte. Das Netz ruht bis zum Herbst.",
    socialAreas: ["Westend", "Schwanthalerhöhe"],
    contact: { organisation: "Stadtteilkultur Westend", website: "https://kulturnetz-westend.example", public: ["organisation", "website"] },
    hostName: "SoNet München",
    listed: true,
    status: "paused",
    approval: "approved",
    monthsSinceVerified: 3,
    members: [
      { email: "verein@binet.test", role: "coordinator" },
      { email: "expertin@netzwerkstatt.test", role: "member" },
    ],
  },
  {
    slug: "arbeitskreis-inklusion-sendling",
    name: "Arbeitskreis Inklusion Sendling",
    focus: "Inklusion",
    description: "Interner Arbeitskreis von Schulen und Trägern zur inklusiven Schulbegleitung; nicht im öffentlichen Verzeichnis.",
    socialAreas: ["Sendling"],
    contact: { person: "Mehmet Demir", email: "mitglied@binet.test", public: [] },
    hostName: null,
    listed: false,
    status: "active",
    approval: "approved",
    monthsSinceVerified: 1,
    members: [
      { email: "mitglied@binet.test", role: "coordinator" },
      { email: "expertin@netzwerkstatt.test", role: "member" },
    ],
  },
  {
    slug: "elterncafe-netz-hasenbergl",
    name: "Elterncafé-Netz Hasenbergl",
    focus: "Elternarbeit",
    description: "Vorschlag: Die Elterncafés der Grundschulen im Hasenbergl wollen sich vernetzen und voneinander lernen.",
    socialAreas: ["Hasenbergl"],
    contact: { person: "Mehmet Demir", email: "mitglied@binet.test", public: ["person"] },
    hostName: null,
    listed: true,
    status: "active",
    approval: "proposed",
    monthsSinceVerified: null,
    proposedBy: "mitglied@binet.test",
    members: [],
  },
];

export async function seedNetworks(tx: DbOrTx, now: Date = new Date()): Promise<void> {
  const emails = [...new Set(directoryDemoNetworks.flatMap((n) => [...n.members.map((m) => m.email), ...(n.proposedBy ? [n.proposedBy] : [])]))];
  const people = await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails));
  const userId = new Map(people.map((p) => [p.email, p.id]));

  for (const { members, monthsSinceVerified, proposedBy, ...fields } of directoryDemoNetworks) {
    await tx
      .insert(networks)
      .values({
        ...fields,
        lastVerifiedAt: monthsSinceVerified === null ? null : new Date(now.getTime() - monthsSinceVerified * MONTH),
        createdById: proposedBy ? (userId.get(proposedBy) ?? null) : null,
      })
      .onConflictDoNothing({ target: networks.slug });
    const [row] = await tx.select({ id: networks.id }).from(networks).where(eq(networks.slug, fields.slug));
    if (!row) continue;
    for (const m of members) {
      const id = userId.get(m.email);
      if (!id) continue;
      await tx.insert(networkMembers).values({ networkId: row.id, userId: id, role: m.role }).onConflictDoNothing();
    }
  }
}
