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

/** Long enough for any parser's message; a reason is a sentence, not a dump. */
const MAX_REASON_LENGTH = 300;

/**
 * What an admin reads when a document fails: a document's own problem as the parser put it; for
 * anything else, what went wrong but never what it went wrong on. A database driver's error
 * carries the failed query and its parameters, which hold the document's text, so only its cause
 * (the database's own message) is kept.
 */
export function failureReason(err: unknown): string {
  const error = err instanceof Error ? err : new Error(String(err));
  let reason = error.message;
  if (/^Failed query:/.test(reason)) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
    reason = `The document's text could not be stored in the database${cause}. Try again, or re-upload the file.`;
  }
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  reason = reason.replace(/[\0-\x1F\x7F]+/g, " ").replace(/\s+/g, " ").trim();
  return reason.length > MAX_REASON_LENGTH ? `${reason.slice(0, MAX_REASON_LENGTH - 1)}…` : reason;
}
