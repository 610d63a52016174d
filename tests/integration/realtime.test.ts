import http from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import { io as connectClient, type Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { eq, sql } from "drizzle-orm";
import { users, type User } from "@/db/schema";
import { authSecret } from "@/lib/auth/secret";
import { attachRealtime, type RealtimeServer } from "@/lib/realtime/server";
import { changePassword, setUserDisabled } from "@/lib/users/commands";
import { testDriver, withTestDatabase } from "../support/database";
import { resetAuthSecretCache, setEnv } from "../support/env";
import { TEST_PASSWORD, actorOf, createUser, reloadUser } from "../support/factories";

// changePassword hashes at small scrypt parameters here (see tests/support/password.ts).
vi.mock("@/lib/auth/password", async (importOriginal) => (await import("../support/password")).cheapPasswordHashing(importOriginal));

const t = withTestDatabase();

const SECRET = "realtime-test-secret-0123456789abcdefghij"; // 40 characters
const APP_ORIGIN = "http://app.netzwerkstatt.test";
const COOKIE = "authjs.session-token";

let restoreEnv: () => void;
let server: http.Server;
let io: RealtimeServer;
let url: string;
const clients: Socket[] = [];

beforeAll(async () => {
  restoreEnv = setEnv({ AUTH_SECRET: SECRET, APP_URL: APP_ORIGIN, SESSION_IDLE_MINUTES: "60", SESSION_MAX_DAYS: "7" });
  resetAuthSecretCache();
  expect(await authSecret()).toBe(SECRET);
  server = http.createServer((_req, res) => res.writeHead(404).end());
  io = attachRealtime(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(() => {
  while (clients.length) clients.pop()?.close();
});

afterAll(async () => {
  await new Promise<void>((resolve) => {
    void io.close(() => resolve());
  });
  restoreEnv();
  resetAuthSecretCache();
});

type Claims = { uid?: string; sv?: number; authTime?: number; lastSeen?: number };

async function sessionToken(user: User, overrides: Claims = {}, options: { secret?: string; salt?: string } = {}) {
  const now = Math.floor(Date.now() / 1000);
  return encode({
    token: { uid: user.id, sv: user.sessionVersion, authTime: now, lastSeen: now, ...overrides },
    secret: options.secret ?? (await authSecret()),
    salt: options.salt ?? COOKIE,
  });
}

type Outcome = { connected: true; socket: Socket } | { connected: false; message: string };

/** Connects like a browser would (cookie, optional Origin) and reports the handshake's outcome. */
function tryConnect(headers: Record<string, string>, transports: Array<"websocket" | "polling"> = ["websocket"]): Promise<Outcome> {
  const socket = connectClient(url, { path: "/socket.io", transports, extraHeaders: headers, reconnection: false, forceNew: true, timeout: 10_000 });
  clients.push(socket);
  return new Promise((resolve) => {
    socket.once("connect", () => resolve({ connected: true, socket }));
    socket.once("connect_error", (error) => resolve({ connected: false, message: error.message }));
  });
}

describe(`realtime handshake (${testDriver()})`, () => {
  it("refuses a connection without a session cookie", async () => {
    expect(await tryConnect({})).toEqual({ connected: false, message: "unauthorized" });
    expect(await tryConnect({ cookie: "other=1; theme=dark" })).toEqual({ connected: false, message: "unauthorized" });
  });

  it("refuses a garbled token and one signed with another secret", async () => {
    const user = await createUser();
    expect(await tryConnect({ cookie: `${COOKIE}=not-a-jwe` })).toMatchObject({ connected: false, message: "unauthorized" });
    const forged = await sessionToken(user, {}, { secret: "another-secret-another-secret-another-sec" });
    expect(await tryConnect({ cookie: `${COOKIE}=${forged}` })).toMatchObject({ connected: false, message: "unauthorized" });
  });

  it("refuses a token whose salt does not match its cookie name", async () => {
    const user = await createUser();
    const token = await sessionToken(user, {}, { salt: "__Secure-authjs.session-token" });
    expect(await tryConnect({ cookie: `${COOKIE}=${token}` })).toMatchObject({ connected: false, message: "unauthorized" });
  });

  it.each([["websocket"], ["polling"]] as const)("accepts a valid Auth.js session cookie (%s) and joins the user's room", async (transport) => {
    const user = await createUser({ role: "moderator", name: "Moritz Realtime" });
    const outcome = await tryConnect({ cookie: `theme=dark; ${COOKIE}=${await sessionToken(user)}` }, [transport]);
    expect(outcome.connected).toBe(true);
    const inRoom = await io.in(`user:${user.id}`).fetchSockets();
    expect(inRoom).toHaveLength(1);
    expect(inRoom[0]?.data.actor).toEqual({ id: user.id, role: "moderator", name: "Moritz Realtime" });
  });

  it("accepts the __Secure- cookie and tokens split into chunks", async () => {
    const user = await createUser();
    const secureName = "__Secure-authjs.session-token";
    const secure = await sessionToken(user, {}, { salt: secureName });
    expect((await tryConnect({ cookie: `${secureName}=${secure}` })).connected).toBe(true);
    const token = await sessionToken(user);
    const half = Math.floor(token.length / 2);
    expect((await tryConnect({ cookie: `${COOKIE}.0=${token.slice(0, half)}; ${COOKIE}.1=${token.slice(half)}` })).connected).toBe(true);
  });

  it("refuses the same cookie once the user is disabled", async () => {
    const admin = await createUser({ role: "admin" });
    const user = await createUser();
    const cookie = `${COOKIE}=${await sessionToken(user)}`;
    expect((await tryConnect({ cookie })).connected).toBe(true);
    await setUserDisabled({ actor: actorOf(admin), input: { userId: user.id, disabled: true } });
    expect(await tryConnect({ cookie })).toEqual({ connected: false, message: "unauthorized" });
    // Enabling again does not revive the old session: its version is gone for good.
    await setUserDisabled({ actor: actorOf(admin), input: { userId: user.id, disabled: false } });
    expect(await tryConnect({ cookie })).toEqual({ connected: false, message: "unauthorized" });
    const fresh = await reloadUser(user.id);
    expect((await tryConnect({ cookie: `${COOKIE}=${await sessionToken(fresh!)}` })).connected).toBe(true);
  });

  it("refuses the same cookie after a password change (sessionVersion bump)", async () => {
    const user = await createUser();
    const cookie = `${COOKIE}=${await sessionToken(user)}`;
    expect((await tryConnect({ cookie })).connected).toBe(true);
    await changePassword({ actor: actorOf(user), input: { current: TEST_PASSWORD, password: "ein-neues-passwort", confirm: "ein-neues-passwort" } });
    expect(await tryConnect({ cookie })).toEqual({ connected: false, message: "unauthorized" });
  });

  it("refuses a deleted user's cookie", async () => {
    const user = await createUser();
    const cookie = `${COOKIE}=${await sessionToken(user)}`;
    await t.db.delete(users).where(eq(users.id, user.id));
    expect(await tryConnect({ cookie })).toEqual({ connected: false, message: "unauthorized" });
  });

  it("applies the idle and absolute session timeouts", async () => {
    const user = await createUser();
    const now = Math.floor(Date.now() / 1000);
    const idle = await sessionToken(user, { lastSeen: now - 61 * 60 });
    expect(await tryConnect({ cookie: `${COOKIE}=${idle}` })).toEqual({ connected: false, message: "unauthorized" });
    const expired = await sessionToken(user, { authTime: now - 8 * 86400, lastSeen: now });
    expect(await tryConnect({ cookie: `${COOKIE}=${expired}` })).toEqual({ connected: false, message: "unauthorized" });
    const stillFine = await sessionToken(user, { authTime: now - 6 * 86400, lastSeen: now - 59 * 60 });
    expect((await tryConnect({ cookie: `${COOKIE}=${stillFine}` })).connected).toBe(true);
  });

  it("refuses a disallowed Origin even with a valid cookie, and accepts the app's own", async () => {
    const user = await createUser();
    const cookie = `${COOKIE}=${await sessionToken(user)}`;
    const evil = await tryConnect({ cookie, origin: "https://evil.example" });
    expect(evil.connected).toBe(false);
    expect(await io.in(`user:${user.id}`).fetchSockets()).toHaveLength(0);
    const evilPolling = await tryConnect({ cookie, origin: "https://evil.example" }, ["polling"]);
    expect(evilPolling.connected).toBe(false);
    expect((await tryConnect({ cookie, origin: APP_ORIGIN })).connected).toBe(true);
    expect((await tryConnect({ cookie, origin: url })).connected).toBe(true); // same host the browser loaded
  });

  it("reports a database failure as unavailable, not as a crash", async () => {
    const user = await createUser();
    const cookie = `${COOKIE}=${await sessionToken(user)}`;
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    await t.db.execute(sql`alter table users rename to users_away`);
    try {
      expect(await tryConnect({ cookie })).toEqual({ connected: false, message: "unavailable" });
      expect(spy).toHaveBeenCalled();
    } finally {
      await t.db.execute(sql`alter table users_away rename to users`);
      spy.mockRestore();
    }
    expect((await tryConnect({ cookie })).connected).toBe(true);
  });
});
