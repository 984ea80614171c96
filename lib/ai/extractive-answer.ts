import { STOPWORDS, UNMARKED_CONTRACTIONS } from "../text/stopwords";
import { documentReference, REFERENCE_KINDS, sourcesTitledBy, type DocumentReference } from "./document-reference";
import { askedFigure, carriesFigure, WEEKDAYS, type AskedFigure } from "./answer-figures";
import { passageUnits, typedSentences, type TextUnit } from "../text/sentences";
import { amountsIn, bandsIn, inBand, measuresIn, plainNumbers, spacedUnits, wholeThousands } from "../text/bands";
import { acronymCorrections, acronymsIn } from "../text/acronyms";
import { isOneOf } from "../text/headings";
import { ASKING_STEMS, contentTerms, contentWords, derivationKey, snowballStem } from "../text/terms";
import { everydayPhrases, formalWords } from "../text/everyday-words";
import { applyCorrections, compoundCorrections, phraseCorrections, typoCorrections, wordCounts } from "../text/typos";
import type { PromptSource } from "./prompt";

/**
 * The built-in model's answer: the source sentences that best answer the question, quoted with
 * their citations, or a plain decline when no sentence carries enough evidence.
 *
 * Sentences are ranked across all given sources by the question's words they contain, each weighted
 * by how rare it is in the whole index (corpus statistics, not the handful of retrieved passages);
 * words of the passage's title and section count for less; question words standing next to each
 * other in the sentence count extra; a question asking how many, how much, how long or by when
 * prefers the sentence carrying a figure of the kind asked (lib/ai/answer-figures.ts); and retrieval's rank breaks near-ties. Words about the
 * document ("according to the handbook") weigh nothing. A word found nowhere in the index cannot
 * point at any sentence, so it ranks nothing, but it counts against the evidence: the question may
 * be about just that ("the Tokyo office").
 */

/**
 * The answerer's settings. `minEvidence` is the answer-or-decline threshold: chosen with
 * `npm run tune:answerer` on the development sets (docs/answer-quality.md has the trade-off curve),
 * and not re-chosen on the held-out set, where the evidence does not separate the two kinds
 * (docs/decisions/0008-decline-threshold-after-the-held-out-set.md).
 */
export interface AnswererSettings {
  /** Evidence (share of the question's weight a sentence carries, with its bonuses, over at most `sentenceTerms` of its words) below which the model declines. */
  minEvidence: number;
  /**
   * The most question words one sentence is measured against. A longer question (a story: "father
   * in law died, funeral is in phoenix which is like 1800 miles from me. how much paid time do i
   * get") is answered by a sentence holding a few of its words, not a share of all of them: its
   * weight counts as its mean word's times this many.
   */
  sentenceTerms: number;
  /** Weight of a question word found nowhere in the index, as a share of the mean weight of the words found. */
  unknownShare: number;
  /** Weight of a word a follow-up's standalone form carries over from the conversation, as a share of its own. */
  carriedShare: number;
  /** Extra factor for an unknown word written as a name (capitalised inside the sentence). */
  unknownNameFactor: number;
  /** Weight of a question word the sentence has only in another form of its family ("apply" for "application"), as a share of its own. */
  derivedShare: number;
  /**
   * Weight of an everyday word the index has ("wine", "kids") that the sentence has only as its
   * formal word ("alcohol", "children"; lib/text/everyday-words.ts), as a share of its own.
   */
  everydayShare: number;
  /** Weight of a question word found only in the passage's title, section or lead-in, not in the sentence. */
  contextShare: number;
  /** Bonus per pair of adjacent question words found close together, as a share of their weight. */
  phraseShare: number;
  figureBonus: number;
  noFigureFactor: number;
  /** Ranking score lost per retrieval rank below the first (the evidence itself is not). */
  rankDecay: number;
  /** Further sentences must score at least this share of the best one, so weak matches don't pad the answer. */
  minRelativeScore: number;
  maxSentences: number;
  /** Weight of a word naming the document ("Choice Plus", "booklet"), as a share of its own. */
  referenceShare: number;
  /**
   * Least weight of a word the index has. BM25's idf falls to nothing for a word in most chunks,
   * right for ranking passages but not for judging whether a sentence answers: "information" in a
   * set of privacy policies, or "leave" in a leave handbook, still says what is asked. 1 is the idf
   * of a word in about a third of the chunks.
   */
  minTermWeight: number;
  /** Factor on the weight of a word the index has, written as a name ("Chicago", "FEGLI"): it says what the question is about. */
  nameFactor: number;
  /**
   * Share of `unknownShare` for a word found nowhere that only the asker's situation holds (a
   * statement before or after the question: "I was ill for 4 days of my holiday in Tenerife. Can I
   * get those days back?"). Its story details are not what is asked; a word the question sentence
   * itself holds still counts against ("How long is the CCTV kept?").
   */
  situationUnknownShare: number;
  /**
   * Factor on a sentence that lacks, in its text and its passage's headings, every name the question
   * asks about (not an acronym, nor one only its story holds) that the index holds in few passages
   * ("Chicago", "Indiana"): it answers for another city, however many of the other words it has.
   * So does one lacking the thing an existence question asks after ("is there a dress code?").
   */
  missingNameFactor: number;
}

