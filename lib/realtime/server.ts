import type { Server as HttpServer, IncomingMessage } from "node:http";
import { createAdapter } from "@socket.io/redis-streams-adapter";
import { createClient } from "redis";
import { Server, type Socket } from "socket.io";
import { appUrl, env } from "@/lib/env";
import type { Actor } from "@/lib/policy";
import { publishRealtimeServer, rooms } from "./emit";
import { actorFromCookieHeader } from "./session";

export type SocketData = {
  actor: Actor & { name: string };
  /** Boards this socket joined, with what it may do there (kept for volatile messages such as "follow me"). */
  boards?: Record<string, { canModerate: boolean; anonymous: boolean }>;
};
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- events are typed by the zod schemas in events.ts
type AnyEvents = Record<string, (...args: any[]) => void>;
export type RealtimeServer = Server<AnyEvents, AnyEvents, AnyEvents, SocketData>;
export type RealtimeSocket = Socket<AnyEvents, AnyEvents, AnyEvents, SocketData>;

/** Domain modules (boards, think-tank phases) register their socket events here. */
export type ConnectionHandler = (io: RealtimeServer, socket: RealtimeSocket) => void;

/** Browsers send Origin on websocket and polling requests; only our own origin may connect. */
export function isAllowedOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true; // non-browser clients (tests, benchmarks) still need a valid session
  const allowed = new Set([new URL(appUrl()).origin]);
  const host = req.headers.host;
  if (host) {
    allowed.add(`http://${host}`);
    allowed.add(`https://${host}`);
  }
  return allowed.has(origin);
}

type RedisClient = ReturnType<typeof createClient>;
const redisClients = new WeakMap<RealtimeServer, RedisClient>();

/**
 * With REDIS_URL, rooms span every instance: the Redis Streams adapter forwards each broadcast
 * through a Redis stream, so a short Redis outage delays packets instead of losing them.
 */
function attachRedisAdapter(io: RealtimeServer, url: string): void {
  const client = createClient({ url });
  let lastLog = 0;
  client.on("error", (error: unknown) => {
    // node-redis reconnects by itself; log at most every 10 s while Redis is away.
    if (Date.now() - lastLog < 10_000) return;
    lastLog = Date.now();
    console.error("[realtime] redis:", error instanceof Error ? error.message : error);
  });
  // Commands queue until connected; the adapter duplicates the client for its readers.
  client.connect().catch((error: unknown) => console.error("[realtime] redis connect failed", error));
  io.adapter(createAdapter(client, { blockTimeInMs: 2_000 }));
  redisClients.set(io, client);
}

export type RealtimeOptions = {
  /** Overrides REDIS_URL (tests start several instances in one process). `null`: no adapter. */
  redisUrl?: string | null;
};

/**
 * socket.io on the app's own HTTP server. The handshake needs a valid session; domain events
 * (boards, phases) are registered by their modules through `handlers`. Transports: websocket
 * first, long-polling as the fallback (which needs sticky sessions behind a load balancer, see
 * the README).
 */
export function attachRealtime(httpServer: HttpServer, handlers: ConnectionHandler[] = [], options: RealtimeOptions = {}): RealtimeServer {
  const io: RealtimeServer = new Server(httpServer, {
    path: "/socket.io",
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    // Next.js handles other upgrade requests (its dev websocket); don't destroy them.
    destroyUpgrade: false,
    allowRequest: (req, callback) => callback(isAllowedOrigin(req) ? null : "origin not allowed", isAllowedOrigin(req)),
  });

  io.use((socket, next) => {
    actorFromCookieHeader(socket.handshake.headers.cookie)
      .then((actor) => {
        if (!actor) return next(new Error("unauthorized"));
        socket.data.actor = actor;
        next();
      })
      .catch((error: unknown) => {
        console.error("[realtime] handshake failed", error);
        next(new Error("unavailable"));
      });
  });

  io.on("connection", (socket) => {
    void socket.join(rooms.user(socket.data.actor.id));
    for (const handler of handlers) handler(io, socket);
  });
  const redisUrl = options.redisUrl === undefined ? env().REDIS_URL : options.redisUrl;
  if (redisUrl) attachRedisAdapter(io, redisUrl);
  publishRealtimeServer(io);
  return io;
}

/** Disconnects every client (they reconnect elsewhere or later), closes socket.io and its Redis connections. */
export async function closeRealtime(io: RealtimeServer): Promise<void> {
  io.disconnectSockets(true);
  await new Promise<void>((resolve) => {
    void io.close(() => resolve());
  });
  const client = redisClients.get(io);
  redisClients.delete(io);
  if (client?.isOpen) await client.close().catch(() => client.destroy());
}
