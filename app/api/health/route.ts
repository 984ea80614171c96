/**
 * Liveness: the web server answers. No database call, so a database outage does not make an
 * orchestrator restart healthy web servers (readiness, /api/ready, takes them out of traffic instead).
 * Open without signing in, like every probe; it tells nothing about the data.
 */
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
