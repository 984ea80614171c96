import { starterTopics, type StarterTopic } from "@/db/queries/starters";
import { askerOf, type CurrentUser } from "../auth/user";
import { db } from "../db";

const STARTERS = 4;

/** Sections that frame a document rather than state its rules: nobody asks about them first. */
const FRAMING = /^(?:purpose|scope|introduction|overview|background|summary|contents|table of contents|definitions?|glossary|principles|general|about this (?:policy|document)|policy statement|revision history|document control|references?|contacts?)$/i;
/** "1.", "2.3", "A.", "Section 4:", "IV." before a heading's words. */
const NUMBERING = /^(?:(?:section|part|chapter)\s+)?(?:\d{1,2}(?:\.\d{1,2})*[.):]?|[a-z][.)]|[ivxlc]+[.)])\s+/i;
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

/** "4. Submitting a Claim" of the Expenses Policy -> "What are the rules on submitting a claim in the Expenses Policy?". */
export function starterQuestion({ title, section }: Pick<StarterTopic, "title" | "section">): string | null {
  const heading = section.replace(NUMBERING, "").trim();
  if (!heading || FRAMING.test(heading)) return null;
  if (heading.endsWith("?")) return heading; // already a question
  return `What are the rules on ${lowerCased(heading)} in ${DOCUMENT_KIND.test(title) ? "the " : ""}${title}?`;
}

/** Title Case to running text, keeping acronyms and names with capitals inside ("IT", "iPhone", "GitHub"). */
function lowerCased(heading: string): string {
  return heading.replace(/\p{L}[\p{L}\p{N}'’-]*/gu, (word) => (/^\p{Lu}[\p{Ll}'’-]*$/u.test(word) ? word.toLowerCase() : word));
}
