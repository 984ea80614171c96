import { starterTopics, type StarterTopic } from "@/db/queries/starters";
import { askerOf, type CurrentUser } from "../auth/user";
import { db } from "../db";
import { headingWords } from "../text/headings";

const STARTERS = 4;

/** Sections that frame a document rather than state its rules: nobody asks about them first. */
const FRAMING = /^(?:purpose|scope|introduction|overview|background|summary|contents|table of contents|definitions?|glossary|principles|general|about this (?:policy|document)|policy statement|revision history|document control|references?|contacts?)$/i;
/** A title naming a kind of document reads "in the Expenses Policy"; another, "in Travel". */
const DOCUMENT_KIND = /\b(?:policy|policies|handbook|guide|guidelines|manual|procedures?|standards?|plan|booklet|agreement|code|rules|summary|description|charter|notice)$/i;

/** Questions for the empty chat, drawn from sections of documents this user can read, phrased as a person asks. */
export async function starterQuestions(user: CurrentUser): Promise<string[]> {
  // A few sections of each of a few documents: framing sections are passed over, so ask for more than are shown.
  const topics = await starterTopics(db(), askerOf(user), STARTERS * 2, 3);
  const byDocument = new Map<string, string[]>();
  for (const topic of topics) {
    const question = starterQuestion(topic);
    if (question) byDocument.set(topic.documentId, [...(byDocument.get(topic.documentId) ?? []), question]);
  }
  // Each document's first question, then each one's second, and so on.
  const lists = [...byDocument.values()];
  const questions: string[] = [];
  for (let rank = 0; questions.length < STARTERS && lists.some((l) => l.length > rank); rank++) {
    for (const list of lists) {
      const question = list[rank];
      if (question && questions.length < STARTERS) questions.push(question);
    }
  }
  return questions;
}

/**
 * A heading that names a moment or a situation rather than a subject: "Before You Travel", "If You
 * Are Ill"; not "When to Claim" or "Once-Off Payments", which name a subject.
 */
const SITUATION = /^(?:before|after|while|when|whenever|during|if|once|upon|until|in case of)\s(?!(?:to|and|or)\b)/i;
/** The heading speaks to the reader; the asker speaks for themself ("you are" -> "I am"). */
const ASKER: Record<string, string> = { you: "I", "you are": "I am", "you were": "I was", "you're": "I'm", your: "my", yours: "mine", yourself: "myself" };
/** Longest first, so that "you are" is replaced whole rather than as "you". */
const TO_ASKER = new RegExp(`\\b(?:${Object.keys(ASKER).sort((a, b) => b.length - a.length).join("|")})\\b`, "g");

/**
 * A section as a person asks about it, naming the document so that the answer comes from it:
 * "4. Submitting a Claim" of the Expenses Policy -> "What does the Expenses Policy say about
 * submitting a claim?"; "Before You Travel" of the Business Travel Policy -> "What does the
 * Business Travel Policy say to do before I travel?".
 */
export function starterQuestion({ title, section }: Pick<StarterTopic, "title" | "section">): string | null {
  const heading = headingWords(section);
  if (!heading || FRAMING.test(heading)) return null;
  if (heading.endsWith("?")) return heading; // already a question
  // "the Expenses Policy"; a title that names no kind of document, "the Travel document".
  const document = DOCUMENT_KIND.test(title) ? `the ${title}` : `the ${title} document`;
  const words = lowerCased(heading, title);
  if (SITUATION.test(heading)) return `What does ${document} say to do ${words.replace(TO_ASKER, (w) => ASKER[w]!)}?`;
  return `What does ${document} say about ${words}?`;
}

/**
 * Title Case to running text ("Part-Time Work": "part-time work"), keeping acronyms and names with
 * capitals inside ("IT", "iPhone", "GitHub"). A heading set in capitals throughout ("SUBMITTING A
 * CLAIM") is lower-cased whole, keeping only the words the title writes in capitals too ("IT" of
 * the "IT Security Policy"), since its capitals say nothing about which words are acronyms.
 */
function lowerCased(heading: string, title: string): string {
  // Each part of a hyphenated word on its own: "Part-Time" is Title Case too.
  const WORD = /\p{L}[\p{L}\p{N}'’]*/gu;
  if (!/\p{Ll}/u.test(heading) && (heading.match(WORD) ?? []).some((word) => word.length > 4)) {
    const titleCapitals = new Set((title.match(WORD) ?? []).filter((word) => !/\p{Ll}/u.test(word)));
    return heading.replace(WORD, (word) => (word === "I" || titleCapitals.has(word) ? word : word.toLowerCase()));
  }
  return heading.replace(WORD, (word) => (word !== "I" && /^\p{Lu}[\p{Ll}'’]*$/u.test(word) ? word.toLowerCase() : word));
}
