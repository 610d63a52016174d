import { count, sql } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "./client";
import { seedNetworks } from "./seed-networks";
import { seedProblems } from "./seed-problems";
import { seedTasks } from "./seed-tasks";
import { seedThinkTanks } from "./seed-think-tanks";
import { networkMembers, networks, users, type NetworkContact, type PlatformRole, type Sector } from "./schema";

export const DEMO_PASSWORD = "netzwerkstatt-demo";

type DemoUser = {
  email: string;
  name: string;
  role: PlatformRole;
  organisation: string;
  sector: Sector;
  expertise: string[];
  bio: string;
};

export const demoUsers: DemoUser[] = [
  {
    email: "admin@netzwerkstatt.test",
    name: "Anna Albrecht",
    role: "admin",
    organisation: "SoNet München",
    sector: "ngo_civil_society",
    expertise: ["prozessbegleitung", "netzwerkarbeit"],
    bio: "Prozesssteuerung im SoNet: hält die Plattform und die Netzwerke zusammen.",
  },
  {
    email: "moderation@netzwerkstatt.test",
    name: "Moritz Maier",
    role: "moderator",
    organisation: "SoNet München",
    sector: "ngo_civil_society",
    expertise: ["moderation", "design thinking", "retrospektiven"],
    bio: "Moderiert Think-Tanks und Netzwerktreffen.",
  },
  {
    email: "koordination@binet.test",
    name: "Klara Koch",
    role: "member",
    organisation: "Bürgerstiftung München",
    sector: "foundation",
    expertise: ["bildung", "förderprogramme"],
    bio: "Koordiniert das Bildungsnetzwerk BiNet.",
  },
  {
    email: "mitglied@binet.test",
    name: "Mehmet Demir",
    role: "member",
    organisation: "Grundschule an der Implerstraße",
    sector: "school_education",
    expertise: ["schulsozialarbeit", "elternarbeit"],
    bio: "Schulsozialarbeiter, Mitglied im BiNet.",
  },
  {
    email: "expertin@netzwerkstatt.test",
    name: "Dr. Eva Engel",
    role: "member",
    organisation: "Hochschule München, Fakultät Soziale Arbeit",
    sector: "research",
    expertise: ["elternbeteiligung", "migration", "partizipation", "bildungsforschung"],
    bio: "Forscht zu Elternbeteiligung in der Grundschule.",
  },
  {
    email: "referat@binet.test",
    name: "Jonas Huber",
    role: "member",
    organisation: "Referat für Bildung und Sport, Landeshauptstadt München",
    sector: "public_administration",
    expertise: ["schulentwicklung", "verwaltung"],
    bio: "Ansprechpartner der Stadtverwaltung im BiNet.",
  },
  {
    email: "verein@binet.test",
    name: "Sofia Rossi",
    role: "member",
    organisation: "Lernpaten München e. V.",
    sector: "volunteer",
    expertise: ["ehrenamt", "lernpatenschaften"],
    bio: "Organisiert Lernpatenschaften mit Ehrenamtlichen.",
  },
];

type DemoNetwork = {
  slug: string;
  name: string;
  focus: string;
  description: string;
  socialAreas: string[];
  contact: NetworkContact;
  hostName: string | null;
  members: Array<{ email: string; role: "coordinator" | "member" }>;
};

const hagen = (slug: string, name: string, areas: string[], focus: string, description: string): DemoNetwork => ({
  slug,
  name,
  focus,
  description,
  socialAreas: areas,
  contact: { organisation: "Stadt Hagen, Fachbereich Jugend und Soziales", email: `${slug}@hagen.test`, public: ["organisation", "email"] },
  hostName: null,
  members: [],
});

