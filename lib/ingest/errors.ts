/**
 * A document that will never ingest, however often it is retried: unsupported, encrypted, corrupt,
 * without extractable text, a zip bomb, too slow or too large to parse. The worker fails such a job
 * at once with this message (shown to the admin as is) instead of retrying it with backoff.
 * Anything else (the database or the embedding provider being down) stays a transient failure.
 */
export class UnprocessableDocumentError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "UnprocessableDocumentError";
  }
}

/**
 * By name as well as by class: an error that crossed a thread boundary (parseIsolated) or came
 * through a second copy of this module is no longer an instance of this class.
 */
export function isUnprocessable(err: unknown): err is Error {
  return err instanceof UnprocessableDocumentError || (err instanceof Error && err.name === "UnprocessableDocumentError");
}
