import { contentTerms } from "../text/terms";

/**
 * A question that says where to look ("According to the Choice Plus plan booklet, what is the
 * deductible?", "under the HMO SPD", "in the dental plan") names a document: those words route the
 * question, they are not what it asks. Weighed as content, they make the booklet's introduction
 * ("This booklet describes the Choice Plus plan") the best answer to every question about it, and
 * a near-twin document's passage as good as the named one's.
 */

/** What a question may call a document. */
const KINDS = "booklet|handbook|guide|guidelines|policy|policies|pdf|document|doc|spd|faq|summary|manual|brochure|plan|agreement|contract|leaflet|sheet";
const IN_THE = new RegExp(String.raw`\b(?:according to|as per|per|in|under|from|within|on) (?:the|our|my|this|your) ((?:[\p{L}\p{N}&'-]+ ){0,5}?(?:${KINDS}))\b`, "iu");
const ACCORDING_TO = /\baccording to (?:the |our |my |this |your )?([^,;:?.!]{2,60}?)(?=\s+(?:what|how|when|who|whom|where|which|why|is|are|do|does|did|can|could|should|will|would|may|must|if)\b|[,;:?.!]|$)/iu;
export const REFERENCE_KINDS: ReadonlySet<string> = new Set(contentTerms(KINDS.replaceAll("|", " ")));

export interface DocumentReference {
  /** Stems of the words that name the document, kind words ("booklet", "plan") included: where to look, not what is asked. */
  terms: Set<string>;
  /** The sources (by citation number) whose titles carry most of the naming words. */
  named: Set<number>;
}

/**
 * The document a question names, if the given sources' titles confirm it: at least one naming word
 * other than a kind word ("booklet") must be in a source's title. Otherwise the phrase is taken
 * for part of the question ("in the later stages of the policy").
 */
export function documentReference(question: string, sources: { n: number; title: string }[]): DocumentReference | undefined {
  const phrase = ACCORDING_TO.exec(question)?.[1] ?? IN_THE.exec(question)?.[1];
  if (!phrase) return undefined;
  const terms = new Set(contentTerms(phrase));
  const naming = [...terms].filter((t) => !REFERENCE_KINDS.has(t));
  const matches = sources.map((s) => {
    const title = new Set(contentTerms(s.title));
    return { n: s.n, count: naming.filter((t) => title.has(t)).length };
  });
  const best = Math.max(0, ...matches.map((m) => m.count));
  if (best === 0) return undefined;
  return { terms, named: new Set(matches.filter((m) => m.count === best).map((m) => m.n)) };
}

/**
 * The sources whose titles carry a word of the question that tells documents apart: one that some
 * of the sources' titles have and others lack ("PPO" and "HMO" of two plan booklets and an FAQ, not
 * the "2027" they all carry). Kind words ("plan", "booklet") tell nothing.
 */
export function sourcesTitledBy(question: string, sources: { n: number; title: string }[]): Set<number> {
  const asked = contentTerms(question).filter((t) => !REFERENCE_KINDS.has(t));
  const titles = sources.map((s) => ({ n: s.n, terms: new Set(contentTerms(s.title)) }));
  const telling = asked.filter((t) => titles.some((s) => !s.terms.has(t)));
  return new Set(titles.filter((s) => telling.some((t) => s.terms.has(t))).map((s) => s.n));
}
