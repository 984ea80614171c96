import { sql, type SQL } from "drizzle-orm";

/** Who is asking. Every query that returns user-visible data takes one: there is no "everyone". */
export interface Asker {
  userId: string;
  isAdmin: boolean;
}

/**
 * The reader-group filter, as SQL over a `documents` row aliased `d`. It lives inside each query
 * (never applied afterwards in JavaScript) so that nothing a user may not read ever leaves the
 * database. Admins read everything: they manage the documents.
 */
export function canRead(asker: Asker): SQL {
  if (asker.isAdmin) return sql`TRUE`;
  return sql`(d.readable_by_everyone OR EXISTS (
    SELECT 1 FROM document_groups dg JOIN user_groups ug ON ug.group_id = dg.group_id
    WHERE dg.document_id = d.id AND ug.user_id = ${asker.userId}))`;
}
