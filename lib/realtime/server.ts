import type { Server as HttpServer, IncomingMessage } from "node:http";
import { Server, type Socket } from "socket.io";
import { appUrl } from "@/lib/env";
import type { Actor } from "@/lib/policy";
import { publishRealtimeServer, rooms } from "./emit";
import { actorFromCookieHeader } from "./session";

export type SocketData = { actor: Actor & { name: string } };
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

/**
 * socket.io on the app's own HTTP server. The handshake needs a valid session; domain events
 * (boards, phases) are registered by their modules through `onConnection`.
 */
export function attachRealtime(httpServer: HttpServer, handlers: ConnectionHandler[] = []): RealtimeServer {
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
  publishRealtimeServer(io);
  return io;
}
