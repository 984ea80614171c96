/**
 * glibc's malloc raises its trim threshold as a process frees large blocks, so memory a process
 * used once (compiling PGlite's WebAssembly, parsing a PDF, a burst of requests) stays in its heap
 * for good. A fixed threshold (mallopt(3): setting MALLOC_TRIM_THRESHOLD_ turns the dynamic one off)
 * hands freed memory back to the system. Measured with `npm run bench:memory` and `npm run bench:load`
 * (docs/operations.md, "Memory and start-up"): the three processes with the sample policies loaded
 * went from about 750 to 560 MB, the launcher with the embedded database from 456 to 280 MB idle,
 * at the same answers a second.
 * glibc reads the variable when a process starts, so a process that lacks it restarts itself in
 * place (same PID, same arguments); its children inherit it. An operator's own value is kept.
 */
export const MALLOC_TRIM_THRESHOLD = "131072";

/**
 * Restarts this process in place with the fixed trim threshold when it runs without one on Linux
 * (glibc). Call it before anything is written or started: the running image is replaced. Where
 * Node cannot restart in place (process.execve is Node 22.15+ and 23.11+), only the children gain it.
 */
export function restartWithMallocTrim(): void {
  if (process.platform !== "linux" || process.env.MALLOC_TRIM_THRESHOLD_ !== undefined) return;
  process.env.MALLOC_TRIM_THRESHOLD_ = MALLOC_TRIM_THRESHOLD;
  process.execve?.(process.execPath, [process.execPath, ...process.execArgv, ...process.argv.slice(1)], process.env);
}
