import { createDatabase, type Database } from "@/db/client";
import { env } from "./env";

/**
 * The process's database, created on first use and cached on globalThis so that development
 * hot reloads do not open a new pool each time.
 */
const holder = globalThis as unknown as { groundworkDb?: Database };

/** For command-line entry points that find or start their database before any query. */
export function useDatabase(url: string) {
  const database = createDatabase(url);
  holder.groundworkDb = database.db;
  return database;
}

export function db(): Database {
  if (!holder.groundworkDb) {
    const url = env().DATABASE_URL;
    if (!url) {
      throw new Error("DATABASE_URL is not set. Start Groundwork with `npm run dev` or `npm start`, which provide the embedded database.");
    }
    holder.groundworkDb = createDatabase(url).db;
  }
  return holder.groundworkDb;
}
