import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { io as connect, type Socket } from "socket.io-client";

/*
 * Load generation and measurement against one board, identical for the app and the bare relay:
 * receivers join the board and time every `board:event` they get against the moment its op was
 * sent (all clients live in this process, so one clock); writers send `card.create` ops.
 */

export type Target = { url: string; boardId: string; cookies: string[] };
export type Client = { socket: Socket; index: number };

type Ack = { ok: boolean; seq?: number; error?: { code: string; message: string } };

const CONNECT_TIMEOUT_MS = 30_000;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Connects (websocket only, like a browser after the upgrade) and joins the board. */
export async function connectClient(target: Target, index: number): Promise<Client> {
  const cookie = target.cookies[index % target.cookies.length]!;
  const socket = connect(target.url, {
    path: "/socket.io",
    transports: ["websocket"],
    extraHeaders: { cookie },
    reconnection: false,
    forceNew: true,
    timeout: CONNECT_TIMEOUT_MS,
  });
  await withTimeout(
    new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", (error) => reject(new Error(`client ${index}: connect_error ${error.message}`)));
    }),
    CONNECT_TIMEOUT_MS,
    `client ${index} connect`,
  );
  const ack = (await withTimeout(socket.emitWithAck("board:join", { boardId: target.boardId }), CONNECT_TIMEOUT_MS, `client ${index} join`)) as Ack;
  if (!ack.ok) throw new Error(`client ${index}: board:join refused: ${JSON.stringify(ack.error)}`);
  return { socket, index };
}

/** Connects in small batches so the handshake storm does not dominate start-up. */
export async function connectMany(target: Target, from: number, count: number): Promise<Client[]> {
  const clients: Client[] = [];
  for (let i = 0; i < count; i += 10) {
    const batch = await Promise.all(Array.from({ length: Math.min(10, count - i) }, (_, j) => connectClient(target, from + i + j)));
    clients.push(...batch);
  }
  return clients;
}

export function closeAll(clients: Client[]): void {
  for (const c of clients) c.socket.close();
}

