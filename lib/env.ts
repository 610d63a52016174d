import { z } from "zod";

/**
 * Every environment variable the app reads, validated once. The README's table is generated from
 * the same descriptions (see `envDocs`), so the two cannot drift apart.
 */
const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"], { message: "must be true or false" })
  .transform((v) => v === "true" || v === "1" || v === "yes");

const positiveInt = (max: number) =>
  z.coerce
    .number({ message: "must be a number" })
    .int({ message: "must be a whole number" })
    .min(1, { message: "must be at least 1" })
    .max(max, { message: `must be at most ${max}` });

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce
    .number({ message: "must be a port number" })
    .int({ message: "must be a whole number" })
    .min(0, { message: "must be between 0 and 65535" })
    .max(65535, { message: "must be between 0 and 65535" })
    .default(3000),
  HOST: z.string().min(1, { message: "must not be empty" }).default("0.0.0.0"),
  APP_URL: z
    .url({ protocol: /^https?$/, message: "must be an absolute http(s) URL such as http://localhost:3000" })
    .optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, { message: "must be a PostgreSQL URL: postgres://user@host:5432/dbname" })
    .optional(),
  DATA_DIR: z.string().min(1, { message: "must not be empty" }).default(".data"),
  AUTH_SECRET: z.string().min(32, { message: "must be at least 32 characters (openssl rand -base64 32)" }).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, { message: "must be an smtp:// or smtps:// URL" })
    .optional(),
  MAIL_FROM: z.string().min(3).default("Netzwerkstatt <noreply@netzwerkstatt.test>"),
  SESSION_IDLE_MINUTES: positiveInt(60 * 24 * 30).default(480),
  SESSION_MAX_DAYS: positiveInt(365).default(30),
  TRUST_PROXY: bool.default(false),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/.+/, { message: "must be a Redis URL: redis://host:6379 or rediss://…" })
    .optional(),
  SEED_DEMO_DATA: bool.optional(),
});

export type Env = z.infer<typeof envSchema>;

export const envDocs: Record<keyof Env, string> = {
  NODE_ENV: "`production` for `npm start`, `development` for `npm run dev`.",
  PORT: "Port to listen on (default 3000; 0 picks a free port).",
  HOST: "Interface to listen on (default 0.0.0.0).",
  APP_URL: "Public base URL, used in e-mail links (default http://localhost:PORT). Set it in production; session cookies are `Secure` when it is https.",
  DATABASE_URL: "PostgreSQL (15+) connection URL. Unset: the embedded PGlite database under DATA_DIR.",
  DATA_DIR: "Directory of the embedded database (default `.data`). Two instances need two directories.",
  AUTH_SECRET: "Secret for session tokens (32+ characters). Unset: generated once and stored in the database.",
  SMTP_URL: "SMTP server for outgoing mail (smtp://user:pass@host:587). Unset: mails go to the dev outbox (admin page).",
  MAIL_FROM: "Sender address of outgoing mail.",
  SESSION_IDLE_MINUTES: "A session ends after this many minutes without a request (default 480).",
  SESSION_MAX_DAYS: "A session ends this many days after sign-in, however active (default 30).",
  TRUST_PROXY: "`true` behind a reverse proxy: take the client IP from X-Forwarded-For (default false).",
  REDIS_URL: "Redis (6.2+) for running several instances: realtime rooms span all of them (socket.io Redis Streams adapter). Unset: one instance.",
  SEED_DEMO_DATA: "Seed demo data on first start (default: true on the embedded database, never with DATABASE_URL).",
};

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** How a rejected value appears in the error: secrets never, URL passwords masked (the message ends up in logs). */
function shown(key: string, value: string | undefined): string {
  if (key === "AUTH_SECRET" && value) return `(${value.length} characters, hidden)`;
  return JSON.stringify((value ?? "").replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@"));
}

/** Parses an environment; empty strings count as unset so `FOO= npm start` behaves like no FOO. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(
    Object.keys(envSchema.shape).map((key) => [key, source[key] === "" ? undefined : source[key]]),
  );
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => {
        const key = String(issue.path[0]);
        return `${issue.path.join(".")}=${shown(key, cleaned[key])}: ${issue.message}`;
      }),
    );
  }
  return result.data;
}

const CACHE = Symbol.for("netzwerkstatt.env");
type EnvHolder = { [CACHE]?: Env };

export function env(): Env {
  const holder = globalThis as EnvHolder;
  return (holder[CACHE] ??= parseEnv(process.env));
}

/** Tests change process.env between cases; they call this to re-read it. */
export function resetEnvCache(): void {
  delete (globalThis as EnvHolder)[CACHE];
}

export function appUrl(): string {
  const e = env();
  return (e.APP_URL ?? `http://localhost:${e.PORT || 3000}`).replace(/\/$/, "");
}
