import { describe, expect, it } from "vitest";
import { platformRoles, type PlatformRole } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { assertCan, can, permissions, type Permission } from "@/lib/policy";

/** The whole role × permission matrix, spelled out: a change to the policy must change this table. */
const expected: Record<Permission, Record<PlatformRole, boolean>> = {
  "profile.edit": { member: true, moderator: true, admin: true },
  "profile.export": { member: true, moderator: true, admin: true },
  "profile.delete": { member: true, moderator: true, admin: true },
  "network.propose": { member: true, moderator: true, admin: true },
  "network.create": { member: false, moderator: true, admin: true },
  "problems.inbox": { member: false, moderator: true, admin: true },
  "thinkTank.convene": { member: false, moderator: true, admin: true },
  "admin.view": { member: false, moderator: false, admin: true },
  "users.list": { member: false, moderator: false, admin: true },
  "users.changeRole": { member: false, moderator: false, admin: true },
  "users.disable": { member: false, moderator: false, admin: true },
  "outbox.read": { member: false, moderator: false, admin: true },
  "audit.read": { member: false, moderator: false, admin: true },
  "network.approve": { member: false, moderator: false, admin: true },
};

const cases = permissions.flatMap((permission) =>
  platformRoles.map((role) => [role, permission, expected[permission][role]] as const),
);

describe("policy", () => {
  it("has an expectation for every permission and nothing more", () => {
    expect(Object.keys(expected).sort()).toEqual([...permissions].sort());
  });

  it.each(cases)("%s may %s: %s", (role, permission, allowed) => {
    const actor = { id: "u1", role };
    expect(can(actor, permission)).toBe(allowed);
    if (allowed) expect(() => assertCan(actor, permission)).not.toThrow();
    else expect(() => assertCan(actor, permission)).toThrowError(expect.objectContaining({ code: "forbidden", status: 403 }));
  });

  it.each(permissions)("nobody signed in may not %s", (permission) => {
    expect(can(null, permission)).toBe(false);
    expect(can(undefined, permission)).toBe(false);
  });

  it("assertCan throws unauthenticated (401) for nobody", () => {
    for (const nobody of [null, undefined]) {
      let error: unknown;
      try {
        assertCan(nobody, "profile.edit");
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: "unauthenticated", status: 401 });
    }
  });

  it("assertCan throws forbidden (403) for a member lacking the permission", () => {
    let error: unknown;
    try {
      assertCan({ id: "m", role: "member" }, "users.changeRole");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "forbidden", status: 403 });
  });
});
