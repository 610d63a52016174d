import { describe, expect, it } from "vitest";
import { appUrl, EnvError, envSchema, parseEnv } from "@/lib/env";
import { setEnv } from "../support/env";

function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as EnvError).problems;
  }
  throw new Error(`expected ${JSON.stringify(source)} to be rejected`);
}

describe("parseEnv", () => {
  it("fills in the documented defaults for an empty environment", () => {
    expect(parseEnv({})).toEqual({
      NODE_ENV: "development",
      PORT: 3000,
      HOST: "0.0.0.0",
      DATA_DIR: ".data",
      MAIL_FROM: "Netzwerkstatt <noreply@netzwerkstatt.test>",
      SESSION_IDLE_MINUTES: 480,
      SESSION_MAX_DAYS: 30,
      TRUST_PROXY: false,
    });
  });

  it("treats an empty string like an unset variable", () => {
    const blank = Object.fromEntries(Object.keys(envSchema.shape).map((key) => [key, ""]));
    expect(parseEnv(blank)).toEqual(parseEnv({}));
  });

  it("ignores variables it does not know", () => {
    expect(parseEnv({ PATH: "/usr/bin", SOMETHING_ELSE: "x" })).toEqual(parseEnv({}));
  });

  it("parses valid values", () => {
    const e = parseEnv({
      NODE_ENV: "production",
      PORT: "8080",
      HOST: "127.0.0.1",
      APP_URL: "https://netzwerkstatt.example",
      DATABASE_URL: "postgresql://app:secret@db:5432/app",
      DATA_DIR: "/var/lib/netzwerkstatt",
      AUTH_SECRET: "x".repeat(32),
      SMTP_URL: "smtps://user:pass@mail.example:465",
      MAIL_FROM: "Team <team@example.org>",
      SESSION_IDLE_MINUTES: "60",
      SESSION_MAX_DAYS: "365",
      TRUST_PROXY: "true",
      SEED_DEMO_DATA: "no",
    });
    expect(e).toMatchObject({ NODE_ENV: "production", PORT: 8080, SESSION_IDLE_MINUTES: 60, SESSION_MAX_DAYS: 365, TRUST_PROXY: true, SEED_DEMO_DATA: false });
  });

  it.each([
    ["true", true],
    ["1", true],
    ["yes", true],
    ["false", false],
    ["0", false],
    ["no", false],
  ])("reads the boolean %s as %s", (raw, expected) => {
    expect(parseEnv({ TRUST_PROXY: raw }).TRUST_PROXY).toBe(expected);
    expect(parseEnv({ SEED_DEMO_DATA: raw }).SEED_DEMO_DATA).toBe(expected);
  });

  it("accepts port 0 (pick a free port)", () => {
    expect(parseEnv({ PORT: "0" }).PORT).toBe(0);
  });

  it.each([
    ["NODE_ENV", "staging", /expected one of/],
    ["PORT", "http", /must be a port number/],
    ["PORT", "70000", /between 0 and 65535/],
    ["PORT", "-1", /between 0 and 65535/],
    ["PORT", "80.5", /whole number/],
    ["APP_URL", "not a url", /absolute http\(s\) URL/],
    ["APP_URL", "localhost:3000", /absolute http\(s\) URL/],
    ["APP_URL", "ftp://files.example", /absolute http\(s\) URL/],
    ["DATABASE_URL", "mysql://db/app", /PostgreSQL URL/],
    ["AUTH_SECRET", "too-short", /at least 32 characters/],
    ["SMTP_URL", "mail.example:25", /smtp:\/\/ or smtps:\/\//],
    ["MAIL_FROM", "ab", /.+/],
    ["SESSION_IDLE_MINUTES", "0", /at least 1/],
    ["SESSION_IDLE_MINUTES", "soon", /must be a number/],
    ["SESSION_IDLE_MINUTES", String(60 * 24 * 30 + 1), /at most 43200/],
    ["SESSION_MAX_DAYS", "366", /at most 365/],
    ["SESSION_MAX_DAYS", "1.5", /whole number/],
    ["TRUST_PROXY", "maybe", /must be true or false/],
    ["SEED_DEMO_DATA", "2", /must be true or false/],
  ])("rejects %s=%s with a message naming the variable", (name, value, message) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name}[ =]`));
    expect(problems[0]).toMatch(message);
  });

  it("reports every invalid variable at once, in the error message too", () => {
    let error: unknown;
    try {
      parseEnv({ PORT: "x", TRUST_PROXY: "maybe", AUTH_SECRET: "short" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    const { problems, message } = error as EnvError;
    expect(problems.map((p) => p.split(/[ =]/)[0]).sort()).toEqual(["AUTH_SECRET", "PORT", "TRUST_PROXY"]);
    for (const name of ["AUTH_SECRET", "PORT", "TRUST_PROXY"]) expect(message).toContain(name);
  });

  it("never prints a secret it rejects", () => {
    const [secretProblem] = problemsOf({ AUTH_SECRET: "hunter2-is-my-secret" });
    expect(secretProblem).not.toContain("hunter2");
    const [urlProblem] = problemsOf({ DATABASE_URL: "mysql://app:s3cr3t-pw@db/app" });
    expect(urlProblem).not.toContain("s3cr3t-pw");
    expect(urlProblem).toContain("mysql://app:***@db/app");
  });
});

describe("appUrl", () => {
  it("defaults to localhost on PORT and drops a trailing slash from APP_URL", () => {
    const restore = setEnv({ APP_URL: undefined, PORT: "4321" });
    try {
      expect(appUrl()).toBe("http://localhost:4321");
      setEnv({ APP_URL: "https://netzwerkstatt.example/" });
      expect(appUrl()).toBe("https://netzwerkstatt.example");
    } finally {
      restore();
    }
  });
});
