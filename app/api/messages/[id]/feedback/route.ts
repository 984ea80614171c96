import { requireUser } from "@/lib/auth/session";
import { giveFeedback } from "@/lib/chat/feedback";
import { toErrorResponse } from "@/lib/errors";
import { requireSameOrigin } from "@/lib/security/origin";

/** Thumbs up or down with an optional comment on an answer: { rating: "up" | "down", comment? }. */
export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    requireSameOrigin(request);
    const user = await requireUser();
    const { id } = await params;
    await giveFeedback(user, id, await request.json().catch(() => null));
    return new Response(null, { status: 204 });
  } catch (err) {
    return toErrorResponse(err, request);
  }
}
