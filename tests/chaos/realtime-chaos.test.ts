import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { asc, eq } from "drizzle-orm";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createFreshDatabase,
  databaseEnv,
  dropFreshDatabase,
  newAuthSecret,
  seedBoard,
  sessionCookie,
  type BenchDatabase,
  type BoardFixture,
} from "@/bench/realtime/setup";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { boardEvents, boards, cards } from "@/db/schema";
import { BoardClient } from "@/lib/realtime/client";
import type { BoardOpInput, BoardSnapshot, CardColour, JoinAck } from "@/lib/realtime/events";
import { testDriver } from "../support/database";

/*
 * Chaos: several BoardClients (the app's own client, in Node) write to one board concurrently
 * while the server process is killed with SIGKILL at random moments and started again on the
 * same database (same PGlite directory / same PostgreSQL database). Afterwards:
 *   - every op acknowledged before a crash is in board_events exactly once (durability);
 *   - every op ever submitted (also those in flight or queued while the server was down) was
 *     resent and is in board_events exactly once (idempotent retries by clientOpId);
 *   - the board's seq has no gaps, and every client's board equals a fresh server snapshot.
 * Randomness comes from a seeded PRNG; the seed is printed so a failure can be replayed with
 * CHAOS_SEEDS=<seed>. Kills are triggered by acknowledgements (the n-th ack), never by sleeping.
 */

const DRIVER = testDriver();
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CLIENTS = 4;
const OPS_PER_SEED = 120;
// Each restart costs seconds (PGlite opens its directory, replays its WAL); this keeps a file under two minutes per driver.
const KILLS_PER_SEED = 2;
const FIXED_SEEDS = [1, 42];
const SEEDS = process.env.CHAOS_SEEDS
  ? process.env.CHAOS_SEEDS.split(",").map((s) => Number(s.trim()))
  : [...FIXED_SEEDS, (Date.now() % 1_000_000) + 1_000]; // plus one new seed per run, printed
const colours: CardColour[] = ["yellow", "pink", "blue", "green", "orange", "purple"];

/** mulberry32: small, fast, good enough to pick ops and kill moments reproducibly. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The chaos server child (tests/chaos/server.ts): start, SIGKILL, start again on the same port and database. */
class ServerProcess {
  private child: ChildProcess | null = null;
  private exit: Promise<void> = Promise.resolve();
  log: string[] = [];
  starts = 0;
  /** Milliseconds spent waiting for the server to be ready, over all starts. */
  startMs = 0;

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  get running(): boolean {
    return this.child !== null;
  }

  start(): Promise<void> {
    if (this.child) throw new Error("server already running");
    this.starts++;
    const since = Date.now();
    const child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/server-only-hook.mjs", path.join("tests", "chaos", "server.ts")], {
      cwd: ROOT,
      env: this.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    this.exit = new Promise((resolve) => child.once("exit", () => resolve()));
    const started = this.starts;
    return new Promise((resolve, reject) => {
      let ready = false;
      let out = "";
      const line = (chunk: Buffer) => {
        const text = chunk.toString();
        this.log.push(`[start ${started}] ${text.trimEnd()}`);
        if (this.log.length > 400) this.log.splice(0, this.log.length - 400);
        if (ready) return;
        out += text;
        if (/^ready \d+/m.test(out)) {
          ready = true;
          this.startMs += Date.now() - since;
          resolve();
        }
      };
      child.stdout!.on("data", line);
      child.stderr!.on("data", line);
      child.once("exit", (code, signal) => {
        if (this.child === child) this.child = null;
        if (!ready) reject(new Error(`chaos server exited (code ${code}, signal ${signal}) before it was ready:\n${this.log.slice(-40).join("\n")}`));
      });
    });
  }

  /** SIGKILL: no shutdown hook, no checkpoint, nothing flushed by the app. */
  kill(): Promise<void> {
    const child = this.child;
    if (!child) return this.exit;
    this.child = null;
    child.kill("SIGKILL");
    return this.exit;
  }
}

type OpRecord = {
  clientOpId: string;
  client: number;
  type: string;
  sends: number;
  oks: number;
  refusals: string[];
  inFlight: boolean;
  /** In flight (sent, no answer yet) when the server was killed. */
  inFlightAtKill: boolean;
  /** Acknowledged with ok before some later kill. */
  ackedBeforeKill: boolean;
};

type Tracked = { client: BoardClient; socket: Socket; person: BoardFixture["people"][number]; myCards: string[] };

type SeedRun = { seed: number; fixture: BoardFixture; records: Map<string, OpRecord>; kills: number };

