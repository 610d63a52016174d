import { describe, expect, it } from "vitest";
import { sessionEndReason, type SessionClaims, type SessionEnd } from "@/lib/auth/session-rules";

const limits = { idleMinutes: 480, maxDays: 30 };
const NOW = 2_000_000_000;
const user = { sessionVersion: 3, disabledAt: null };
const fresh: SessionClaims = { uid: "u1", sv: 3, authTime: NOW - 60, lastSeen: NOW - 60 };

describe("sessionEndReason", () => {
  it.each<[string, SessionClaims, { sessionVersion: number; disabledAt: Date | null } | null, SessionEnd | null]>([
    ["valid session", fresh, user, null],
    ["user deleted", fresh, null, "no_user"],
    ["user disabled", fresh, { sessionVersion: 3, disabledAt: new Date(0) }, "disabled"],
    ["disabled beats a version mismatch", { ...fresh, sv: 1 }, { sessionVersion: 3, disabledAt: new Date(0) }, "disabled"],
    ["session version bumped (password change, sign out everywhere)", fresh, { sessionVersion: 4, disabledAt: null }, "revoked"],
    ["token without a version", { ...fresh, sv: undefined }, user, "revoked"],
    ["token without sign-in time", { ...fresh, authTime: undefined }, user, "expired"],
    ["revoked beats expired", { ...fresh, sv: 2, authTime: NOW - 31 * 86400 }, user, "revoked"],
    ["absolute timeout: exactly maxDays after sign-in is still valid", { ...fresh, authTime: NOW - 30 * 86400 }, user, null],
    ["absolute timeout: one second later it has expired", { ...fresh, authTime: NOW - 30 * 86400 - 1 }, user, "expired"],
    ["expired beats idle", { ...fresh, authTime: NOW - 31 * 86400, lastSeen: NOW - 31 * 86400 }, user, "expired"],
    ["idle timeout: exactly idleMinutes without a request is still valid", { ...fresh, authTime: NOW - 86400, lastSeen: NOW - 480 * 60 }, user, null],
    ["idle timeout: one second later it is idle", { ...fresh, authTime: NOW - 86400, lastSeen: NOW - 480 * 60 - 1 }, user, "idle"],
    ["no lastSeen yet: only the absolute timeout applies", { ...fresh, lastSeen: undefined }, user, null],
  ])("%s", (_name, claims, row, expected) => {
    expect(sessionEndReason(claims, row, NOW, limits)).toBe(expected);
  });

  it("uses the limits it is given", () => {
    const claims = { ...fresh, authTime: NOW - 2 * 86400, lastSeen: NOW - 11 * 60 };
    expect(sessionEndReason(claims, user, NOW, { idleMinutes: 10, maxDays: 30 })).toBe("idle");
    expect(sessionEndReason(claims, user, NOW, { idleMinutes: 15, maxDays: 1 })).toBe("expired");
    expect(sessionEndReason(claims, user, NOW, { idleMinutes: 15, maxDays: 3 })).toBeNull();
  });
});
