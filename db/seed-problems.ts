import { count, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "./client";
import {
  announcements,
  networkActivity,
  networks,
  problemComments,
  problemStatusChanges,
  problemSupports,
  problems,
  users,
  type ProblemStatus,
  type Urgency,
} from "./schema";

/*
 * BiNet's problem log and one announcement, so the Work-Space, the moderators' inbox and the
 * think-tank work have something real to start from. Idempotent: once BiNet has any problem,
 * nothing is touched (people may have edited the demo problems meanwhile).
 */

const DAY = 24 * 60 * 60 * 1000;

type DemoProblem = {
  title: string;
  description: string;
  affected: string;
  alreadyTried: string;
  urgency: Urgency;
  socialAreas: string[];
  author: string;
  daysAgo: number;
  supporters: string[];
  comments: Array<{ author: string; body: string; daysAgo: number }>;
  /** Status changes after logging, oldest first. */
  changes: Array<{ to: ProblemStatus; by: string; note: string; daysAgo: number }>;
};

const demoProblems: DemoProblem[] = [
  {
    title: "Eltern erreichen, die keine Elternabende besuchen",
    description:
      "An unseren Grundschulen kommt ein großer Teil der Eltern nie zu Elternabenden oder Sprechstunden. Gerade diese Familien erfahren so nichts von Förderangeboten, Ganztag oder Lernpatenschaften – obwohl ihre Kinder am meisten davon hätten.",
    affected: "Kinder der 1. bis 4. Klasse und ihre Familien, besonders Familien mit wenig Deutschkenntnissen oder Schichtarbeit.",
    alreadyTried: "Mehrsprachige Elternbriefe, Elterncafé am Nachmittag, Anrufe der Schulsozialarbeit. Die Resonanz blieb gering.",
    urgency: "high",
    socialAreas: ["Sendling", "Hasenbergl"],
    author: "mitglied@binet.test",
    daysAgo: 21,
    supporters: ["koordination@binet.test", "referat@binet.test", "verein@binet.test"],
    comments: [
      {
        author: "verein@binet.test",
        body: "Unsere Lernpat:innen haben oft direkten Kontakt zu den Familien. Vielleicht können sie Brücken bauen?",
        daysAgo: 18,
      },
      {
        author: "referat@binet.test",
        body: "Das Referat hat Mittel für Elternbegleiter:innen. Das wäre ein guter Fall für einen Think-Tank mit Fachleuten aus der Elternarbeit.",
        daysAgo: 10,
      },
    ],
    changes: [],
  },
  {
    title: "Zu wenige Lernpat:innen für die 3. Klassen",
    description: "Die Nachfrage nach Lernpatenschaften in den 3. Klassen übersteigt die Zahl der Ehrenamtlichen deutlich. Die Warteliste wächst seit dem Frühjahr.",
    affected: "Rund 40 Kinder auf der Warteliste.",
    alreadyTried: "Aufrufe in der Stadtteilzeitung und bei der Freiwilligenagentur.",
    urgency: "medium",
    socialAreas: ["Hasenbergl"],
    author: "verein@binet.test",
    daysAgo: 40,
    supporters: ["mitglied@binet.test", "koordination@binet.test"],
    comments: [{ author: "koordination@binet.test", body: "Ich habe das an die Moderation weitergegeben.", daysAgo: 30 }],
    changes: [
      {
        to: "escalated",
        by: "moderation@netzwerkstatt.test",
        note: "Betrifft auch andere Netzwerke – wir prüfen einen netzwerkübergreifenden Think-Tank zur Gewinnung von Ehrenamtlichen.",
        daysAgo: 28,
      },
    ],
  },
  {
    title: "Übergang Kita – Grundschule: Informationen gehen verloren",
    description: "Was Kitas über Förderbedarfe wissen, kommt bei den Grundschulen oft nicht an. Die Kinder starten dann ohne passende Unterstützung.",
    affected: "Schulanfänger:innen mit Förderbedarf.",
    alreadyTried: "",
    urgency: "medium",
    socialAreas: ["Sendling"],
    author: "referat@binet.test",
    daysAgo: 12,
    supporters: ["mitglied@binet.test"],
    comments: [],
    changes: [],
  },
  {
    title: "Förderanträge der Stiftungen überschneiden sich",
    description: "Mehrere Stiftungen fördern dieselben Projekte, während andere leer ausgehen.",
    affected: "Schulen und Vereine, die Anträge stellen.",
    alreadyTried: "Gemeinsame Liste der laufenden Förderungen.",
    urgency: "low",
    socialAreas: [],
    author: "koordination@binet.test",
    daysAgo: 90,
    supporters: [],
    comments: [],
    changes: [
      {
        to: "resolved",
        by: "koordination@binet.test",
        note: "Gelöst: Die Stiftungen stimmen ihre Förderungen jetzt einmal im Quartal im Netzwerktreffen ab.",
        daysAgo: 60,
      },
    ],
  },
  {
    title: "Raum für das Netzwerktreffen im Winter",
    description: "Für das Treffen im Januar fehlt noch ein Raum für 30 Personen.",
    affected: "Alle Mitglieder.",
    alreadyTried: "",
    urgency: "low",
    socialAreas: [],
    author: "mitglied@binet.test",
    daysAgo: 50,
    supporters: [],
    comments: [],
    changes: [{ to: "withdrawn", by: "mitglied@binet.test", note: "Hat sich erledigt: Die Stadtbibliothek stellt einen Raum.", daysAgo: 45 }],
  },
];

export async function seedProblems(tx: DbOrTx): Promise<void> {
  const [binet] = await tx.select({ id: networks.id }).from(networks).where(eq(networks.slug, "binet"));
  if (!binet) return;
  const [existing] = await tx.select({ n: count() }).from(problems).where(eq(problems.networkId, binet.id));
  if (existing?.n) return;

  const emails = [
    ...new Set(
      demoProblems.flatMap((p) => [p.author, ...p.supporters, ...p.comments.map((c) => c.author), ...p.changes.map((c) => c.by)]).concat("koordination@binet.test"),
    ),
  ];
  const people = await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails));
  const idOf = new Map(people.map((u) => [u.email, u.id]));
  const who = (email: string) => idOf.get(email) ?? null;
  const ago = (days: number) => new Date(Date.now() - days * DAY);

  for (const p of demoProblems) {
    const status = p.changes.at(-1)?.to ?? "open";
    const [row] = await tx
      .insert(problems)
      .values({
        networkId: binet.id,
        title: p.title,
        description: p.description,
        affected: p.affected,
        alreadyTried: p.alreadyTried,
        urgency: p.urgency,
        socialAreas: p.socialAreas,
        status,
        createdById: who(p.author),
        createdAt: ago(p.daysAgo),
        updatedAt: ago(p.changes.at(-1)?.daysAgo ?? p.daysAgo),
      })
      .returning({ id: problems.id });
    if (!row) continue;
    await tx.insert(problemStatusChanges).values({ problemId: row.id, fromStatus: null, toStatus: "open", actorId: who(p.author), at: ago(p.daysAgo) });
    await tx.insert(networkActivity).values({
      networkId: binet.id,
      actorId: who(p.author),
      verb: "problem.logged",
      subjectType: "problem",
      subjectId: row.id,
      summary: p.title,
      at: ago(p.daysAgo),
    });
    let from: ProblemStatus = "open";
    for (const c of p.changes) {
      await tx.insert(problemStatusChanges).values({ problemId: row.id, fromStatus: from, toStatus: c.to, note: c.note, actorId: who(c.by), at: ago(c.daysAgo) });
      from = c.to;
    }
    for (const email of p.supporters) {
      const userId = who(email);
      if (userId) await tx.insert(problemSupports).values({ problemId: row.id, userId, createdAt: ago(p.daysAgo - 1) }).onConflictDoNothing();
    }
    for (const c of p.comments) {
      await tx.insert(problemComments).values({ problemId: row.id, authorId: who(c.author), body: c.body, createdAt: ago(c.daysAgo) });
    }
  }

  await tx.insert(announcements).values({
    networkId: binet.id,
    authorId: who("koordination@binet.test"),
    subject: "Netzwerktreffen im Herbst: Termin und Ort",
    body:
      "Liebe Mitglieder,\n\nunser nächstes Netzwerktreffen findet am zweiten Donnerstag im Oktober von 16:00 bis 18:00 Uhr statt – diesmal zu Gast in der Grundschule an der Implerstraße.\n\nThemen: Elternarbeit und die Warteliste der Lernpatenschaften. Bitte bringt eure Ideen mit!\n\nViele Grüße\nKlara Koch",
    createdAt: ago(5),
  });
}