export const demoNetworks: DemoNetwork[] = [
  {
    slug: "binet",
    name: "BiNet – Bildungsnetzwerk Münchner Stiftungen",
    focus: "Bildung",
    description:
      "Münchner Stiftungen, Schulen, Stadtverwaltung und Ehrenamtliche arbeiten gemeinsam an gerechteren Bildungschancen für Kinder im Grundschulalter.",
    socialAreas: ["München", "Sendling", "Hasenbergl"],
    contact: {
      organisation: "Bürgerstiftung München",
      person: "Klara Koch",
      email: "koordination@binet.test",
      website: "https://binet.example",
      public: ["organisation", "person", "email", "website"],
    },
    hostName: "SoNet München",
    members: [
      { email: "koordination@binet.test", role: "coordinator" },
      { email: "mitglied@binet.test", role: "member" },
      { email: "referat@binet.test", role: "member" },
      { email: "verein@binet.test", role: "member" },
    ],
  },
  hagen("stadtteilforum-altenhagen", "Stadtteilforum Altenhagen", ["Hagen-Altenhagen"], "Stadtteilentwicklung", "Forum der Einrichtungen und Aktiven im Stadtteil Altenhagen."),
  hagen("eilper-forum", "Eilper Forum", ["Hagen-Eilpe", "Delstern"], "Nachbarschaft", "Netzwerk sozialer Einrichtungen in Eilpe und Delstern."),
  hagen("stadtteilforum-eppenhausen", "Stadtteilforum Eppenhausen", ["Hagen-Eppenhausen"], "Stadtteilentwicklung", "Austausch der Akteure im Stadtteil Eppenhausen."),
  hagen("ak-90-haspe", "AK 90 Haspe", ["Hagen-Haspe"], "Kinder und Jugend", "Arbeitskreis der Kinder- und Jugendarbeit in Haspe, seit 1990."),
  hagen("netzwerk-mitte", "Netzwerk Mitte", ["Hagen-Mitte", "Innenstadt"], "Soziale Teilhabe", "Netzwerk der Träger und Initiativen in Hagen-Mitte."),
  hagen("runder-tisch-wehringhausen", "Runder Tisch Wehringhausen", ["Hagen-Wehringhausen"], "Zusammenleben im Quartier", "Runder Tisch für das Zusammenleben in Wehringhausen."),
];

/** Idempotent: re-running updates the demo rows in place and never duplicates them. */
export async function seedDemoData(db: Db): Promise<void> {
  const hashes = await Promise.all(demoUsers.map(() => hashPassword(DEMO_PASSWORD)));
  await db.transaction(async (tx) => {
    const userIds = new Map<string, string>();
    for (const [i, u] of demoUsers.entries()) {
      const [row] = await tx
        .insert(users)
        .values({ ...u, passwordHash: hashes[i], emailVerified: new Date(), locale: "de" })
        .onConflictDoUpdate({
          target: users.email,
          set: { name: u.name, role: u.role, organisation: u.organisation, sector: u.sector, expertise: u.expertise, bio: u.bio },
        })
        .returning({ id: users.id });
      if (row) userIds.set(u.email, row.id);
    }
    for (const n of demoNetworks) {
      const { members, ...fields } = n;
      const [row] = await tx
        .insert(networks)
        .values({ ...fields, listed: true, status: "active", lastVerifiedAt: new Date() })
        .onConflictDoUpdate({ target: networks.slug, set: { ...fields, updatedAt: sql`now()` } })
        .returning({ id: networks.id });
      if (!row) continue;
      for (const m of members) {
        const userId = userIds.get(m.email);
        if (!userId) continue;
        await tx
          .insert(networkMembers)
          .values({ networkId: row.id, userId, role: m.role })
          .onConflictDoUpdate({ target: [networkMembers.networkId, networkMembers.userId], set: { role: m.role } });
      }
    }
    // The directory's variety (a stale entry, a proposal, unlisted and paused networks) and a
    // lively BiNet Work-Space; each part leaves existing data alone when run again.
    await seedNetworks(tx);
    await seedTasks(tx);
    await seedProblems(tx);
    await seedThinkTanks(tx);
  });
}

/** First start of an empty database: seed and report true; otherwise leave it alone. */
export async function seedDemoDataIfEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  if (row?.n) return false;
  await seedDemoData(db);
  return true;
}
