import { z } from "zod";
import { listDocuments } from "@/db/queries/documents";
import { askerOf, requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError, toErrorResponse } from "@/lib/errors";
import { acceptUpload, checkUploadLength } from "@/lib/ingest/upload";
import { documentFiltersSchema } from "../../admin/documents/filters";
import { requireSameOrigin } from "@/lib/security/origin";

export async function GET(request: Request) {
  try {
    const user = await requireAdmin();
    const filters = documentFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    return Response.json({ documents: await listDocuments(db(), askerOf(user), filters) });
  } catch (err) {
    return toErrorResponse(err, request);
  }
}

/** Upload: stores the file and queues ingestion; returns at once (202). */
export async function POST(request: Request) {
  try {
    requireSameOrigin(request);
    const user = await requireAdmin();
    checkUploadLength(request.headers);
    const form = await request.formData().catch(() => null);
    const file = form?.get("file");
    if (!(file instanceof File)) throw new AppError("bad_request", "Attach a file in the 'file' field.");
    const documentId = form!.get("documentId");
    if (documentId !== null && !z.uuid().safeParse(documentId).success) throw new AppError("not_found", "That document does not exist.");
    const groups = form!.getAll("group").map(String).map((g) => g.trim()).filter(Boolean);
    const result = await acceptUpload({
      filename: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
      uploadedBy: user.id,
      groups: groups.length > 0 ? groups : undefined,
      documentId: typeof documentId === "string" ? documentId : undefined,
      via: "route",
    });
    return Response.json(result, { status: result.outcome === "queued" ? 202 : 200 });
  } catch (err) {
    return toErrorResponse(err, request);
  }
}
