import { databaseConfigFromEnv, openDatabase } from "./client";
import { migrateDatabase } from "./migrate";
import { DEMO_PASSWORD, seedDemoData } from "./seed";
import { env } from "@/lib/env";

const database = await openDatabase(databaseConfigFromEnv(env()));
try {
  await migrateDatabase(database);
  await seedDemoData(database.db);
  console.info(`Demo data seeded into ${database.kind} (${database.location}); password: ${DEMO_PASSWORD}`);
} finally {
  await database.close();
}
