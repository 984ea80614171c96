import { requireUser } from "@/lib/auth/session";
import { starterQuestions } from "@/lib/chat/starters";
import { toErrorResponse } from "@/lib/errors";

/**
 * The signed-in user's starter questions, drawn only from documents they may read: an empty chat
 * opened before any document was ready asks here until some appear.
 */
export async function GET(request: Request) {
  try {
    const user = await requireUser();
    return Response.json({ starters: await starterQuestions(user) }, { headers: { "cache-control": "private, no-store" } });
  } catch (err) {
    return toErrorResponse(err, request);
  }
}
