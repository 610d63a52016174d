import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { closeAll, connectMany, runLatency, runSaturation, type Client, type LatencyResult, type SaturationResult, type Target } from "./load";
import { summariseProfile } from "./profile";
import {
  checkPersisted,
  createFreshDatabase,
  databaseEnv,
  dropFreshDatabase,
  newAuthSecret,
  prepareBoard,
  sessionCookie,
  type BenchDatabase,
  type PersistedCheck,
} from "./setup";

/*
 * npm run bench:realtime [-- flags]
 *
 * One run measures three servers with the same clients and the same payloads:
 *   bare      a bare socket.io 4.8 relay (bench/realtime/bare-server.ts), the reference;
 *   postgres  the production server (scripts/start.mjs, i.e. `npm start`) on a fresh PostgreSQL database;
 *   pglite    the production server on a fresh PGlite data directory.
 * For each: N receivers and W writers join one board; (1) fixed rate: latency from send to
 * delivery at every receiver (p50/p95/p99); (2) saturation: writers keep a window of ops in flight,
 * acknowledged ops/s are counted and afterwards looked up in the database (board_events by clientOpId).
 * Figures are printed with their ratio to the bare server. See docs/benchmarks.md.
 */

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..");

const { values: flags } = parseArgs({
  options: {
    receivers: { type: "string", default: "100" },
    writers: { type: "string", default: "2" },
    rate: { type: "string", default: "50" },
    seconds: { type: "string", default: "20" },
    warmup: { type: "string", default: "2" },
    "sat-seconds": { type: "string", default: "10" },
    "sat-writers": { type: "string", default: "50" },
    "sat-writer-rate": { type: "string", default: "48" },
    "sat-window": { type: "string", default: "8" },
    "sat-receivers": { type: "string" },
    targets: { type: "string", default: "bare,postgres,pglite" },
    "pg-url": { type: "string", default: process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres" },
    "dist-dir": { type: "string", default: process.env.NEXT_DIST_DIR ?? ".next-bench" },
    profile: { type: "boolean", default: false },
    json: { type: "string" },
    help: { type: "boolean", default: false },
  },
});

if (flags.help) {
  console.info(`npm run bench:realtime -- [--receivers 100] [--writers 2] [--rate 50] [--seconds 20] [--warmup 2]
  [--sat-seconds 10] [--sat-writers 50] [--sat-window 8] [--sat-writer-rate 48] [--sat-receivers 100,0]
  [--targets bare,postgres,pglite] [--pg-url postgres://postgres@127.0.0.1:5432/postgres]
  [--dist-dir .next-bench] [--profile] [--json file]`);
  process.exit(0);
}

const int = (name: keyof typeof flags) => {
  const n = Number(flags[name]);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number`);
  return n;
};
const config = {
  receivers: int("receivers"),
  writers: Math.max(1, int("writers")),
  rate: int("rate"),
  seconds: int("seconds"),
  warmup: int("warmup"),
  satSeconds: int("sat-seconds"),
  satWriters: Math.max(1, int("sat-writers")),
  satWindow: Math.max(1, int("sat-window")),
  satWriterRate: int("sat-writer-rate"),
  /** Saturation is measured once per receiver count: with the full room (fan-out bound) and with none (persistence bound). */
  satReceivers: (flags["sat-receivers"] ?? `${flags.receivers},0`).split(",").map((n) => {
    const v = Number(n);
    if (!Number.isInteger(v) || v < 0) throw new Error("--sat-receivers must be a comma-separated list of numbers");
    return v;
  }).sort((a, b) => b - a),
};
const targets = flags.targets!.split(",").map((t) => t.trim()) as Array<"bare" | "postgres" | "pglite">;
for (const t of targets) if (!["bare", "postgres", "pglite"].includes(t)) throw new Error(`unknown target ${t}`);

const LOG_DIR = path.join(ROOT, "test-results", "bench");
fs.mkdirSync(LOG_DIR, { recursive: true });

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

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

/** Starts a server process and resolves with its port once its stdout says it is ready. */
function startProcess(label: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp, showUntilReady: boolean): Promise<{ child: ChildProcess; port: number }> {
  const logFile = path.join(LOG_DIR, `${label}.log`);
  const log = fs.createWriteStream(logFile);
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let buffered = "";
    let done = false;
    child.stdout!.on("data", (chunk: Buffer) => {
      log.write(chunk);
      if (done) return;
      if (showUntilReady) process.stdout.write(chunk);
      buffered += chunk.toString();
      const match = ready.exec(buffered);
      if (match) {
        done = true;
        resolve({ child, port: Number(match[1]) });
      }
    });
    child.stderr!.on("data", (chunk: Buffer) => {
      log.write(chunk);
      if (!done && showUntilReady) process.stderr.write(chunk);
    });
    child.once("exit", (code, signal) => {
      log.end();
      if (!done) reject(new Error(`${label} exited (code ${code}, signal ${signal}) before it was ready; see ${path.relative(ROOT, logFile)}`));
    });
  });
}

async function stopProcess(child: ChildProcess): Promise<number | null> {
  const stopped = exited(child);
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
  const code = await stopped;
  clearTimeout(timer);
  return code;
}

type TargetResult = {
  target: string;
  latency: LatencyResult;
  saturation: SaturationResult[];
  persisted?: PersistedCheck & { ackedTotal: number };
  loadBefore: number[];
  profile?: string;
};

function fmt(n: number, digits = 1): string {
  return Number.isFinite(n) ? n.toFixed(digits) : "–";
}

async function measure(label: string, target: Target): Promise<Omit<TargetResult, "target" | "loadBefore">> {
  const clients: Client[] = [];
  try {
    console.info(`  connecting ${config.receivers} receivers and ${Math.max(config.writers, config.satWriters)} writers…`);
    const receivers = await connectMany(target, 0, config.receivers);
    clients.push(...receivers);
    const writers = await connectMany(target, config.receivers, Math.max(config.writers, config.satWriters));
    clients.push(...writers);
    console.info(`  fixed rate: ${config.rate} ops/s for ${config.seconds} s (+${config.warmup} s warm-up), ${config.writers} writers`);
    const latency = await runLatency(target, writers.slice(0, config.writers), receivers, {
      rate: config.rate,
      seconds: config.seconds,
      warmupSeconds: config.warmup,
      drainMs: 10_000,
    });
    console.info(
      `  ${label}: p50 ${fmt(latency.p50)} ms, p95 ${fmt(latency.p95)} ms, p99 ${fmt(latency.p99)} ms, max ${fmt(latency.max)} ms; ` +
        `deliveries ${latency.deliveries}/${latency.expectedDeliveries}; ack p50 ${fmt(latency.ackP50)} ms; errors ${JSON.stringify(latency.errors)}`,
    );
    const saturation: SaturationResult[] = [];
    for (const count of config.satReceivers) {
      // Receivers beyond this run's count leave (disconnect), so the room really is smaller; the
      // writers stay in it (they are participants who see the board too).
      for (const r of receivers.slice(count)) r.socket.close();
      console.info(`  saturation: ${config.satWriters} writers × window ${config.satWindow}, ${count} receivers in the room, ${config.satSeconds} s (+${config.warmup} s warm-up)`);
      const result = await runSaturation(target, writers.slice(0, config.satWriters), receivers.slice(0, count), {
        seconds: config.satSeconds,
        warmupSeconds: config.warmup,
        window: config.satWindow,
        backoffMs: 100,
        perWriterRate: config.satWriterRate,
      });
      console.info(
        `  ${label}: ${fmt(result.opsPerSecond, 0)} acked ops/s, ${fmt(result.deliveredPerSecond, 0)} deliveries/s, ` +
          `ack p50 ${fmt(result.ackP50)} ms p99 ${fmt(result.ackP99)} ms; errors ${JSON.stringify(result.errors)}`,
      );
      saturation.push(result);
    }
    return { latency, saturation };
  } finally {
    closeAll(clients);
  }
}

async function runBare(): Promise<TargetResult> {
  console.info("\n▶ bare socket.io relay");
  const loadBefore = os.loadavg();
  const { child, port } = await startProcess("bare", ["--import", "tsx", path.join("bench", "realtime", "bare-server.ts"), "0"], { ...process.env }, /ready (\d+)/, false);
  try {
    const result = await measure("bare", { url: `http://127.0.0.1:${port}`, boardId: "00000000-0000-4000-8000-000000000000", cookies: ["none=1"] });
    return { target: "bare", ...result, loadBefore };
  } finally {
    await stopProcess(child);
  }
}

