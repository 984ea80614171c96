import { listDocuments } from "@/db/queries/documents";
import { askerOf, requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError, toErrorResponse } from "@/lib/errors";
import { acceptUpload } from "@/lib/ingest/upload";

export async function GET() {
  try {
    const user = await requireAdmin();
    return Response.json({ documents: await listDocuments(db(), askerOf(user)) });
  } catch (err) {
    return toErrorResponse(err);
  }
}

/** Upload: stores the file and queues ingestion; returns at once (202). */
export async function POST(request: Request) {
  try {
    const user = await requireAdmin();
    const form = await request.formData().catch(() => null);
    const file = form?.get("file");
    if (!(file instanceof File)) throw new AppError("bad_request", "Attach a file in the 'file' field.");
    const result = await acceptUpload({ filename: file.name, bytes: new Uint8Array(await file.arrayBuffer()), uploadedBy: user.id });
    return Response.json(result, { status: result.outcome === "queued" ? 202 : 200 });
  } catch (err) {
    return toErrorResponse(err);
  }
}
