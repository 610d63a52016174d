import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    /** Path of a tarball of a freshly migrated PGlite database, or "" when there is none. */
    pgliteSnapshot: string;
  }
}

/**
 * Vitest global setup of the PGlite projects: migrate one in-memory PGlite and dump it, once per
 * set of migrations (the file name carries their hash, so a new migration makes a new snapshot).
 * Every integration file then loads the dump instead of starting from scratch.
 */
export default async function setup(project: TestProject): Promise<void> {
  const dir = path.join(process.cwd(), "db", "migrations");
  const hash = createHash("sha256");
  for (const file of fs.readdirSync(dir, { recursive: true }).map(String).sort()) {
    const full = path.join(dir, file);
    if (fs.statSync(full).isFile()) hash.update(file).update(fs.readFileSync(full));
  }
  const target = path.join(os.tmpdir(), `nzw-pglite-${hash.digest("hex").slice(0, 16)}.tar`);
  if (!fs.existsSync(target)) {
    const database = await openDatabase({ kind: "pglite", dataDir: null });
    try {
      await migrateDatabase(database);
      const client = (database.db as unknown as { $client: { dumpDataDir(c: "none"): Promise<Blob> } }).$client;
      const dump = await client.dumpDataDir("none");
      const temporary = `${target}.${process.pid}`;
      fs.writeFileSync(temporary, Buffer.from(await dump.arrayBuffer()));
      fs.renameSync(temporary, target);
    } finally {
      await database.close();
    }
  }
  project.provide("pgliteSnapshot", target);
}