async function runApp(kind: "postgres" | "pglite"): Promise<TargetResult> {
  console.info(`\n▶ production server (scripts/start.mjs) on ${kind}`);
  const database: BenchDatabase = await createFreshDatabase(kind, { adminUrl: flags["pg-url"], prefix: "bench" });
  try {
    const people = 1 + config.receivers + Math.max(config.writers, config.satWriters);
    const fixture = await prepareBoard(database, people, { tag: kind });
    const secret = newAuthSecret();
    const cookies = await Promise.all(fixture.people.slice(1).map((p) => sessionCookie(p, secret)));
    const port = await freePort();
    const env = databaseEnv(database, {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      APP_URL: `http://127.0.0.1:${port}`,
      AUTH_SECRET: secret,
      SEED_DEMO_DATA: "false",
      NEXT_DIST_DIR: flags["dist-dir"],
      NEXT_TELEMETRY_DISABLED: "1",
    });
    delete env.REDIS_URL;
    delete env.SMTP_URL;
    const profileDir = path.join(LOG_DIR, `profile-${kind}`);
    if (flags.profile) fs.rmSync(profileDir, { recursive: true, force: true });
    const nodeArgs = flags.profile ? ["--cpu-prof", "--cpu-prof-dir", profileDir] : [];
    const { child } = await startProcess(`app-${kind}`, [...nodeArgs, path.join("scripts", "start.mjs")], env, /ready on http:\/\/localhost:(\d+)/, true);
    const loadBefore = os.loadavg();
    let result: Omit<TargetResult, "target" | "loadBefore">;
    try {
      result = await measure(kind, { url: `http://127.0.0.1:${port}`, boardId: fixture.boardId, cookies });
    } finally {
      const code = await stopProcess(child);
      if (code !== 0) console.warn(`  ! the server exited with code ${code} on SIGTERM`);
    }
    // After a clean stop (PGlite checkpoints and unlocks its directory): is every acked op stored once?
    const acked = [...result.latency.acked, ...result.saturation.flatMap((s) => s.acked)];
    const check = await checkPersisted(database, fixture.boardId, acked);
    console.info(
      `  persisted: ${check.ackedFound}/${acked.length} acknowledged ops found in board_events, ${check.ackedMissing} missing, ` +
        `${check.duplicates} duplicate clientOpIds; ${check.events} events, board seq ${check.boardSeq}, ${check.cards} cards`,
    );
    let profile: string | undefined;
    if (flags.profile) {
      const files = fs.existsSync(profileDir) ? fs.readdirSync(profileDir).filter((f) => f.endsWith(".cpuprofile")) : [];
      profile = files.map((f) => summariseProfile(path.join(profileDir, f))).join("\n");
      if (profile) console.info(profile);
    }
    return { target: kind, ...result, persisted: { ...check, ackedTotal: acked.length }, loadBefore, profile };
  } finally {
    await dropFreshDatabase(database);
  }
}

