import { log, requestIdOf } from "./log";

/**
 * The one error type the product raises on purpose. Its code decides the HTTP status; its message
 * is safe to show a person and says what to do. Anything else is an infrastructure failure,
 * answered as 5xx without internals (see toErrorResponse).
 */
const STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
} as const;

export type AppErrorCode = keyof typeof STATUS;

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** For rate_limited: seconds until the request may be repeated (sent as Retry-After). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return STATUS[this.code];
  }

  toResponse(): Response {
    const headers = this.retryAfterSeconds !== undefined ? { "Retry-After": String(this.retryAfterSeconds) } : undefined;
    return Response.json({ error: { code: this.code, message: this.message } }, { status: this.status, headers });
  }
}

/** The boundary: route handlers catch once, here; an unexpected failure is logged with the request's id. */
export function toErrorResponse(err: unknown, request?: Request): Response {
  if (err instanceof AppError) return err.toResponse();
  log().error({ err, requestId: requestIdOf(request), path: request ? new URL(request.url).pathname : undefined }, "request failed");
  return Response.json(
    { error: { code: "unavailable", message: "Something went wrong on our side. Please try again in a moment." } },
    { status: 503 },
  );
}
