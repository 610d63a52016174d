import { databaseConfigFromEnv, openDatabase } from "./client";
import { migrateDatabase } from "./migrate";
import { env } from "@/lib/env";

const database = await openDatabase(databaseConfigFromEnv(env()));
try {
  await migrateDatabase(database);
  console.info(`Migrations applied to ${database.kind} (${database.location})`);
} finally {
  await database.close();
}
