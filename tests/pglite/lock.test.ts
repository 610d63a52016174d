import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { DatabaseLockedError, openDatabase } from "@/db/client";
import { users } from "@/db/schema";

/*
 * PGlite is single-process: a second process on the same directory would corrupt it. These run
 * on PGlite only (the project integration-pglite), whatever TEST_DB says.
 */
const root = process.cwd();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "nzw-lock-"));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Starts the holder process and resolves once it has the database open and written to it. */
function startHolder(dataDir: string, email: string): Promise<{ child: ChildProcess; exited: Promise<NodeJS.Signals | number | null> }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--import", "./scripts/server-only-hook.mjs", "tests/support/pglite-holder.ts", dataDir, email],
    { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
  );
  children.push(child);
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.once("exit", (code, signal) => resolve(signal ?? code)));
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on("line", (line) => {
      if (line.startsWith("ready")) resolve({ child, exited });
    });
    void exited.then((how) => reject(new Error(`holder exited (${String(how)}) before it was ready:\n${stderr}`)));
  });
}

describe("PGlite directory lock", () => {
  it("refuses a second process, names the directory, and takes over the lock of a killed one", async () => {
    const dataDir = path.join(tmp, "shared");
    const email = "written-before-kill@example.test";
    const { child, exited } = await startHolder(dataDir, email);
    const dir = path.resolve(dataDir, "pglite");

    const refused = await openDatabase({ kind: "pglite", dataDir }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(DatabaseLockedError);
    expect((refused as Error).message).toContain(dir);
    expect((refused as Error).message).toContain(`process ${child.pid}`);
    expect(fs.existsSync(path.join(dir, "netzwerkstatt.lock"))).toBe(true);

    // A crash leaves the lock file behind; the next start must not be stuck on it.
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    expect(fs.existsSync(path.join(dir, "netzwerkstatt.lock"))).toBe(true);

    const database = await openDatabase({ kind: "pglite", dataDir });
    try {
      const lock = JSON.parse(fs.readFileSync(path.join(dir, "netzwerkstatt.lock"), "utf8")) as { pid: number };
      expect(lock.pid).toBe(process.pid);
      const rows = await database.db.select({ name: users.name }).from(users).where(eq(users.email, email));
      expect(rows).toEqual([{ name: "Written by the holder" }]);
    } finally {
      await database.close();
    }
    // A clean close releases the lock.
    expect(fs.existsSync(path.join(dir, "netzwerkstatt.lock"))).toBe(false);
  }, 180_000); // two PGlite start-ups in a child process and here, migrations, crash recovery

  it("refuses a directory locked from another host, whatever the pid", async () => {
    const dataDir = path.join(tmp, "other-host");
    const dir = path.resolve(dataDir, "pglite");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "netzwerkstatt.lock"), JSON.stringify({ pid: 4242, host: "some-other-machine" }));
    const refused = await openDatabase({ kind: "pglite", dataDir }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(DatabaseLockedError);
    expect((refused as Error).message).toContain(dir);
    expect((refused as Error).message).toContain("some-other-machine");
  });
});
