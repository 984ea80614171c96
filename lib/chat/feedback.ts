import { z } from "zod";
import { setFeedback } from "@/db/queries/feedback";
import type { CurrentUser } from "../auth/user";
import { db } from "../db";
import { AppError } from "../errors";

export const feedbackInput = z.object({
  rating: z.enum(["up", "down"]),
  comment: z.string().trim().max(2000, "Comments can be at most 2000 characters.").optional(),
});

/** A thumbs up or down, with an optional comment, on one of the user's own answers; changeable. */
export async function giveFeedback(user: CurrentUser, messageId: string, input: unknown) {
  const parsed = feedbackInput.safeParse(input);
  if (!parsed.success) throw new AppError("bad_request", parsed.error.issues[0]?.message ?? "Rate the answer with thumbs up or down.");
  const stored = await setFeedback(db(), user.id, messageId, parsed.data.rating, parsed.data.comment || null);
  // Someone else's answer, a question, or no such message: all look the same from outside.
  if (!stored) throw new AppError("not_found", "This answer does not exist.");
}