let opCounter = 0;
function cardCreate(boardId: string, writer: number): { boardId: string; clientOpId: string; op: Record<string, unknown> } {
  const n = ++opCounter;
  return {
    boardId,
    clientOpId: randomUUID(),
    op: {
      type: "card.create",
      cardId: randomUUID(),
      text: `Idee ${n} von Schreiber ${writer}: Wie könnten wir die Übergänge zwischen Schule und Ausbildung begleiten?`,
      colour: "yellow",
      x: (n * 37) % 2000,
      y: (n * 53) % 1500,
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export type LatencyResult = {
  ops: number;
  rate: number;
  seconds: number;
  receivers: number;
  deliveries: number;
  expectedDeliveries: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  ackP50: number;
  ackP99: number;
  errors: Record<string, number>;
  acked: string[];
};

/**
 * Fixed rate: ops are sent on a schedule (t0 + i/rate), round-robin over the writers. Ops of the
 * warm-up are sent but not measured. Latency = receive time − send time, per receiver and op.
 */
export async function runLatency(
  target: Target,
  writers: Client[],
  receivers: Client[],
  options: { rate: number; seconds: number; warmupSeconds: number; drainMs: number },
): Promise<LatencyResult> {
  const sentAt = new Map<string, number>();
  const measured = new Set<string>();
  const delivered = new Map<string, number>();
  const samples: number[] = [];
  const ackSamples: number[] = [];
  const errors: Record<string, number> = {};
  const acked: string[] = [];
  let outstandingDeliveries = 0;
  let drained: (() => void) | null = null;

  const onEvent = (event: { clientOpId?: string }) => {
    const now = performance.now();
    const id = event.clientOpId;
    if (!id || !measured.has(id)) return;
    const sent = sentAt.get(id);
    if (sent === undefined) return;
    samples.push(now - sent);
    delivered.set(id, (delivered.get(id) ?? 0) + 1);
    outstandingDeliveries--;
    if (outstandingDeliveries === 0 && drained) drained();
  };
  for (const r of receivers) r.socket.on("board:event", onEvent);

  const total = Math.round(options.rate * (options.seconds + options.warmupSeconds));
  const warmupOps = Math.round(options.rate * options.warmupSeconds);
  const interval = 1000 / options.rate;
  const pendingAcks: Array<Promise<void>> = [];
  const t0 = performance.now() + 50;
  for (let i = 0; i < total; i++) {
    const due = t0 + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const writer = writers[i % writers.length]!;
    const message = cardCreate(target.boardId, writer.index);
    const isMeasured = i >= warmupOps;
    if (isMeasured) {
      measured.add(message.clientOpId);
      outstandingDeliveries += receivers.length;
    }
    const sent = performance.now();
    sentAt.set(message.clientOpId, sent);
    pendingAcks.push(
      (writer.socket.emitWithAck("board:op", message) as Promise<Ack>).then((ack) => {
        if (ack.ok) {
          acked.push(message.clientOpId);
          if (isMeasured) ackSamples.push(performance.now() - sent);
        } else {
          const code = ack.error?.code ?? "unknown";
          errors[code] = (errors[code] ?? 0) + 1;
          // A refused op is never delivered: stop waiting for it.
          if (isMeasured) {
            measured.delete(message.clientOpId);
            outstandingDeliveries -= receivers.length - (delivered.get(message.clientOpId) ?? 0);
            if (outstandingDeliveries === 0 && drained) drained();
          }
        }
      }),
    );
  }
  await Promise.all(pendingAcks);
  if (outstandingDeliveries > 0) {
    // Deliveries still on their way; give stragglers a bounded time, then count what is missing.
    await new Promise<void>((resolve) => {
      drained = resolve;
      setTimeout(resolve, options.drainMs).unref();
    });
  }
  for (const r of receivers) r.socket.off("board:event", onEvent);

  samples.sort((a, b) => a - b);
  ackSamples.sort((a, b) => a - b);
  const measuredOps = total - warmupOps - Object.values(errors).reduce((a, b) => a + b, 0);
  return {
    ops: total - warmupOps,
    rate: options.rate,
    seconds: options.seconds,
    receivers: receivers.length,
    deliveries: samples.length,
    expectedDeliveries: Math.max(0, measuredOps) * receivers.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    max: samples.at(-1) ?? NaN,
    ackP50: percentile(ackSamples, 50),
    ackP99: percentile(ackSamples, 99),
    errors,
    acked,
  };
}

export type SaturationResult = {
  seconds: number;
  writers: number;
  window: number;
  receivers: number;
  ackedOps: number;
  opsPerSecond: number;
  deliveredPerSecond: number;
  ackP50: number;
  ackP99: number;
  errors: Record<string, number>;
  acked: string[];
};

/**
 * Saturation: every writer keeps `window` ops in flight and sends the next one as soon as an ack
 * comes back. Counts ops acknowledged with ok inside the measuring window (after the warm-up).
 * Each writer stays at or below `perWriterRate` ops/s (0: unpaced); one refused with `rate_limited`
 * anyway pauses for `backoffMs` before sending again.
 */
export async function runSaturation(
  target: Target,
  writers: Client[],
  receivers: Client[],
  options: { seconds: number; warmupSeconds: number; window: number; backoffMs: number; perWriterRate: number },
): Promise<SaturationResult> {
  const acked: string[] = [];
  const errors: Record<string, number> = {};
  const ackSamples: number[] = [];
  let measuring = false;
  let stopped = false;
  let ackedInWindow = 0;
  let deliveredInWindow = 0;
  const onEvent = () => {
    if (measuring) deliveredInWindow++;
  };
  for (const r of receivers) r.socket.on("board:event", onEvent);

  const loops = writers.map(async (writer) => {
    // The server allows each socket a steady rate (lib/boards/rate-limit.ts); like the app's own
    // client, each writer paces itself just below it, shared by its lanes.
    let nextSlot = performance.now();
    const slot = async () => {
      const now = performance.now();
      nextSlot = Math.max(nextSlot, now);
      const wait = nextSlot - now;
      nextSlot += 1000 / options.perWriterRate;
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    };
    const lane = async () => {
      while (!stopped) {
        if (options.perWriterRate > 0) await slot();
        if (stopped) break;
        const message = cardCreate(target.boardId, writer.index);
        const sent = performance.now();
        const ack = (await writer.socket.emitWithAck("board:op", message)) as Ack;
        if (ack.ok) {
          acked.push(message.clientOpId);
          if (measuring) {
            ackedInWindow++;
            ackSamples.push(performance.now() - sent);
          }
        } else {
          const code = ack.error?.code ?? "unknown";
          errors[code] = (errors[code] ?? 0) + 1;
          if (code === "rate_limited") await new Promise((resolve) => setTimeout(resolve, options.backoffMs));
        }
      }
    };
    await Promise.all(Array.from({ length: options.window }, lane));
  });

  await new Promise((resolve) => setTimeout(resolve, options.warmupSeconds * 1000));
  measuring = true;
  const start = performance.now();
  await new Promise((resolve) => setTimeout(resolve, options.seconds * 1000));
  measuring = false;
  const elapsed = (performance.now() - start) / 1000;
  stopped = true;
  await Promise.all(loops);
  for (const r of receivers) r.socket.off("board:event", onEvent);
  ackSamples.sort((a, b) => a - b);
  return {
    seconds: elapsed,
    writers: writers.length,
    window: options.window,
    receivers: receivers.length,
    ackedOps: ackedInWindow,
    opsPerSecond: ackedInWindow / elapsed,
    deliveredPerSecond: deliveredInWindow / elapsed,
    ackP50: percentile(ackSamples, 50),
    ackP99: percentile(ackSamples, 99),
    errors,
    acked,
  };
}
