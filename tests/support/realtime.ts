import { encode } from "next-auth/jwt";
import { io as connectClient, type ManagerOptions, type Socket, type SocketOptions } from "socket.io-client";
import type { User } from "@/db/schema";
import { authSecret } from "@/lib/auth/secret";
import type { BoardClient, BoardView } from "@/lib/realtime/client";

/*
 * Socket helpers for the realtime integration tests: a session cookie as the browser would send
 * it (the same JWT Auth.js issues, checked by lib/realtime/session.ts), a socket.io client with
 * it, and an event-driven wait on a BoardClient's view.
 */

export const SESSION_COOKIE = "authjs.session-token";

export async function sessionCookieFor(user: Pick<User, "id" | "sessionVersion">): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const token = await encode({
    token: { uid: user.id, sv: user.sessionVersion, authTime: now, lastSeen: now },
    secret: await authSecret(),
    salt: SESSION_COOKIE,
  });
  return `${SESSION_COOKIE}=${token}`;
}

/** A websocket-only client signed in as `user`; it connects right away unless `autoConnect: false`. */
export async function connectAs(url: string, user: Pick<User, "id" | "sessionVersion">, options: Partial<ManagerOptions & SocketOptions> = {}): Promise<Socket> {
  return connectClient(url, {
    path: "/socket.io",
    transports: ["websocket"],
    extraHeaders: { cookie: await sessionCookieFor(user) },
    forceNew: true,
    ...options,
  });
}

/** Resolves once the socket is connected; rejects with the handshake's refusal. */
export function connected(socket: Socket): Promise<Socket> {
  if (socket.connected) return Promise.resolve(socket);
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

/** Resolves when the client's view satisfies the predicate (event-driven, no polling). */
export function untilView(client: BoardClient, predicate: (view: BoardView) => boolean, what = "condition"): Promise<BoardView> {
  const now = client.getView();
  if (predicate(now)) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`timed out waiting for ${what}: ${JSON.stringify(client.getView()).slice(0, 600)}`));
    }, 20_000);
    const unsubscribe = client.subscribe((view) => {
      if (!predicate(view)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(view);
    });
  });
}
