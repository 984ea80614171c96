/**
 * Identifiers a question names verbatim: policy numbers ("HR-104", "POL-2024-17"), form names
 * ("W-4"), error codes ("ERR_CONN_RESET", "E1234"). Word embeddings blur them and the keyword leg
 * splits them into common parts ("hr", "104"), so retrieval looks them up exactly as well.
 */
const CANDIDATE = /[\p{L}\p{N}]+(?:[-_][\p{L}\p{N}]+)*/gu;

function isIdentifier(token: string): boolean {
  if (token.length < 3) return false;
  const hasDigit = /\p{N}/u.test(token);
  // Parts joined by "-" or "_", led by letters, with a digit somewhere: HR-104, W-4, POL-2024-17.
  // ("3-day" and "24-hour" lead with the number: measures, not names.)
  if (/[-_]/.test(token) && hasDigit && /^\p{L}/u.test(token)) return true;
  // Constant-style names: ERR_CONN_RESET, E_ACCESS_DENIED.
  if (/^[\p{Lu}\p{N}]+(?:_[\p{Lu}\p{N}]+)+$/u.test(token)) return true;
  // Capitals then digits: E1234, ERR42, SOC2.
  return /^\p{Lu}{1,6}\p{N}{1,8}$/u.test(token);
}

export function identifiersIn(text: string): string[] {
  return [...new Set((text.normalize("NFKC").match(CANDIDATE) ?? []).filter(isIdentifier))];
}

/** A case-insensitive POSIX regular expression matching the identifier as a whole word. */
export function identifierPattern(identifier: string): string {
  const escaped = identifier.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return `(^|[^[:alnum:]_])${escaped}($|[^[:alnum:]_])`;
}