type SeedStats = {
  seed: number;
  ops: number;
  kills: number;
  inFlightAtKill: number;
  resent: number;
  ackedBeforeKill: number;
  events: number;
};

let database: BenchDatabase;
let secret: string;
let port: number;
let server: ServerProcess;
const fixtures = new Map<number, BoardFixture>();
const stats: SeedStats[] = [];
const runs: SeedRun[] = [];

beforeAll(async () => {
  database = await createFreshDatabase(DRIVER, { adminUrl: process.env.DATABASE_URL, prefix: "chaos" });
  // One board per seed, all seeded before the server owns the database (PGlite is single-process).
  const handle = await openDatabase(database.config);
  try {
    await migrateDatabase(handle);
    for (const seed of SEEDS) fixtures.set(seed, await seedBoard(handle, CLIENTS + 1, { tag: `chaos${seed}` }));
  } finally {
    await handle.close();
  }
  secret = newAuthSecret();
  port = await freePort();
  const env = databaseEnv(database, {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    APP_URL: `http://127.0.0.1:${port}`,
    AUTH_SECRET: secret,
  });
  delete env.REDIS_URL;
  delete env.SMTP_URL;
  delete env.TEST_DB;
  server = new ServerProcess(env);
});

afterAll(async () => {
  await server?.kill();
  if (stats.length) console.info(`chaos (${DRIVER}) summary:\n${stats.map((s) => `  ${JSON.stringify(s)}`).join("\n")}`);
  if (database) await dropFreshDatabase(database);
});

/** Every op goes through the socket; this records each send and each answer per clientOpId. */
function instrument(socket: Socket, index: number, records: Map<string, OpRecord>): void {
  const emit = socket.emit.bind(socket) as (event: string, ...args: unknown[]) => Socket;
  (socket as unknown as { emit: typeof emit }).emit = (event: string, ...args: unknown[]) => {
    if (event !== "board:op") return emit(event, ...args);
    const [payload, callback] = args as [{ clientOpId: string; op: { type: string } }, (err: Error | null, ack: { ok: boolean; error?: { code: string } }) => void];
    let record = records.get(payload.clientOpId);
    if (!record) {
      record = { clientOpId: payload.clientOpId, client: index, type: payload.op.type, sends: 0, oks: 0, refusals: [], inFlight: false, inFlightAtKill: false, ackedBeforeKill: false };
      records.set(payload.clientOpId, record);
    }
    const rec = record;
    rec.sends++;
    rec.inFlight = true;
    return emit(event, payload, (err: Error | null, ack: { ok: boolean; error?: { code: string } }) => {
      rec.inFlight = false;
      if (!err && ack?.ok) {
        rec.oks++;
        onAck();
      } else if (!err && ack) rec.refusals.push(ack.error?.code ?? "unknown");
      callback(err, ack);
    });
  };
}

let onAck: () => void = () => {};

function normalise(snapshot: BoardSnapshot | null) {
  if (!snapshot) return null;
  return {
    ...snapshot,
    cards: [...snapshot.cards].sort((a, b) => a.id.localeCompare(b.id)),
    groups: [...snapshot.groups].sort((a, b) => a.id.localeCompare(b.id)),
    mine: [...snapshot.mine].sort(),
  };
}

async function serverSnapshot(cookie: string, boardId: string): Promise<BoardSnapshot> {
  const socket = connect(`http://127.0.0.1:${port}`, { path: "/socket.io", transports: ["websocket"], extraHeaders: { cookie }, reconnection: false, forceNew: true });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", reject);
    });
    const ack = (await socket.emitWithAck("board:join", { boardId })) as JoinAck;
    if (!ack.ok || !("snapshot" in ack)) throw new Error(`fresh join failed: ${JSON.stringify(ack)}`);
    return ack.snapshot;
  } finally {
    socket.close();
  }
}

function nextOp(rng: () => number, tracked: Tracked, n: number): BoardOpInput {
  const view = tracked.client.getView().snapshot;
  const own = tracked.myCards.map((id) => view?.cards.find((c) => c.id === id)).filter((c) => c !== undefined);
  const roll = rng();
  if (own.length === 0 || roll < 0.5) {
    const cardId = crypto.randomUUID();
    tracked.myCards.push(cardId);
    return { type: "card.create", cardId, text: `Karte ${n} von ${tracked.person.name}`, colour: colours[Math.floor(rng() * colours.length)]!, x: Math.round(rng() * 2000), y: Math.round(rng() * 1500) };
  }
  const card = own[Math.floor(rng() * own.length)]!;
  if (roll < 0.8) return { type: "card.update", cardId: card.id, baseVersion: card.version, changes: { x: Math.round(rng() * 2000), y: Math.round(rng() * 1500) } };
  if (roll < 0.9) return { type: "card.update", cardId: card.id, baseVersion: card.version, changes: { colour: colours[Math.floor(rng() * colours.length)]! } };
  return { type: "card.update", cardId: card.id, baseVersion: card.version, changes: { text: `${card.text} · bearbeitet ${n}` } };
}

