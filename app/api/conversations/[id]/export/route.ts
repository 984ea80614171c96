import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { exportConversation } from "@/lib/chat/export-markdown";
import { AppError, toErrorResponse } from "@/lib/errors";

/** The signed-in user's own conversation as a Markdown download; 404 for any other id. */
export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUser();
    const { id } = await ctx.params;
    if (!z.uuid().safeParse(id).success) throw new AppError("not_found", "This conversation does not exist.");
    const { filename, markdown } = await exportConversation(user, id);
    return new Response(markdown, {
      headers: {
        "content-type": "text/markdown; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (err) {
    return toErrorResponse(err, request);
  }
}
