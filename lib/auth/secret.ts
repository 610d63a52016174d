import "server-only";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { appSecrets } from "@/db/schema";
import { env } from "@/lib/env";

const KEY = Symbol.for("netzwerkstatt.authSecret");
type Holder = { [KEY]?: Promise<string> };

/**
 * AUTH_SECRET from the environment, else one generated on first start and kept in the database,
 * so a newcomer needs no .env and several instances on one PostgreSQL share the same secret.
 */
export function authSecret(): Promise<string> {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= (async () => {
    const fromEnv = env().AUTH_SECRET;
    if (fromEnv) return fromEnv;
    const db = await getDb();
    await db
      .insert(appSecrets)
      .values({ key: "auth_secret", value: randomBytes(48).toString("base64url") })
      .onConflictDoNothing();
    const [row] = await db.select().from(appSecrets).where(eq(appSecrets.key, "auth_secret"));
    if (!row) throw new Error("auth secret missing after insert");
    return row.value;
  })().catch((error: unknown) => {
    delete holder[KEY];
    throw error;
  }));
}