describe(`realtime chaos: SIGKILL during concurrent writes (${DRIVER})`, () => {
  it.each(SEEDS)(
    "seed %i: acknowledged ops survive, unacknowledged ones are resent and applied once, every client converges",
    async (seed) => {
      console.info(`chaos (${DRIVER}): seed ${seed} (replay with CHAOS_SEEDS=${seed})`);
      const began = Date.now();
      const startMsBefore = server.startMs;
      const rng = prng(seed);
      const fixture = fixtures.get(seed)!;
      const records = new Map<string, OpRecord>();
      const url = `http://127.0.0.1:${port}`;

      // Kill moments: after the n-th acknowledgement, n drawn from the seed.
      const killAts = Array.from({ length: KILLS_PER_SEED }, () => 5 + Math.floor(rng() * (OPS_PER_SEED - 20))).sort((a, b) => a - b);
      let acked = 0;
      let kills = 0;
      let progress: (() => void) | null = null;
      let killing: Promise<void> | null = null;
      onAck = () => {
        acked++;
        if (!killing && kills < killAts.length && acked >= killAts[kills]! && server.running) {
          kills++;
          for (const r of records.values()) {
            if (r.inFlight) r.inFlightAtKill = true;
            if (r.oks > 0) r.ackedBeforeKill = true;
          }
          killing = server.kill();
        }
        progress?.();
      };

      if (!server.running) await server.start();
      const people = fixture.people.slice(1, CLIENTS + 1);
      const cookies = await Promise.all(people.map((p) => sessionCookie(p, secret)));
      const tracked: Tracked[] = people.map((person, index) => {
        const socket = connect(url, {
          path: "/socket.io",
          transports: ["websocket"],
          extraHeaders: { cookie: cookies[index]! },
          forceNew: true,
          reconnectionDelay: 50,
          reconnectionDelayMax: 250,
          autoConnect: false,
        });
        instrument(socket, index, records);
        const client = new BoardClient({ boardId: fixture.boardId, socket, ackTimeoutMs: 5_000, gapTimeoutMs: 300 });
        return { client, socket, person, myCards: [] };
      });
      const online = (t: Tracked) =>
        new Promise<void>((resolve) => {
          const check = () => {
            if (t.client.getView().connection === "online") {
              unsubscribe();
              resolve();
            }
          };
          const unsubscribe = t.client.subscribe(check);
          check();
        });
      for (const t of tracked) t.client.start();
      await Promise.all(tracked.map(online));

      try {
        let submitted = 0;
        let queuedWhileDown = 0;
        let downBudget = 0;
        while (submitted < OPS_PER_SEED) {
          const t = tracked[Math.floor(rng() * tracked.length)]!;
          const burst = 1 + Math.floor(rng() * 3);
          for (let i = 0; i < burst && submitted < OPS_PER_SEED; i++) {
            const op = nextOp(rng, t, submitted);
            const id = t.client.submit(op);
            submitted++;
            if (!records.has(id)) {
              records.set(id, { clientOpId: id, client: tracked.indexOf(t), type: op.type, sends: 0, oks: 0, refusals: [], inFlight: false, inFlightAtKill: false, ackedBeforeKill: false });
            }
          }
          if (killing) {
            // The server is down: keep typing (ops queue in the clients), then bring it back.
            await killing;
            if (queuedWhileDown === 0) downBudget = Math.floor(rng() * 8);
            queuedWhileDown += burst;
            if (queuedWhileDown >= downBudget) {
              await server.start();
              killing = null;
              queuedWhileDown = 0;
            }
            continue;
          }
          // Pace by progress: the next acknowledgement (or a kill) before the next burst.
          const before = acked;
          await new Promise<void>((resolve) => {
            progress = () => {
              if (acked > before || killing) {
                progress = null;
                resolve();
              }
            };
            progress();
          });
        }
        if (killing) {
          await killing;
          await server.start();
          killing = null;
        }
        await Promise.all(tracked.map((t) => t.client.idle()));
        // All ops are committed; let every client catch up with the last event before comparing.
        const last = (await serverSnapshot(cookies[0]!, fixture.boardId)).seq;
        await Promise.all(
          tracked.map(
            (t) =>
              new Promise<void>((resolve) => {
                const check = () => {
                  if (t.client.getView().seq >= last) {
                    unsubscribe();
                    resolve();
                  }
                };
                const unsubscribe = t.client.subscribe(check);
                check();
              }),
          ),
        );

        // Every client's board equals what the server hands a fresh join of the same person.
        for (const [index, t] of tracked.entries()) {
          const fresh = await serverSnapshot(cookies[index]!, fixture.boardId);
          expect(normalise(t.client.getConfirmed()), `client ${index} (seed ${seed})`).toEqual(normalise(fresh));
          expect(normalise(t.client.getView().snapshot), `client ${index} view (seed ${seed})`).toEqual(normalise(fresh));
          expect(t.client.getView().pendingCount).toBe(0);
          expect(t.client.getView().conflicts, `client ${index} conflicts (seed ${seed})`).toEqual([]);
        }
      } finally {
        for (const t of tracked) {
          t.client.stop();
          t.socket.close();
        }
        onAck = () => {};
      }
      runs.push({ seed, fixture, records, kills });
      console.info(`chaos (${DRIVER}) seed ${seed}: ${Date.now() - began} ms, of which ${server.startMs - startMsBefore} ms waiting for server starts`);
      expect(kills, "every planned kill happened").toBe(KILLS_PER_SEED);
    },
    150_000,
  );

  it("after a last SIGKILL the database holds every op of every seed exactly once, in seq order without gaps", async () => {
    expect(runs.map((r) => r.seed), "all seeds ran").toEqual(SEEDS);
    // A last crash right after everything was acknowledged, then the test opens the database
    // itself (for PGlite: the directory the killed process left behind).
    await server.kill();
    const handle = await openDatabase(database.config);
    try {
      for (const { seed, fixture, records, kills } of runs) {
        const rows = await handle.db
          .select({ seq: boardEvents.seq, clientOpId: boardEvents.clientOpId, type: boardEvents.type })
          .from(boardEvents)
          .where(eq(boardEvents.boardId, fixture.boardId))
          .orderBy(asc(boardEvents.seq));
        const [board] = await handle.db.select({ seq: boards.seq }).from(boards).where(eq(boards.id, fixture.boardId));
        const cardCount = (await handle.db.select({ id: cards.id }).from(cards).where(eq(cards.boardId, fixture.boardId))).length;

        const inDb = new Map<string, number>();
        for (const row of rows) inDb.set(row.clientOpId, (inDb.get(row.clientOpId) ?? 0) + 1);
        const all = [...records.values()];
        const report: SeedStats = {
          seed,
          ops: all.length,
          kills,
          inFlightAtKill: all.filter((r) => r.inFlightAtKill).length,
          resent: all.filter((r) => r.sends > 1).length,
          ackedBeforeKill: all.filter((r) => r.ackedBeforeKill).length,
          events: rows.length,
        };
        stats.push(report);
        console.info(`chaos (${DRIVER}) seed ${seed}: ${JSON.stringify(report)}`);

        const lost = all.filter((r) => r.ackedBeforeKill && inDb.get(r.clientOpId) !== 1);
        const notOnce = all.filter((r) => inDb.get(r.clientOpId) !== 1);
        const refused = all.filter((r) => r.refusals.some((code) => code !== "rate_limited"));
        const unknown = rows.filter((row) => !records.has(row.clientOpId));
        expect(all, `ops recorded (seed ${seed})`).toHaveLength(OPS_PER_SEED);
        expect(lost.map((r) => r.clientOpId), `acknowledged ops lost after a crash (seed ${seed})`).toEqual([]);
        expect(refused.map((r) => `${r.type}: ${r.refusals.join(",")}`), `ops refused (seed ${seed})`).toEqual([]);
        expect(notOnce.map((r) => `${r.type} ${r.clientOpId} ×${inDb.get(r.clientOpId) ?? 0}`), `ops not applied exactly once (seed ${seed})`).toEqual([]);
        expect(unknown, `events nobody sent (seed ${seed})`).toEqual([]);
        expect(rows.map((r) => r.seq), `seq without gaps (seed ${seed})`).toEqual(rows.map((_, i) => i + 1));
        expect(board?.seq, `boards.seq (seed ${seed})`).toBe(rows.length);
        expect(cardCount, `one card per card.create (seed ${seed})`).toBe(rows.filter((r) => r.type === "card.create").length);
      }
    } finally {
      await handle.close();
    }
    // The kills must have caught ops in flight and the clients must have resent: otherwise this
    // run proved nothing about lost acks.
    expect(stats.reduce((sum, s) => sum + s.inFlightAtKill, 0)).toBeGreaterThan(0);
    expect(stats.reduce((sum, s) => sum + s.resent, 0)).toBeGreaterThan(0);
  });
});
