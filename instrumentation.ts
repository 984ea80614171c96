/**
 * Runs once when the Next.js server starts. Only the Node.js server has sockets to read the peer
 * address from; the check is Next's own documented switch between its runtimes.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { stampPeerAddresses } = await import("./lib/security/peer-address");
    stampPeerAddresses();
    const { logRequests } = await import("./lib/operations/access-log");
    logRequests();
    const { startTracing } = await import("./lib/operations/tracing-setup");
    await startTracing();
    // After start, not before it: the first question then finds the behaviour classifier trained.
    setTimeout(() => void import("./lib/ai/builtin-warm-up").then(({ warmBuiltinBehaviourLogged }) => warmBuiltinBehaviourLogged()), 0);
  }
}
