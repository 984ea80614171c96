import type { Executor } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";

/** Who did it, or null for the system (e.g. a sign-in that names no known account). */
export interface Actor {
  id: string;
  email: string;
}

/** One audit entry by an actor; pass the transaction that makes the change. */
export function audit(
  tx: Executor,
  actor: Actor | null,
  action: string,
  target: { type: string; id?: string | null },
  details?: Record<string, unknown>,
) {
  return recordAudit(tx, {
    actorId: actor?.id ?? null,
    actorEmail: actor?.email ?? null,
    action,
    targetType: target.type,
    targetId: target.id ?? null,
    details: details ?? null,
  });
}
