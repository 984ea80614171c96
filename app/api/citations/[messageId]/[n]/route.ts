import { z } from "zod";
import { askerOf, requireUser } from "@/lib/auth/session";
import { AppError, toErrorResponse } from "@/lib/errors";
import { citationDetails } from "@/lib/sources/citation-details";

const paramsSchema = z.object({ messageId: z.string().min(1).max(200), n: z.coerce.number().int().min(1).max(999) });

/** Where citation [n] of an answer points: title, section, page, snippet, version and viewer URL. */
export async function GET(request: Request, { params }: { params: Promise<{ messageId: string; n: string }> }) {
  try {
    const user = await requireUser();
    const parsed = paramsSchema.safeParse(await params);
    if (!parsed.success) throw new AppError("not_found", "This citation does not exist.");
    return Response.json(await citationDetails(askerOf(user), parsed.data.messageId, parsed.data.n), {
      headers: { "Cache-Control": "private, no-store" },
    });
  } catch (err) {
    return toErrorResponse(err, request);
  }
}
