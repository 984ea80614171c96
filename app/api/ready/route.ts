import { env } from "@/lib/env";
import { db } from "@/lib/db";
import { readiness } from "@/lib/operations/readiness";

/**
 * Readiness: 200 when this instance can serve (database, migrations, a live worker), else 503 with
 * the reason. Open without signing in for load balancers and orchestrators; it names no data.
 */
export const dynamic = "force-dynamic";

export async function GET() {
  const result = await readiness(db(), { workerMaxAgeSeconds: env().READY_WORKER_MAX_AGE_SECONDS });
  return Response.json(result, { status: result.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
