import pino, { type DestinationStream, type Logger } from "pino";
import { env } from "./env";

/**
 * The server's log (web server and worker): one JSON object per line on stdout, with the time, the
 * level, the message and, for a request, its id (the `X-Request-Id` proxy.ts gives every request
 * and sends back), so a log pipeline can filter by level and join a request's lines. The launcher's
 * own start-up lines (the setup link) stay plain text: they are read by the person starting it.
 */
export function createLogger(destination?: DestinationStream): Logger {
  return pino(
    {
      level: env().LOG_LEVEL,
      base: { service: "groundwork" },
      timestamp: pino.stdTimeFunctions.isoTime,
      // "level":"error" rather than pino's numbers, which log tools would need told about.
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

const holder = globalThis as unknown as { groundworkLog?: Logger };

export function log(): Logger {
  holder.groundworkLog ??= createLogger();
  return holder.groundworkLog;
}

/** The request's id, as proxy.ts set it. */
export const requestIdOf = (request?: Request): string | undefined => request?.headers.get("x-request-id") ?? undefined;
