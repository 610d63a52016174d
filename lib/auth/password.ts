import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

/*
 * scrypt is memory-hard and built into Node (no native addon to install). Parameters follow
 * OWASP's minimum (N=2^17, r=8, p=1 → 128 MiB per hash); they are stored with every hash so they
 * can be raised later without invalidating existing passwords.
 */
const DEFAULTS = { N: 2 ** 17, r: 8, p: 1, keylen: 64 };

function derive(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFKC"), salt, keylen, { ...options, maxmem: 256 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export async function hashPassword(password: string, params = DEFAULTS): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params.keylen, { N: params.N, r: params.r, p: params.p });
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  if (!stored) return false;
  const [scheme, n, r, p, saltB64, keyB64, ...rest] = stored.split("$");
  if (scheme !== "scrypt" || rest.length || !n || !r || !p || !saltB64 || !keyB64) return false;
  const expected = Buffer.from(keyB64, "base64");
  // A garbled or truncated key must never verify: an empty key would match every password.
  if (expected.length < 16) return false;
  try {
    const actual = await derive(password, Buffer.from(saltB64, "base64"), expected.length, {
      N: Number(n),
      r: Number(r),
      p: Number(p),
    });
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  } catch {
    // Parameters scrypt rejects (not a power of two, over the memory limit): a malformed hash.
    return false;
  }
}

/** A fixed hash to verify against when the e-mail is unknown, so response time does not reveal accounts. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  return (dummyHash ??= hashPassword(randomBytes(16).toString("hex")));
}
