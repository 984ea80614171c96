export const MARKER = /\[(\d{1,3})\]/g;

/** Every [n] in the text, in order of first appearance, without repeats. */
export function citedNumbers(text: string): number[] {
  return [...new Set([...text.matchAll(MARKER)].map((m) => Number(m[1])))];
}

/**
 * Removes markers that name no source given to this asker in this turn: a model may invent [7]
 * when it was given five sources, and an invented citation is worse than none.
 */
export function removeInvalidMarkers(text: string, valid: Set<number>): string {
  return text.replace(MARKER, (marker, n: string) => (valid.has(Number(n)) ? marker : "")).replace(/ +([.,;:])/g, "$1");
}

const NOT_FOUND = /couldn't find|could not find|not (?:in|covered by) the (?:documents|sources)/i;

export interface VerifiedAnswer {
  /** The answer with every marker that names no given source removed. */
  text: string;
  /** The valid numbers the answer cites, in order of first appearance. */
  cited: number[];
  /** Sources were given and the answer says something, yet cites none of them. */
  ungrounded: boolean;
  /** The answer says the documents do not cover the question. */
  notFound: boolean;
  /** The answer is one of the behaviour spec's referrals: a refusal, which cites nothing. */
  refused: boolean;
}

/** The spec's own texts, so an edited not-found message or a referral is recognised as such. */
export interface KnownReplies {
  notFound: string;
  referrals: string[];
}

/**
 * The check every answer passes before it is stored: only sources retrieved for this asker in this
 * turn may be cited, and a "not found" answer or refusal cites nothing at all.
 */
export function verifyAnswer(text: string, valid: Set<number>, known?: KnownReplies): VerifiedAnswer {
  const notFound = NOT_FOUND.test(text) || (!!known && text.includes(known.notFound));
  const refused = !!known && known.referrals.some((r) => text.includes(r));
  const kept = removeInvalidMarkers(text, notFound || refused ? new Set() : valid);
  const cited = citedNumbers(kept);
  const ungrounded = !notFound && !refused && cited.length === 0 && valid.size > 0 && kept.trim().length > 0;
  return { text: kept, cited, notFound, refused, ungrounded };
}

/** verifyAnswer over a message's parts: text parts are cleaned alike, other parts pass unchanged. */
export function verifyAnswerParts<P extends { type: string }>(parts: P[], valid: Set<number>, known?: KnownReplies): VerifiedAnswer & { parts: P[] } {
  const verified = verifyAnswer(parts.flatMap((p) => (isText(p) ? [p.text] : [])).join(""), valid, known);
  const allowed = verified.notFound || verified.refused ? new Set<number>() : valid;
  return { ...verified, parts: parts.map((p) => (isText(p) ? { ...p, text: removeInvalidMarkers(p.text, allowed) } : p)) };
}

function isText<P extends { type: string }>(p: P): p is P & { type: "text"; text: string } {
  return p.type === "text" && typeof (p as { text?: unknown }).text === "string";
}
