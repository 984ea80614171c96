/** `npm run db:migrate`: applies the generated migrations to DATABASE_URL. */
import { createDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { env } from "@/lib/env";

const url = env().DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL. (The embedded database is migrated automatically by `npm run dev` and `npm start`.)");
  process.exit(1);
}
const { db, pool } = createDatabase(url, { max: 1 });
await migrateDatabase(db);
await pool.end();
console.log("Migrations applied.");
