import { count, eq, inArray } from "drizzle-orm";
import { todayIn } from "@/lib/tasks/rules";
import type { DbOrTx } from "./client";
import { networks, taskComments, tasks, users, workingGroupMembers, workingGroups, type TaskStatus } from "./schema";

/** A calendar date `days` after (or before) `iso`, as YYYY-MM-DD. */
function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

type SeedTask = {
  title: string;
  description: string;
  status: TaskStatus;
  assignee?: string;
  creator: string;
  /** Days from the seeding day; negative = in the past (overdue unless done). */
  due?: number;
  labels?: string[];
  group?: string;
  comments?: Array<{ author: string; body: string }>;
};

const GROUPS = [
  {
    name: "AK Elternarbeit",
    description: "Eltern als Bildungspartner gewinnen: Elterncafés, mehrsprachige Infoabende, Elternlotsen.",
    members: ["koordination@binet.test", "mitglied@binet.test", "verein@binet.test"],
  },
  {
    name: "AK Übergang Kita–Schule",
    description: "Den Wechsel von der Kita in die Grundschule gemeinsam mit Kitas, Schulen und Stadt begleiten.",
    members: ["referat@binet.test", "mitglied@binet.test"],
  },
];

const TASKS: SeedTask[] = [
  {
    title: "Elterncafé an der Implerstraße organisieren",
    description:
      "Monatliches **Elterncafé** in der Grundschule an der Implerstraße.\n\n- Raum mit der Schulleitung klären\n- Dolmetscher:innen für Türkisch und Arabisch anfragen\n- Einladung über die Klassenelternsprecher:innen\n\nVorlage: [Leitfaden Elterncafé](https://binet.example/leitfaden-elterncafe)",
    status: "in_progress",
    assignee: "mitglied@binet.test",
    creator: "koordination@binet.test",
    due: 10,
    labels: ["Eltern", "Sendling"],
    group: "AK Elternarbeit",
    comments: [
      { author: "verein@binet.test", body: "Zwei unserer Lernpatinnen würden beim ersten Termin helfen." },
      { author: "mitglied@binet.test", body: "Danke! Der Raum ist für den 1. Dienstag im Monat reserviert." },
    ],
  },
  {
    title: "Mehrsprachigen Elternbrief übersetzen lassen",
    description: "Den Elternbrief zum Schulstart in fünf Sprachen übersetzen lassen (Türkisch, Arabisch, Russisch, Rumänisch, Englisch).",
    status: "open",
    assignee: "verein@binet.test",
    creator: "mitglied@binet.test",
    due: -5,
    labels: ["Eltern", "Sprache"],
    group: "AK Elternarbeit",
  },
  {
    title: "Förderantrag Bürgerstiftung einreichen",
    description: "Antrag für die Finanzierung der Lernpatenschaften 2025/26. Frist beachten!",
    status: "open",
    assignee: "koordination@binet.test",
    creator: "koordination@binet.test",
    due: -2,
    labels: ["Förderung"],
  },
  {
    title: "Hospitationstag Kita → Grundschule planen",
    description: "Erzieher:innen hospitieren einen Vormittag in der 1. Klasse, Lehrkräfte besuchen die Vorschulgruppe.",
    status: "open",
    assignee: "referat@binet.test",
    creator: "referat@binet.test",
    due: 30,
    labels: ["Übergang", "Hasenbergl"],
    group: "AK Übergang Kita–Schule",
  },
  {
    title: "Übergabebogen Kita–Schule abstimmen",
    description: "Entwurf des Übergabebogens mit Datenschutz (Einwilligung der Eltern) abstimmen.",
    status: "in_progress",
    assignee: "referat@binet.test",
    creator: "koordination@binet.test",
    due: -1,
    labels: ["Übergang", "Datenschutz"],
    group: "AK Übergang Kita–Schule",
    comments: [{ author: "koordination@binet.test", body: "Die Datenschutzbeauftragte hat Zeit am Donnerstag." }],
  },
  {
    title: "Netzwerktreffen im Herbst vorbereiten",
    description: "Ort (rotierend: diesmal Lernpaten München e. V.), Tagesordnung aus den Themen des letzten Treffens, 16:00–18:00.",
    status: "open",
    creator: "koordination@binet.test",
    due: 45,
    labels: ["Netzwerktreffen"],
  },
  {
    title: "Lernpat:innen für das Hasenbergl gewinnen",
    description: "Aufruf über Freiwilligenagentur und Nachbarschaftstreff.",
    status: "open",
    creator: "verein@binet.test",
    labels: ["Ehrenamt", "Hasenbergl"],
  },
  {
    title: "Protokoll des Frühjahrstreffens verschicken",
    description: "Protokoll an den Verteiler, mit den vereinbarten Aufgaben.",
    status: "done",
    assignee: "koordination@binet.test",
    creator: "koordination@binet.test",
    due: -20,
    labels: ["Netzwerktreffen"],
  },
  {
    title: "Infowand „Wer bietet was?“ aktualisieren",
    description: "Angebote und Gesuche vom letzten Treffen übertragen.",
    status: "done",
    assignee: "verein@binet.test",
    creator: "mitglied@binet.test",
    due: -8,
  },
];

/**
 * A lively BiNet Work-Space: working groups, tasks in every status (some overdue, some with
 * labels, assignees and working groups) and a few comments. Idempotent: does nothing when BiNet
 * already has tasks, or when BiNet or its demo people are missing.
 */
export async function seedTasks(tx: DbOrTx, today: string = todayIn()): Promise<void> {
  const [binet] = await tx.select({ id: networks.id }).from(networks).where(eq(networks.slug, "binet")).limit(1);
  if (!binet) return;
  const [existing] = await tx.select({ n: count() }).from(tasks).where(eq(tasks.networkId, binet.id));
  if (existing?.n) return;

  const emails = [...new Set([...GROUPS.flatMap((g) => g.members), ...TASKS.flatMap((t) => [t.creator, t.assignee ?? "", ...(t.comments ?? []).map((c) => c.author)])])].filter(Boolean);
  const people = await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails));
  const idOf = new Map(people.map((p) => [p.email, p.id]));

  const groupIds = new Map<string, string>();
  for (const g of GROUPS) {
    const [row] = await tx
      .insert(workingGroups)
      .values({ networkId: binet.id, name: g.name, description: g.description })
      .onConflictDoUpdate({ target: [workingGroups.networkId, workingGroups.name], set: { description: g.description } })
      .returning({ id: workingGroups.id });
    if (!row) continue;
    groupIds.set(g.name, row.id);
    for (const email of g.members) {
      const userId = idOf.get(email);
      if (userId) await tx.insert(workingGroupMembers).values({ workingGroupId: row.id, userId }).onConflictDoNothing();
    }
  }

  const positions: Record<TaskStatus, number> = { open: 0, in_progress: 0, done: 0 };
  for (const t of TASKS) {
    const [row] = await tx
      .insert(tasks)
      .values({
        networkId: binet.id,
        title: t.title,
        description: t.description,
        status: t.status,
        assigneeId: t.assignee ? (idOf.get(t.assignee) ?? null) : null,
        dueDate: t.due === undefined ? null : addDays(today, t.due),
        labels: t.labels ?? [],
        workingGroupId: t.group ? (groupIds.get(t.group) ?? null) : null,
        position: positions[t.status]++,
        createdById: idOf.get(t.creator) ?? null,
      })
      .returning({ id: tasks.id });
    if (!row) continue;
    for (const c of t.comments ?? []) {
      await tx.insert(taskComments).values({ taskId: row.id, authorId: idOf.get(c.author) ?? null, body: c.body });
    }
  }
}
