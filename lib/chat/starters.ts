import { starterTopics } from "@/db/queries/starters";
import { askerOf, type CurrentUser } from "../auth/user";
import { db } from "../db";

const STARTERS = 4;

/** Questions for the empty chat, drawn from sections of documents this user can read. */
export async function starterQuestions(user: CurrentUser): Promise<string[]> {
  const topics = await starterTopics(db(), askerOf(user), STARTERS);
  return topics.map((t) => `What does the ${t.title} say about ${t.section}?`);
}
