import {
  dailyActivity, documentCitations, thumbsDownAnswers, unansweredQuestions, type DailyActivity, type DocumentCitations,
} from "@/db/queries/analytics";
import { readReplicas } from "../db";

export type { DailyActivity, DocumentCitations, ThumbsDown, UnansweredQuestion } from "@/db/queries/analytics";

export const WINDOWS = [7, 30, 90] as const;
export type WindowDays = (typeof WINDOWS)[number];

/** How many documents each bar chart shows. */
const TOP = 10;

/** The window asked for in the URL, or 30 days. */
export function windowOf(value: string | undefined): WindowDays {
  return WINDOWS.find((w) => String(w) === value) ?? 30;
}

/** Everything the cited-sources page shows, for one window. */
export async function citedSourcesReport(days: WindowDays) {
  // Days of history are summed: a replica a few seconds behind changes nothing, and spares the primary.
  const { value: [documents, thumbsDown, unanswered, activity] } = await readReplicas().read((database) => Promise.all([
    documentCitations(database, days),
    thumbsDownAnswers(database, days),
    unansweredQuestions(database, days),
    dailyActivity(database, days),
  ]));
  return { days, ...rankDocuments(documents), thumbsDown, unanswered, activity: everyDay(activity, days, new Date()) };
}

/**
 * Most cited: those cited at all, most first. Least cited: the rest of the ranking from the bottom,
 * never repeating a document already among the most cited. Not cited: nothing cited them in the
 * window, the longest-unused first (never cited before those cited long ago).
 */
export function rankDocuments(documents: DocumentCitations[]) {
  const cited = documents.filter((d) => d.answers > 0);
  const most = cited.slice(0, TOP);
  const least = documents
    .filter((d) => !most.includes(d))
    .sort((a, b) => a.answers - b.answers || a.title.localeCompare(b.title))
    .slice(0, TOP);
  const notCited = documents
    .filter((d) => d.answers === 0)
    .sort((a, b) => (a.lastCitedAt?.getTime() ?? 0) - (b.lastCitedAt?.getTime() ?? 0) || a.title.localeCompare(b.title));
  return { most, least, notCited };
}

/** One entry per UTC day of the window, ending today, with zeros where nothing happened. */
export function everyDay(activity: DailyActivity[], days: number, today: Date): DailyActivity[] {
  const byDay = new Map(activity.map((a) => [a.day, a]));
  return Array.from({ length: days }, (_, i) => {
    const day = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - (days - 1 - i))).toISOString().slice(0, 10);
    return byDay.get(day) ?? { day, answers: 0, unanswered: 0, thumbsDown: 0 };
  });
}
