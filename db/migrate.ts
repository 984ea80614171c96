import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import type { Database } from "./client";

/** Arbitrary constant: serializes migrations when several processes start at once. */
const MIGRATION_LOCK = 4242_0001;

export async function migrateDatabase(db: Database, migrationsFolder = path.join(process.cwd(), "drizzle")) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await migrate(tx as unknown as Database, { migrationsFolder });
  });
}
