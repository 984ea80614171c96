import { z } from "zod";
import { audit } from "@/lib/admin/audit";
import { findReadableOriginal } from "@/db/queries/documents";
import { askerOf, requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError, toErrorResponse } from "@/lib/errors";
import { DOWNLOAD_POLICY } from "@/lib/security/headers";
import { attachmentDisposition } from "@/lib/sources/content-disposition";

const paramsSchema = z.object({ documentId: z.uuid(), versionId: z.uuid() });

/** The original uploaded file of one version, as a download; 404 unless the asker may read it. */
export async function GET(request: Request, { params }: { params: Promise<{ documentId: string; versionId: string }> }) {
  try {
    const user = await requireUser();
    const ids = paramsSchema.safeParse(await params);
    if (!ids.success) throw new AppError("not_found", "This file does not exist.");
    const { documentId, versionId } = ids.data;
    const file = await findReadableOriginal(db(), askerOf(user), documentId, versionId);
    if (!file) throw new AppError("not_found", "This file does not exist or is not available to you.");
    await audit(db(), user, "document.download", { type: "document", id: documentId }, { versionId });
    return new Response(new Uint8Array(file.original), {
      headers: {
        "Content-Type": file.mime,
        "Content-Length": String(file.original.length),
        "Content-Disposition": attachmentDisposition(file.filename),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": DOWNLOAD_POLICY,
        // Readers can lose access: no shared or stored copies.
        "Cache-Control": "private, no-store",
      },
    });
  } catch (err) {
    return toErrorResponse(err, request);
  }
}
