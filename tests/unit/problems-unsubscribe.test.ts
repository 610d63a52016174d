import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { signUnsubscribeToken, verifyUnsubscribeToken } from "@/lib/unsubscribe";

const SECRET = "a-test-secret-that-is-long-enough-to-be-real-0123456789";
const subject = { userId: "3f0c1a52-9a8e-4c1b-8f1e-2b7d6c5a4e3f", networkId: "b2d4e6f8-1a3c-4e5f-9a7b-0c2d4e6f8a1b" };

describe("unsubscribe tokens", () => {
  it("round-trips the member and the network", () => {
    const token = signUnsubscribeToken(SECRET, subject);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(verifyUnsubscribeToken(SECRET, token)).toEqual(subject);
  });

  it("is deterministic (the same link in every mail to that member of that network)", () => {
    expect(signUnsubscribeToken(SECRET, subject)).toBe(signUnsubscribeToken(SECRET, subject));
  });

  it("differs per member and per network", () => {
    const a = signUnsubscribeToken(SECRET, subject);
    expect(signUnsubscribeToken(SECRET, { ...subject, userId: "someone-else" })).not.toBe(a);
    expect(signUnsubscribeToken(SECRET, { ...subject, networkId: "another-network" })).not.toBe(a);
  });

  it("rejects a token signed with another secret", () => {
    const token = signUnsubscribeToken("another-secret-another-secret-another-secret", subject);
    expect(verifyUnsubscribeToken(SECRET, token)).toBeNull();
  });

  it("rejects a payload swapped to another member under the original signature", () => {
    const token = signUnsubscribeToken(SECRET, subject);
    const [, signature] = token.split(".");
    const forgedPayload = Buffer.from(`someone-else\n${subject.networkId}`, "utf8").toString("base64url");
    expect(verifyUnsubscribeToken(SECRET, `${forgedPayload}.${signature}`)).toBeNull();
  });

  it.each([
    ["empty", ""],
    ["no signature", "abc"],
    ["empty payload", ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"],
    ["short signature", "YWJj.abc"],
    ["illegal characters", "a b.c"],
    ["three parts", "a.b.c"],
    ["very long", `${"a".repeat(600)}.${"b".repeat(43)}`],
  ])("rejects a malformed token (%s)", (_name, token) => {
    expect(verifyUnsubscribeToken(SECRET, token)).toBeNull();
  });

  it("rejects every single-character change of a genuine token", () => {
    const token = signUnsubscribeToken(SECRET, subject);
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    fc.assert(
      fc.property(fc.nat({ max: token.length - 1 }), fc.constantFrom(...alphabet), (index, char) => {
        fc.pre(token[index] !== char && token[index] !== ".");
        const tampered = token.slice(0, index) + char + token.slice(index + 1);
        const result = verifyUnsubscribeToken(SECRET, tampered);
        // base64url's last character may carry unused bits; a change there can decode to the same
        // bytes only in the payload, and then the ids are unchanged: never another subject.
        expect(result === null || (result.userId === subject.userId && result.networkId === subject.networkId)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("round-trips arbitrary ids without newlines", () => {
    const id = fc.string({ minLength: 1, maxLength: 60 }).filter((s) => !s.includes("\n"));
    fc.assert(
      fc.property(id, id, (userId, networkId) => {
        expect(verifyUnsubscribeToken(SECRET, signUnsubscribeToken(SECRET, { userId, networkId }))).toEqual({ userId, networkId });
      }),
    );
  });
});