export const ANSWERER_DEFAULTS: AnswererSettings = {
  minEvidence: 0.45,
  unknownShare: 1.5,
  unknownNameFactor: 3,
  carriedShare: 0.5,
  contextShare: 0.5,
  derivedShare: 0.7,
  everydayShare: 1,
  phraseShare: 0.25,
  figureBonus: 0.1,
  noFigureFactor: 0.5,
  rankDecay: 0.03,
  minRelativeScore: 0.6,
  maxSentences: 4,
  referenceShare: 0.5,
  nameFactor: 1.5,
  minTermWeight: 1,
  situationUnknownShare: 0,
  missingNameFactor: 0.5,
  sentenceTerms: 7,
};

/** A name in fewer passages than about one in ten (its idf) says which one is asked about; a company's own name does not. */
const SPECIFIC_NAME_IDF = 2.3;

const YEAR = /^(?:19|20)\d\d$/;

/**
 * A time of day typed as one word ("paged at 1am", "11:30pm" read as "11" and "30pm", "midnight"): when
 * the asker's story happened. An index that writes "1:00 am" never holds it, and it was held
 * against the answer as the question's unknown subject.
 */
const CLOCK_TIME = /^(?:\d{1,2}(?:am|pm)|midnight|midday|noon)$/;

/** A company's legal form ("Tawhiti Hospitality Group Limited"): part of its name, and no limit on anything. */
const LEGAL_FORM = /(?<=\p{Lu}[\p{L}&'.-]*\s+)Limited\b/gu;

/** Items of a list quoted after the lead-in sentence that introduces it. */
const MAX_ITEMS = 8;
/** Shorter fragments (labels) state no fact worth quoting. */
const MIN_UNIT_WORDS = 3;

export interface TermWeights {
  /** Chunks in the index. */
  chunks: number;
  /** Stem -> chunks containing it (0: in none); absent for a word the index's text search ignores (a stop word). */
  df: Map<string, number>;
}

export interface ComposeOptions {
  notFound: string;
  bulletLists?: boolean;
  /** Word budget for the quoted sentences; the best one is always kept. */
  maxWords?: number;
  /** Corpus statistics for the question's terms; without them, the given sources stand in for the corpus. */
  weights?: TermWeights;
  /** A follow-up's standalone form ("and for contractors?" -> "annual leave days contractors"): its words the question lacks count for `carriedShare`. */
  standalone?: string;
  settings?: AnswererSettings;
}

export interface ExtractiveAnswer {
  text: string;
  cited: number[];
  /** The best sentence's evidence score (0 when nothing matched): what the answer-or-decline decision reads. */
  evidence: number;
  /**
   * The best sentence's share of all the question's weight, however long the question: how
   * outright the documents answer it, as a personal case's referral weighs it (builtin-model.ts).
   */
  share: number;
}

interface Unit extends TextUnit {
  n: number;
  rank: number;
  order: number;
  terms: string[];
  termSet: Set<string>;
  context: Set<string>;
  /** The sentence's words' families (derivationKey), worked out only when a question word is missing from it. */
  families: () => Set<string>;
  /** Index of this unit within its source's units. */
  index: number;
  /**
   * The lead-in of the list or table the unit is in ("The following are never reimbursed:"): an item
   * chosen alone is quoted after it, since alone it may say the opposite.
   */
  introduction?: { index: number; text: string };
}

interface Scored extends Unit {
  /** What sentences are ranked by: the evidence, less a little per retrieval rank. */
  score: number;
  /** How much of the question the sentence answers, wherever retrieval ranked its passage. */
  evidence: number;
  matched: Set<string>;
}

/*
 * Text addressed to an assistant inside a document is a planted instruction, not a fact: quoting it
 * would pass the instruction (its links, codes) on to the reader.
 */
const PLANTED_INSTRUCTION = new RegExp(
  [
    String.raw`\b(?:ignore|disregard|forget|override)\b[^.]{0,30}\b(?:previous|prior|above|earlier|all|your|system)\b[^.]{0,20}\b(?:instructions?|rules?|prompts?)\b`,
    String.raw`\b(?:note|message|instructions?)\s+(?:to|for)\s+(?:the\s+)?(?:ai|assistants?|chatbots?|language models?|llms?)\b`,
    String.raw`\b(?:ai|assistants?|chatbots?|language models?|llms?)\s+(?:answering|reading|processing)\b`,
    String.raw`\byou are now\b|\bsystem prompt\b`,
  ].join("|"),
  "i",
);

/**
 * "How long", "how often", "how soon", "how fast": the adverb asks for a figure (answer-figures.ts) as "how
 * many" does, and is no more the question's subject than "how". Counted as one, it was a word the
 * answering sentence lacks ("within 5 working days" for "how long do I have to log a gift").
 */
const HOW_ADVERB = /\bhow\s+(?:long|often|soon|far|early|late|quickly|fast|frequently)\b/gi;
const SEASON = "spring|summer|autumn|fall|winter";

/**
 * When the asker's story happened ("last year", "this morning", "two weeks ago", "yesterday", "on
 * Tuesday", "at the weekend"): a detail of the telling, not what is asked, and a policy's answer
 * never repeats it. Counted, "last year" in "signed the opt-out last year and want to cancel it, how do I do that" weighed as much as
 * "cancel". "This year" and "next year" are left alone: a leave or tax year is often what is asked
 * ("can I carry holiday over into next year?").
 */
const STORY_TIME = new RegExp(
  String.raw`\b(?:(?:last|previous)\s+(?:week|weekend|month|year|morning|afternoon|evening|night|${WEEKDAYS}|${SEASON})|` +
    String.raw`(?:this|next|coming)\s+(?:week|weekend|month|morning|afternoon|evening|night|${WEEKDAYS}|${SEASON})|` +
    String.raw`(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|\d+)\s+(?:days?|weeks?|months?|years?)\s+ago|` +
    // "on Tuesday", "at the weekend" told ("the machine was broken on Tuesday"), not asked ("working on Sunday").
    String.raw`(?<!\b(?:work|works|working|worked|shifts?|overtime|open|opens|closed)\s+)(?:(?:on|at|over)\s+the\s+weekend|on\s+(?:${WEEKDAYS}))|` +
    String.raw`yesterday|today|tonight|tomorrow|tmrw|tmr|recently|just now|right now|at the moment|at present)\b`,
  "gi",
);

/** "an 8 hr shift", "24hr": hours; "hr" alone may be the HR team, which an index of policies holds. */
const HOURS_SHORTHAND = /(?<=\d\s?)hr\b/gi;

/** `text` with each amount of money as the one number it is ("$3,200" -> "3200", "$18k" -> "18000"), not words "3" and "200". */
function wholeAmounts(text: string): string {
  let out = "";
  let at = 0;
  for (const a of amountsIn(text)) {
    out += `${text.slice(at, a.index)} ${Number.isInteger(a.value) ? a.value : a.text} `;
    at = a.index + a.text.length;
  }
  return out + text.slice(at);
}

/** The stems a question is weighed by: its content words, less the words about documents and asking (and typed contractions). */
export function questionTerms(question: string): string[] {
  return [...new Set(questionWords(question).map((w) => w.stem))];
}

/**
 * The question's content words as asked, each with its stem: what corpus statistics are looked up
 * for. A word whose stem is a stop word ("others", "whats") says no more than the stop word: counted,
 * it was a word found nowhere, held against every answer.
 */
export function questionWords(question: string): { word: string; stem: string }[] {
  return [...new Set(contentWords(spacedUnits(wholeThousands(wholeAmounts(question.replace(HOW_ADVERB, "how").replace(STORY_TIME, " ").replace(HOURS_SHORTHAND, " hours"))))))]
    .filter((word) => !UNMARKED_CONTRACTIONS.has(word))
    .map((word) => ({ word, stem: snowballStem(word) }))
    .filter((w) => !ASKING_STEMS.has(w.stem) && !STOPWORDS.has(w.stem));
}

/** Word -> chunks containing it, and the chunk count: the index's statistics (db/queries/term-stats). */
export type TermStatsSource = (words: string[]) => Promise<{ chunks: number; df: Map<string, number> }>;

/** The index's statistics for a question's words, keyed by stem; a stem asked in several forms takes its most common one. */
export async function questionWeights(question: string, termStats: TermStatsSource): Promise<TermWeights> {
  const words = questionWords(question);
  const stats = await termStats(words.map((w) => w.word));
  const df = new Map<string, number>();
  for (const { word, stem } of words) {
    const f = stats.df.get(word);
    if (f !== undefined) df.set(stem, Math.max(df.get(stem) ?? 0, f));
  }
  return { chunks: stats.chunks, df };
}

/** The question as the answerer reads it (a follow-up with its standalone form), and the index's statistics for its words. */
export interface ReadQuestion {
  asked: string;
  standalone?: string;
  /** Without them, the given sources stand in for the index. */
  weights?: TermWeights;
}

/**
 * Reads a question against the index. A word no chunk contains that is a letter or two from a word
 * of the given sources is read as that word: a typo ("pasword", "interantional") would otherwise
 * count against an answer the sources hold. A word the index knows is never changed.
 */
export async function readQuestion(asked: string, standalone: string | undefined, sources: PromptSource[], termStats: TermStatsSource): Promise<ReadQuestion & { weights: TermWeights }> {
  const both = (a: string, s?: string) => `${a}\n${s ?? ""}`;
  const text = both(asked, standalone);
  const weights = await questionWeights(text, termStats);
  if (weights.chunks === 0) return { asked, standalone, weights };
  const unknown = questionWords(text).filter((w) => weights.df.get(w.stem) === 0).map((w) => w.word);
  const texts = sources.map((s) => s.text);
  const vocabulary = wordCounts(texts);
  const compounds = compoundCorrections(text, new Set(unknown), vocabulary);
  const halves = new Set([...compounds.keys()].flatMap((pair) => pair.split(" ")));
  const single = unknown.filter((w) => !halves.has(w));
  const phrases = phraseCorrections(text, texts.join("\n"), vocabulary);
  const corrected = new Map([...phrases, ...compounds, ...typoCorrections(single, vocabulary)]);
  // An acronym the sources spell out, of the words no other reading explains ("HV", not "hrs" or "km").
  const corrections = new Map([...acronymCorrections(text, single.filter((w) => !corrected.has(w)), texts), ...corrected]);
  if (corrections.size === 0) return { asked, standalone, weights };
  const read = { asked: applyCorrections(asked, corrections), standalone: standalone === undefined ? undefined : applyCorrections(standalone, corrections) };
  return { ...read, weights: await questionWeights(both(read.asked, read.standalone), termStats) };
}

/** Picks the best-answering source sentences and formats them with citations; pure and deterministic. */
export function composeExtractiveAnswer(question: string, sources: PromptSource[], options: ComposeOptions): ExtractiveAnswer {
  const decline = (evidence = 0, share = 0): ExtractiveAnswer => ({ text: options.notFound, cited: [], evidence, share });
  const settings = options.settings ?? ANSWERER_DEFAULTS;
  // A word the index's text search drops as a stop word ("because", "against", "now") has no
  // statistics: it is a function word, not a subject the documents lack.
  const stats = options.weights && options.weights.chunks > 0 ? options.weights : undefined;
  const indexed = (t: string) => !stats || stats.df.has(t);
  const own = questionTerms(question).filter(indexed);
  // The words a follow-up takes from the conversation say what it is about; its own words say what it asks.
  const carried = new Set(questionTerms(options.standalone ?? "").filter((t) => !own.includes(t) && indexed(t)));
  const terms = [...own, ...carried];
  const units = sourceUnits(sources);
  if (terms.length === 0 || units.length === 0) return decline();

  const idf = termWeights(sources, settings.minTermWeight, options.weights);
  // Words naming the document to look in ("according to the HMO booklet") say where, not what.
  const reference = documentReference(question, sources);
  // A name ("Chicago", "FEGLI") says what the question is about more surely than a common word:
  // a sentence without it answers another question, however many of the others it has.
  const names = namesIn(question);
  const share = (t: string) => (reference?.terms.has(t) ? settings.referenceShare : names.has(t) ? settings.nameFactor : 1);
  const weight = (t: string) => idf(t) * (carried.has(t) ? settings.carriedShare : 1) * share(t);
  const known = terms.filter((t) => weight(t) > 0);
  if (known.length === 0) return decline();
  const ownKnown = carried.size > 0 ? own.filter((t) => weight(t) > 0) : [];
  // A follow-up none of whose own words the index has ("and in Tokyo?") asks about something the
  // documents never mention, however well they cover the conversation's subject.
  if (carried.size > 0 && own.length > 0 && ownKnown.length === 0) return decline();
  // A word found nowhere cannot point at the answer, but it may be what the question is about
  // ("the capital of France"): it counts against the evidence, at a share of a known word's weight.
  // A name the index never mentions ("Tokyo", "France") weighs more than a common word it lacks
  // (a typo, a paraphrase).
  const unknownWeight = (settings.unknownShare * known.reduce((sum, t) => sum + weight(t), 0)) / known.length;
  const unknownTermWeight = (t: string) => unknownWeight * (names.has(t) ? settings.unknownNameFactor : 1);
  // A word found nowhere that only the asker's statements hold is a detail of the story, not what is asked.
  const situation = situationTerms(question, names);
  const total = known.reduce((sum, t) => sum + weight(t), 0) +
    terms.filter((t) => weight(t) === 0 && !carried.has(t) && !CLOCK_TIME.test(t)).reduce((sum, t) => sum + unknownTermWeight(t) * (situation.has(t) ? settings.situationUnknownShare : 1), 0);
  const wantsFigure = askedFigure(question);
  // The asker's own figures ("I'm 52", "after 12 years"), for the table rows whose band covers them.
  const figures = plainNumbers(question).map(String).filter((t) => terms.includes(t));
  const amounts = amountsIn(question).map((a) => String(a.value)).filter((t) => terms.includes(t));
  // A length or weight the asker states ("about 2,500 km"), for a band written in the same unit.
  const measures = measuresIn(question).filter((m) => terms.includes(String(m.value)));
  const figureWeight = (t: string) => weight(t) || unknownTermWeight(t);
  // A name asked about, not one of the asker's story ("a customs agent at Holyhead says ...").
  // A year asked ("the company holidays in 2028") says which one as a name does: a sentence without
  // it (nor its passage's headings) gives another year's ("nine paid company holidays in 2027").
  const specific = [
    ...[...placeNamesIn(question)].filter((t) => idf(t) >= SPECIFIC_NAME_IDF && own.includes(t) && !reference?.terms.has(t)),
    ...own.filter((t) => YEAR.test(t)),
  ].filter((t) => !situation.has(t));
  // What a yes-or-no question asks exists ("is there a dress code", "do we get leave to vote"): its
  // rarest word, which the answering sentence must hold (figures excepted: "is there a deadline" is
  // answered by the date).
  const existent = existenceAsked(question, weight);

  // Each question word's family, for a sentence that has the word in another form ("apply": "application").
  const withStandalone = `${question}\n${options.standalone ?? ""}`;
  const asWritten = contentWords(withStandalone);
  const family = new Map(asWritten.flatMap((w) => { const key = derivationKey(w); return key ? [[snowballStem(w), key] as const] : []; }));
  // An everyday word the index has in other passages ("wine" at a tasting) is not read as its formal
  // word (typos.ts), but a sentence stating the rule in the formal word ("alcohol") answers it.
  // So does an everyday phrase the sources also write ("sign off" a form, "right away"): a sentence
  // saying "approve" or "immediately" counts for its words.
  const formal = new Map<string, string[]>();
  const addFormal = (stem: string, words: readonly string[]) => {
    const stems = words.filter((f) => !f.includes(" ")).map(snowballStem);
    if (stems.length > 0) formal.set(stem, [...new Set([...(formal.get(stem) ?? []), ...stems])]);
  };
  for (const w of asWritten) addFormal(snowballStem(w), formalWords(w));
  for (const [phrase, words] of everydayPhrases(withStandalone)) for (const w of contentWords(phrase)) addFormal(snowballStem(w), words);
  const seen = new Set<string>();
  const scored: Scored[] = units
    .filter((u) => !seen.has(u.text) && seen.add(u.text)) // the same sentence in two chunks is quoted once
    .map((u) => scoreUnit(u, terms, weight, total, wantsFigure, settings, reference, { figures, weight: figureWeight, family, formal, specific, amounts, measures, existent }))
    .filter((u) => u.score > 0 && u.matched.size > 0)
    // A follow-up's sentence must speak to what it asks, not only to what the conversation was about.
    .filter((u) => !ownKnown.length || ownKnown.some((t) => u.matched.has(t) || u.context.has(t)))
    .sort((a, b) => b.score - a.score || a.order - b.order); // ties keep retrieval then document order

  const best = scored[0];
  const bestShare = best?.evidence ?? 0;
  const evidence = bestShare * Math.max(1, terms.length / settings.sentenceTerms);
  if (!best || evidence < settings.minEvidence) return decline(evidence, bestShare);

  const chosen: Scored[] = [best];
  const covered = new Set(best.matched);
  // Further sentences first when they carry question words the best one lacks.
  // When the question names a document, another document's sentence answers for something it did not ask about.
  // So does one that names it by a word of its title alone ("PPO specialist copay"): once the best
  // sentence comes from a document so named, a document whose title lacks every such word (the twin
  // plan's booklet, its copay for the same visit) has nothing to add.
  const titled = sourcesTitledBy(question, sources);
  const sameDocuments = (s: Scored) => (!reference || reference.named.has(s.n)) && (!titled.has(best.n) || titled.has(s.n));
  // Rows of a table are parallel records: a further row that neither holds the best sentence's
  // weightiest question word nor adds one it lacks is another record's (Calgary's hotel rate beside
  // Rotterdam's, the smartphone's charge beside the laptop's).
  const weightiest = [...best.matched].reduce((a, b) => (weight(b) > weight(a) ? b : a));
  const sameRecord = (s: Scored) => s.kind !== "row" || s.matched.has(weightiest) || [...s.matched].some((t) => !best.matched.has(t));
  const rest = scored.slice(1).filter((s) => s.score >= best.score * settings.minRelativeScore && !s.leadIn && sameDocuments(s) && sameRecord(s));
  const adds = (s: Scored) => [...s.matched].some((t) => !covered.has(t));
  for (const s of [...rest.filter(adds), ...rest.filter((s) => !adds(s))]) {
    if (chosen.length >= settings.maxSentences) break;
    chosen.push(s);
    s.matched.forEach((t) => covered.add(t));
  }

  const budget = options.maxWords ?? Infinity;
  let words = 0;
  const lines: string[] = [];
  const cited = new Set<number>();
  // A unit is quoted once, whether chosen itself or brought by the lead-in before it.
  const key = (u: Unit) => `${u.n}:${u.index}`;
  const quoted = new Set<string>();
  // A passage cut right after a colon ("What you pay under the Select HMO plan:", its table in the
  // next passage) leaves a sentence announcing what is not there: quoted, it says nothing. It is
  // left out when anything else can be quoted.
  const dangling = (s: Scored) => s.text.endsWith(":") && !s.leadIn && !units.some((u) => u.n === s.n && u.index === s.index + 1);
  const kept = chosen.some((s) => !dangling(s)) ? chosen.filter((s) => !dangling(s)) : chosen;
  // A row or item chosen beside the sentence that introduces its list (the lead-in, or the sentence
  // before it) is quoted within that list, which takes its place: the table whole under what it is
  // about, rather than one row and then the rest. Not when the asker's own figure chose the row
  // ("I'm 52"): that row leads.
  const introducer = (s: Scored) => {
    const at = s.kind !== "prose" ? s.introduction?.index : undefined;
    if (at === undefined) return undefined;
    return kept.find((c) => c.n === s.n && c.kind === "prose" && (c.index === at || (c.index === at - 1 && c.block === units.find((u) => u.n === c.n && u.index === at)?.block)));
  };
  const quotable = figures.length > 0 ? kept : [...new Set(kept.map((s) => introducer(s) ?? s))];
  quotable.forEach((s, i) => {
    if (quoted.has(key(s))) return;
    // A sentence whose paragraph goes on to introduce a list or table ("Entitlement grows with
    // length of service:") brings that lead-in and what it introduces: the figures are there.
    const next = units.find((u) => u.n === s.n && u.index === s.index + 1);
    const lead = s.leadIn ? s : next?.leadIn && next.block === s.block && !quoted.has(key(next)) ? next : undefined;
    const items = (lead ? introducedItems(lead, units) : []).filter((u) => !quoted.has(key(u)));
    // A sentence ending in ":" before a paragraph rather than a list ("We use the information you
    // provide in the following ways:") says that what follows is its point: quoted alone, it ends
    // on a colon with nothing after it.
    const follow = !lead && s.text.endsWith(":") && next?.kind === "prose" && !quoted.has(key(next)) ? next : undefined;
    // An item chosen alone is quoted after its list's lead-in, once per answer.
    const intro = s.kind === "item" && s.introduction && !quoted.has(`${s.n}:${s.introduction.index}`) ? s.introduction : undefined;
    const text = [...(intro ? [intro.text] : []), s.text, ...(lead && lead !== s ? [lead.text] : []), ...(follow ? [follow.text] : [])].join(" ");
    const cost = countWords(text) + items.reduce((sum, u) => sum + countWords(u.text), 0);
    if (i > 0 && words + cost > budget) return;
    words += cost;
    [s, ...(lead ? [lead] : []), ...(follow ? [follow] : []), ...items].forEach((u) => quoted.add(key(u)));
    if (intro) quoted.add(`${s.n}:${intro.index}`);
    cited.add(s.n);
    lines.push(`${text} [${s.n}]`);
    for (const item of items) lines.push(`  - ${item.text} [${item.n}]`);
  });

  const bullets = options.bulletLists ?? true;
  const top = lines.filter((l) => !l.startsWith("  - "));
  let text: string;
  if (top.length === 1) text = lines.map((l) => (l.startsWith("  - ") ? l.slice(2) : l)).join("\n");
  else if (bullets) text = lines.map((l) => (l.startsWith("  - ") ? l : `- ${l}`)).join("\n");
  else text = lines.map((l) => (l.startsWith("  - ") ? l.slice(2) : l)).join(lines.some((l) => l.startsWith("  - ")) ? "\n" : " ");
  return { text, cited: [...cited], evidence, share: bestShare };
}

/**
 * Whether everything a question names is in the asker's statements, and its asking sentence names
 * nothing ("My shift leader docked half a day from me because the bus broke down. Can he do
 * that?"): it asks for a judgement on the story told, not for a rule.
 */
export function asksOnlyAboutStory(question: string): boolean {
  // Only a sentence the asker marked with "?": "supervisor here, they want me reachable on my own
  // cell. do i get anything for that" asks for the rule on phones.
  const story = toldAndAsked(question, MARKED_QUESTION);
  return story !== undefined && story.asked.length === 0;
}

/** The words only the asker's statements hold, when the question also asks in a sentence of its own. */
function situationTerms(question: string, names: ReadonlySet<string>): Set<string> {
  const story = toldAndAsked(question);
  if (!story) return new Set();
  const asked = new Set(story.asked);
  // "I'm going to a trade show in Tokyo. What are the meal limits there?": the place told is the one asked about.
  return new Set(story.told.filter((t) => !asked.has(t) && !(story.pointsBack && names.has(t))));
}

/**
 * A yes-or-no question asking whether something exists, opening its sentence: "Is there a dress
 * code?", "do we get leave to vote?", "Does Cedarline offer a donation match?". Not "what do I get
 * paid", "how many days do we get".
 */
const EXISTENCE = /(?:^|[.?!,;]\s*|\b(?:and|so|but|hey|hi)\s+)(?:is there|are there|do (?:we|i|you|employees|staff|they) (?:get|have|receive)|does (?:the company|[\w-]+) (?:offer|give|provide|have|pay for))\s+(?:a |an |any |some )?([^?.,!;]*)/i;
/** Words ending the thing asked after: "leave to vote", "an allowance per hour", "paid breaks during the day". */
const OBJECT_ENDS = new Set("for to if when on in at of with that after before while during besides except and or like per each from by".split(" "));
/** A figure asked after ("is there a deadline", "a limit", "a day off") is found by its figure, not its word. */
const FIGURE_NOUNS = new Set(contentTerms("deadline deadlines limit limits time maximum minimum cap max min number amount day days"));

/** The rarest word, of the first three, that names the thing an existence question asks after; of two as rare, the later, the head of its phrase ("an annual bonus"). */
function existenceAsked(question: string, weight: (t: string) => number): string | undefined {
  const thing = EXISTENCE.exec(question)?.[1];
  if (!thing) return undefined;
  const words = thing.toLowerCase().split(/\s+/).filter(Boolean);
  const end = words.findIndex((w) => OBJECT_ENDS.has(w));
  const terms = contentTerms(words.slice(0, end < 0 ? 3 : Math.min(end, 3)).join(" ")).filter((t) => weight(t) > 0 && !FIGURE_NOUNS.has(t));
  return terms.length > 0 ? terms.reduce((a, b) => (weight(b) >= weight(a) ? b : a)) : undefined;
}

/** "There" pointing back at a place ("the limits there?", "over there"), not announcing one ("is there a limit?"). */
const THERE_BACK = /\b(?:over|out|up|down)\s+there\b|(?<!\b(?:is|are|was|were|be|been)\s+)\bthere\s*(?:[?!.,]|$)/i;

const MARKED_QUESTION = (sentence: string) => sentence.endsWith("?");
/** A sentence typed without its "?" still asks when it opens as a question does ("how much paid time do i get"). */
const ASKING_SENTENCE = (sentence: string) => MARKED_QUESTION(sentence) || /^(?:how|what|whats|what's|when|where|who|which|why|can|could|do|does|is|are|am|will|would|should|may|must)\b/i.test(sentence);

/** The terms of a question's statements and of its asking sentences, when it has both kinds. */
function toldAndAsked(question: string, asks = ASKING_SENTENCE): { told: string[]; asked: string[]; pointsBack: boolean } | undefined {
  const sentences = typedSentences(question).map((x) => x.trim());
  if (!sentences.some(asks) || sentences.every(asks)) return undefined;
  const asking = sentences.filter(asks);
  return { told: sentences.filter((x) => !asks(x)).flatMap(questionTerms), asked: asking.flatMap(questionTerms), pointsBack: asking.some((x) => THERE_BACK.test(x)) };
}

/** Words English capitalises that name no subject: "I", the months and the days of the week ("since I started in March"). */
const NOT_NAMES = /^(?:I|I'm|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

/** Stems of the words written capitalised inside a sentence of the question: names, not sentence starts. */
function namesIn(question: string): Set<string> {
  return new Set(capitalisedWords(question).flatMap((w) => contentTerms(w)));
}

/**
 * Stems of the question's names of a place or a thing ("Chicago", "Holyhead"), not its acronyms:
 * "HGV", "FMLA" or "USA" name the field a question is in more often than which one it asks about,
 * and the answering sentence often spells them out or leaves them to its heading.
 */
function placeNamesIn(question: string): Set<string> {
  return new Set(capitalisedWords(question).filter((w) => /\p{Ll}/u.test(w)).flatMap((w) => contentTerms(w)));
}

function capitalisedWords(question: string): string[] {
  return (question.normalize("NFKC").match(/(?<![.!?]\s*|^\s*)\b\p{Lu}[\p{L}\p{N}]*/gu) ?? []).filter((w) => !NOT_NAMES.test(w));
}

function sourceUnits(sources: PromptSource[]): Unit[] {
  let order = 0;
  // "The CDP is open to ..." answers a question on the Competitive Development Program.
  const spelled = definedAcronyms(sources);
  return sources.flatMap((source, rank) => {
    const context = new Set(contentTerms([source.title, ...source.headingPath].join(" ")));
    // A chunk opens with the headings it sits under: labels of what follows, not facts to quote
    // (numbered or not, in any case: a list of links under "Resources" names the "Advanced sick
    // leave" page as "Advanced Sick Leave").
    const heading = isOneOf([source.title, ...source.headingPath]);
    const units = passageUnits(source.text);
    return units.flatMap((u, index): Unit[] => {
      if (PLANTED_INSTRUCTION.test(u.text) || countWords(u.text) < MIN_UNIT_WORDS || heading(u.text)) return [];
      const words = contentWords(spacedUnits(wholeAmounts(u.text.replace(LEGAL_FORM, " "))));
      const terms = words.map(snowballStem);
      // An item or a row is read with what introduces it: "The following are never reimbursed:".
      const leadAt = u.kind !== "prose" ? units.slice(0, index).findLastIndex((p) => p.block !== u.block || p.kind === "prose") : -1;
      const lead = leadAt >= 0 ? units[leadAt] : undefined;
      const unitContext = lead?.leadIn ? new Set([...context, ...contentTerms(lead.text)]) : context;
      const introduction = lead?.leadIn ? { index: leadAt, text: lead.text } : undefined;
      return [{ ...u, n: source.n, rank, order: order++, terms, termSet: withAcronyms(new Set(terms), spelled), context: unitContext, families: once(() => new Set(words.flatMap((w) => derivationKey(w) ?? []))), index, introduction }];
    });
  });
}

const once = <T>(make: () => T): (() => T) => {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
};

/** Acronyms the sources define, as stems: "cdp" -> ["competit", "develop", "program"]. */
function definedAcronyms(sources: PromptSource[]): Map<string, string[]> {
  const spelled = new Map<string, string[]>();
  for (const source of sources) {
    for (const [acronym, words] of acronymsIn([source.title, ...source.headingPath, source.text].join("\n"))) {
      const [key] = contentTerms(acronym);
      const stems = contentTerms(words.join(" "));
      if (key && stems.length > 1) spelled.set(key, stems);
    }
  }
  return spelled;
}

/** A sentence saying "the CDP" says "Competitive Development Program", and the other way round. */
function withAcronyms(terms: Set<string>, spelled: Map<string, string[]>): Set<string> {
  for (const [acronym, stems] of spelled) {
    if (terms.has(acronym)) stems.forEach((t) => terms.add(t));
    else if (stems.every((t) => terms.has(t))) terms.add(acronym);
  }
  return terms;
}

/** The list items or table rows a lead-in sentence introduces. */
function introducedItems(lead: Unit, units: Unit[]): Unit[] {
  const start = units.findIndex((u) => u.n === lead.n && u.index === lead.index);
  const items: Unit[] = [];
  for (const u of units.slice(start + 1)) {
    if (u.n !== lead.n || u.kind === "prose" || items.length >= MAX_ITEMS) break;
    if (items.length > 0 && u.block !== items[0]!.block) break;
    items.push(u);
  }
  return items;
}

/**
 * BM25's idf from corpus statistics, at least `least`. A word found in no chunk weighs nothing: it
 * cannot help find the answer, and must not make an answerable question look unanswered (a typo, "pdf").
 */
function termWeights(sources: PromptSource[], least: number, stats?: TermWeights): (term: string) => number {
  let n: number;
  let df: (t: string) => number | undefined;
  if (stats && stats.chunks > 0) {
    n = stats.chunks;
    df = (t) => stats.df.get(t);
  } else {
    const sets = sources.map((s) => new Set(contentTerms(s.text)));
    // Few passages make a poor corpus: count each as several, so a word in all of them still weighs a little.
    n = Math.max(sets.length, 1) * 4;
    df = (t) => sets.filter((s) => s.has(t)).length;
  }
  const cache = new Map<string, number>();
  return (t) => {
    if (!cache.has(t)) {
      const f = df(t);
      cache.set(t, f === undefined || f === 0 || STOPWORDS.has(t) ? 0 : Math.max(least, Math.log(1 + (n - f + 0.5) / (f + 0.5))));
    }
    return cache.get(t)!;
  };
}

function scoreUnit(
  u: Unit, terms: string[], weight: (t: string) => number, total: number, wantsFigure: AskedFigure | undefined, settings: AnswererSettings,
  reference: DocumentReference | undefined, asked: { figures: string[]; weight: (t: string) => number; family: Map<string, string>; formal: Map<string, string[]>; specific: string[]; amounts: string[]; measures: { value: number; unit: string }[]; existent?: string },
): Scored {
  // A word naming the document counts for every sentence of the named document that its title or
  // the sentence carries, and for no sentence of another: "HMO" in a sentence of the PPO booklet
  // ("unlike the HMO, ...") does not make it the HMO's answer.
  const inNamed = reference?.named.has(u.n) ?? false;
  const has = (t: string) =>
    !reference?.terms.has(t) ? u.termSet.has(t) : inNamed && (u.termSet.has(t) || u.context.has(t) || REFERENCE_KINDS.has(t));
  const matched = new Set(terms.filter((t) => has(t) && weight(t) > 0));
  // A row whose band covers the asker's figure ("50 to 54" for "I'm 52") is the row for it; a row
  // whose bands do not cover it is another row, whatever digits its cells hold ("6.15" for "6 years").
  const unitBands = (u.kind === "row" && asked.figures.length > 0) || asked.amounts.length > 0 || asked.measures.length > 0 ? bandsIn(u.text) : [];
  const bands = u.kind === "row" ? unitBands : [];
  const banded = bands.length > 0 ? asked.figures.filter((t) => inBand(Number(t), bands)) : [];
  for (const t of bands.length > 0 ? asked.figures : []) {
    if (banded.includes(t)) matched.add(t);
    else matched.delete(t);
  }
  // An amount the asker names ("it's around $3,200") is placed by a band of money in any sentence or
  // row ("$1,000.01 to $5,000", "receipts for $25 or more"), not by an hour's ("more than 5 hours");
  // one without such a band loses nothing.
  const placed = [
    ...asked.amounts.filter((t) => !matched.has(t) && inBand(Number(t), unitBands.filter((b) => b.money))),
    ...asked.measures.filter((m) => !matched.has(String(m.value)) && inBand(m.value, unitBands.filter((b) => b.unit === m.unit))).map((m) => String(m.value)),
  ];
  placed.forEach((t) => matched.add(t));
  // A figure the index never mentions counts as much as it weighs against the answer elsewhere.
  let own = [...banded, ...placed].reduce((sum, t) => sum + asked.weight(t) - weight(t), 0);
  let context = 0;
  for (const t of terms) {
    if (matched.has(t)) own += weight(t);
    else if (weight(t) > 0 && !reference?.terms.has(t) && asked.family.has(t) && u.families().has(asked.family.get(t)!)) {
      own += weight(t) * settings.derivedShare;
      matched.add(t);
    }
    else if (weight(t) > 0 && asked.formal.get(t)?.some((f) => u.termSet.has(f))) {
      own += weight(t) * settings.everydayShare;
      matched.add(t);
    }
    else if (u.context.has(t) && !reference?.terms.has(t)) context += weight(t) * settings.contextShare;
  }
  let score = (own + context) / total;
  // Question words that stand together ("annual leave", "expense claim") and do so in the sentence.
  let phrase = 0;
  for (let i = 0; i + 1 < terms.length; i++) {
    const [a, b] = [terms[i]!, terms[i + 1]!];
    if (reference?.terms.has(a) || reference?.terms.has(b)) continue;
    if (matched.has(a) && matched.has(b) && near(u.terms, a, b)) phrase += (settings.phraseShare * (weight(a) + weight(b))) / total;
  }
  score += Math.min(phrase, 0.3);
  if (wantsFigure) score = carriesFigure(u.text, wantsFigure) ? score + settings.figureBonus : score * settings.noFigureFactor;
  if (asked.specific.length > 0 && !asked.specific.some((t) => u.termSet.has(t) || u.context.has(t))) score *= settings.missingNameFactor;
  // An existence question's thing ("is there a dress code", "do we get leave to vote"), not in the
  // sentence nor its headings: the sentence is about something else the documents do have.
  if (asked.existent && !matched.has(asked.existent) && !u.context.has(asked.existent)) score *= settings.missingNameFactor;
  return { ...u, score: score * (1 - settings.rankDecay * u.rank), evidence: score, matched };
}

function near(terms: string[], a: string, b: string): boolean {
  for (let i = 0; i < terms.length; i++) {
    if (terms[i] !== a && terms[i] !== b) continue;
    for (let j = i + 1; j <= i + 3 && j < terms.length; j++) {
      if ((terms[j] === a || terms[j] === b) && terms[j] !== terms[i]) return true;
    }
  }
  return false;
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
