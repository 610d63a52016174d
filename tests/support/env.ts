import { afterEach } from "vitest";
import { resetEnvCache } from "@/lib/env";

type Vars = Record<string, string | undefined>;

/**
 * Sets (or with `undefined` removes) environment variables and makes the app re-read them
 * (lib/env.ts caches the parsed environment). Returns a function that restores the old values.
 */
export function setEnv(vars: Vars): () => void {
  const previous = Object.fromEntries(Object.keys(vars).map((key) => [key, process.env[key]]));
  apply(vars);
  return () => apply(previous);
}

function apply(vars: Vars): void {
  for (const [key, value] of Object.entries(vars)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetEnvCache();
}

/** Per-test environment: call at the top of a file; variables set through the returned function are restored after each test. */
export function envPerTest(): (vars: Vars) => void {
  const restores: Array<() => void> = [];
  afterEach(() => {
    while (restores.length) restores.pop()?.();
  });
  return (vars) => {
    restores.push(setEnv(vars));
  };
}

/** lib/auth/secret.ts caches the secret per process; tests that change AUTH_SECRET clear it. */
export function resetAuthSecretCache(): void {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for("netzwerkstatt.authSecret")];
}

/** @deprecated Same as envPerTest; the `use` prefix trips the React hooks lint rule. */
export const useEnv = envPerTest;
