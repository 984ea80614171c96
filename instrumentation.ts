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
    // After start, not before it: the first question then finds the chat route loaded and the
    // behaviour classifier trained, and the server's readiness waits for neither.
    setTimeout(() => void import("./lib/chat/warm-up").then(({ warmUpFirstQuestion }) => warmUpFirstQuestion()), 0);
  }
}
