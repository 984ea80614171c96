import { eq } from "drizzle-orm";
import type { Executor } from "../client";
import { setupTokens } from "../schema";

/** Replaces any earlier token: only the link printed last works. */
export async function replaceSetupToken(db: Executor, tokenHash: string) {
  await db.transaction(async (tx) => {
    await tx.delete(setupTokens);
    await tx.insert(setupTokens).values({ tokenHash });
  });
}

export async function hasSetupToken(db: Executor, tokenHash: string): Promise<boolean> {
  const rows = await db.select({ tokenHash: setupTokens.tokenHash }).from(setupTokens).where(eq(setupTokens.tokenHash, tokenHash));
  return rows.length > 0;
}

/** Once the administrator exists no setup link may work again. */
export async function deleteSetupTokens(db: Executor) {
  await db.delete(setupTokens);
}