const started = new Date();
const cpus = os.cpus();
const machine = `${cpus.length} × ${cpus[0]?.model ?? "unknown CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
const command = `npm run bench:realtime${process.argv.slice(2).length ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;
console.info(`Realtime benchmark ${started.toISOString()}\n  machine: ${machine}\n  command: ${command}\n  config: ${JSON.stringify(config)}`);

const results: TargetResult[] = [];
for (const target of targets) {
  results.push(target === "bare" ? await runBare() : await runApp(target));
}

const bare = results.find((r) => r.target === "bare");
const ratio = (value: number, reference: number | undefined) => (reference ? `${(value / reference).toFixed(2)}×` : "–");
const bareSat = (i: number) => bare?.saturation[i]?.opsPerSecond;
console.info(`\nSummary: fixed rate ${config.rate} ops/s from ${config.writers} writers to ${config.receivers} receivers; saturation ${config.satWriters} writers × window ${config.satWindow}, each ≤ ${config.satWriterRate} ops/s`);
console.info(
  `| server | p50 ms | p95 ms | p99 ms | p99 vs bare | delivered | ${config.satReceivers.map((n) => `acked ops/s (${n} receivers) | vs bare`).join(" | ")} | persisted: acked found / missing / dupes | load avg before |`,
);
console.info(`|---|---|---|---|---|---|${config.satReceivers.map(() => "---|---|").join("")}---|---|`);
for (const r of results) {
  const p = r.persisted ? `${r.persisted.ackedFound} / ${r.persisted.ackedMissing} / ${r.persisted.duplicates}` : "n/a (no database)";
  const sat = r.saturation.map((s, i) => `${fmt(s.opsPerSecond, 0)} | ${ratio(s.opsPerSecond, bareSat(i))}`).join(" | ");
  console.info(
    `| ${r.target} | ${fmt(r.latency.p50)} | ${fmt(r.latency.p95)} | ${fmt(r.latency.p99)} | ${ratio(r.latency.p99, bare?.latency.p99)} | ` +
      `${r.latency.deliveries}/${r.latency.expectedDeliveries} | ${sat} | ${p} | ${r.loadBefore.map((l) => l.toFixed(2)).join(" ")} |`,
  );
}
const goals: string[] = [];
for (const r of results.filter((x) => x.target !== "bare")) {
  if (bare) {
    const within = r.latency.p99 <= 2 * bare.latency.p99;
    goals.push(`${r.target}: p99 ${fmt(r.latency.p99)} ms vs bare ${fmt(bare.latency.p99)} ms = ${ratio(r.latency.p99, bare.latency.p99)} (goal ≤ 2×): ${within ? "met" : "MISSED"}`);
  }
  if (r.target === "postgres") {
    const best = Math.max(...r.saturation.map((s) => s.opsPerSecond));
    const met = best >= 1000 && r.persisted?.ackedMissing === 0;
    goals.push(
      `postgres: ${r.saturation.map((s, i) => `${fmt(s.opsPerSecond, 0)} persisted ops/s with ${config.satReceivers[i]} receivers`).join(", ")} ` +
        `(goal ≥ 1000, all acked ops in the database): ${met ? "met" : "MISSED"}`,
    );
  }
}
if (goals.length) console.info(`\nGoals:\n  ${goals.join("\n  ")}`);

if (flags.json) {
  const strip = (r: TargetResult) => ({
    ...r,
    latency: { ...r.latency, acked: r.latency.acked.length },
    saturation: r.saturation.map((s) => ({ ...s, acked: s.acked.length })),
  });
  fs.writeFileSync(flags.json, JSON.stringify({ started: started.toISOString(), machine, command, config, results: results.map(strip), goals }, null, 2));
  console.info(`\nwritten: ${flags.json}`);
}
