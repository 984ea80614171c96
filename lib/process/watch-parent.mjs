/**
 * Preloaded (`node --import`) into every process the launcher starts, and imported by the launcher
 * itself: a process whose parent has died (SIGKILL, OOM) stops too, instead of holding the port or
 * the data directory with nothing behind it. Plain JavaScript, because Next.js loads it without tsx.
 *
 * The parent's death shows as a new ppid (the orphan is adopted by init or a subreaper). The process
 * first gets SIGTERM, so it drains as on an ordinary stop, then is ended if draining hangs.
 */
const parent = process.ppid;
const hardStopMs = Number(process.env.GROUNDWORK_ORPHAN_EXIT_MS) || 10_000;

// ppid 0 or 1 means there is no parent to watch (PID 1 in a container, or already orphaned).
if (parent > 1) {
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    console.error(`Parent process ${parent} is gone; process ${process.pid} is stopping.`);
    setTimeout(() => process.exit(1), hardStopMs).unref();
    process.kill(process.pid, "SIGTERM");
  }, 250);
  timer.unref();
}
