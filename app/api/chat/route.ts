import { consumeStream, createUIMessageStreamResponse } from "ai";
import { requireUser } from "@/lib/auth/session";
import { answer } from "@/lib/chat/answer";
import { admitChat, releasingOnEnd } from "@/lib/chat/limits";
import { AppError, toErrorResponse } from "@/lib/errors";
import { chatRequestSchema } from "./schema";
import { requireSameOrigin } from "@/lib/security/origin";

export async function POST(request: Request) {
  try {
    requireSameOrigin(request);
    const user = await requireUser();
    const body = chatRequestSchema.safeParse(await request.json().catch(() => null));
    if (!body.success) throw new AppError("bad_request", "The request is not a valid chat message.");
    const release = await admitChat(user);
    try {
      const stream = await answer({ user, conversationId: body.data.id, message: body.data.message, alone: body.data.alone, abortSignal: request.signal });
      // Read to the end on the server even when the client goes away, so the (partial) answer is stored.
      return createUIMessageStreamResponse({ stream: releasingOnEnd(stream, release, request.signal), consumeSseStream: consumeStream });
    } catch (err) {
      await release();
      throw err;
    }
  } catch (err) {
    return toErrorResponse(err, request);
  }
}
