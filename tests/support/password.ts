/*
 * Production scrypt (N=2^17, 128 MiB) costs ~0.3 s per hash on an idle machine and several
 * seconds on a busy one. Integration files that exercise password flows mock lib/auth/password
 * with this module: hashes are real scrypt with small parameters (recorded in the hash, so
 * verifyPassword runs its normal path), and a test can ask for the production cost explicitly.
 *
 *   vi.mock("@/lib/auth/password", async (importOriginal) =>
 *     (await import("../support/password")).cheapPasswordHashing(importOriginal));
 */
import type * as PasswordModule from "@/lib/auth/password";

export const CHEAP_SCRYPT = { N: 2 ** 10, r: 8, p: 1, keylen: 64 };

/** Set `production` to true (and back) around a test that checks the production parameters. */
export const hashing = { production: false };

export async function cheapPasswordHashing(importOriginal: () => Promise<unknown>): Promise<typeof PasswordModule> {
  const real = (await importOriginal()) as typeof PasswordModule;
  return {
    ...real,
    hashPassword: (password: string, params?: typeof CHEAP_SCRYPT) =>
      params || hashing.production ? real.hashPassword(password, params) : real.hashPassword(password, CHEAP_SCRYPT),
  };
}
