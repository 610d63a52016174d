import { describe, expect, it } from "vitest";
import { dummyPasswordHash, hashPassword, verifyPassword } from "@/lib/auth/password";

// Production parameters cost ~0.3 s per hash: one hash at them, the rest at small parameters
// (which the stored hash records, so verifyPassword exercises the same code path).
const CHEAP = { N: 2 ** 10, r: 8, p: 1, keylen: 64 };

describe("password hashing", () => {
  it("hashes with the production parameters and verifies the round trip", async () => {
    const hash = await hashPassword("richtig-langes-passwort");
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{86}==$/);
    expect(await verifyPassword("richtig-langes-passwort", hash)).toBe(true);
  });

  it("rejects a wrong password", async () => {
    const hash = await hashPassword("richtig-langes-passwort", CHEAP);
    expect(await verifyPassword("falsches-langes-passwort", hash)).toBe(false);
    expect(await verifyPassword("", hash)).toBe(false);
    expect(await verifyPassword("richtig-langes-passwort ", hash)).toBe(false);
  });

  it("salts every hash differently", async () => {
    const [a, b] = await Promise.all([hashPassword("same-password", CHEAP), hashPassword("same-password", CHEAP)]);
    expect(a).not.toBe(b);
    expect(a.split("$")[4]).not.toBe(b.split("$")[4]);
    expect(await verifyPassword("same-password", a)).toBe(true);
    expect(await verifyPassword("same-password", b)).toBe(true);
  });

  it("normalises Unicode so the same password typed differently still matches", async () => {
    const composed = "Passwört-ganz-lang"; // ö as one code point
    const decomposed = "Passwo\u0308rt-ganz-lang"; // o + combining diaeresis
    const hash = await hashPassword(composed, CHEAP);
    expect(await verifyPassword(decomposed, hash)).toBe(true);
  });

  it.each([
    ["null", null],
    ["undefined", undefined],
    ["empty", ""],
    ["another scheme", "bcrypt$2b$10$abcdefghijklmnopqrstuu"],
    ["too few parts", "scrypt$1024$8$1$c2FsdHNhbHRzYWx0c2FsdA=="],
    ["too many parts", "scrypt$1024$8$1$c2FsdA==$a2V5$extra"],
    ["N not a number", "scrypt$abc$8$1$c2FsdHNhbHRzYWx0c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5"],
    ["N not a power of two", "scrypt$1000$8$1$c2FsdHNhbHRzYWx0c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5"],
    ["N over the memory limit", "scrypt$1073741824$8$1$c2FsdHNhbHRzYWx0c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5"],
    ["empty key", "scrypt$1024$8$1$c2FsdHNhbHRzYWx0c2FsdA==$="],
    ["key that is not base64", "scrypt$1024$8$1$c2FsdHNhbHRzYWx0c2FsdA==$!!!"],
  ])("treats a malformed hash (%s) as a mismatch, never an error or a match", async (_name, stored) => {
    await expect(verifyPassword("any-password-at-all", stored)).resolves.toBe(false);
  });

  it("keeps one dummy hash per process for unknown e-mails", async () => {
    const a = await dummyPasswordHash();
    expect(await dummyPasswordHash()).toBe(a);
    expect(a).toMatch(/^scrypt\$/);
  });
});
