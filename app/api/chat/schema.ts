import { z } from "zod";

/** The client sends only the new message; the history comes from the database. */
export const chatRequestSchema = z.object({
  id: z.uuid(),
  message: z.object({
    id: z.string().min(1).max(100),
    role: z.literal("user"),
    parts: z.array(z.object({ type: z.literal("text"), text: z.string() })).min(1).max(10),
  }),
  /** Nothing comes before the question in the client's view of the conversation: a hint that lets the search start early (lib/chat/answer.ts). */
  alone: z.boolean().optional(),
});
