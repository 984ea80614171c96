import { sql } from "drizzle-orm";
import type { Executor } from "../client";

export interface SetupProgress {
  /** Documents not deleted. */
  documents: number;
  /** People with an account, the admin included. */
  users: number;
  openInvites: number;
  /** Registered models other than the built-in one. */
  connectedModels: number;
}

/** What the first-run page marks as done, in one round trip. */
export async function setupProgress(db: Executor): Promise<SetupProgress> {
  const result = await db.execute(sql`
    select
      (select count(*)::int from documents where deleted_at is null) as documents,
      (select count(*)::int from users) as users,
      (select count(*)::int from invites where used_at is null and expires_at > now()) as open_invites,
      (select count(*)::int from chat_models where provider <> 'builtin') as connected_models`);
  const row = result.rows[0] as { documents: number; users: number; open_invites: number; connected_models: number };
  return { documents: row.documents, users: row.users, openInvites: row.open_invites, connectedModels: row.connected_models };
}
