import { z } from "zod";
import { audit } from "@/lib/admin/audit";
import { requireAdmin } from "@/lib/auth/session";
import { datasetJsonl } from "@/lib/behaviour/datasets";
import { db } from "@/lib/db";
import { AppError, toErrorResponse } from "@/lib/errors";

/** A dataset split as JSONL in OpenAI's chat fine-tuning format, for upload or self-hosted training. */
export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const admin = await requireAdmin();
    const { id } = await ctx.params;
    const split = new URL(request.url).searchParams.get("split") ?? "train";
    if (!z.uuid().safeParse(id).success) throw new AppError("not_found", "This dataset does not exist.");
    if (split !== "train" && split !== "validation") throw new AppError("bad_request", "split is train or validation.");
    const { dataset, jsonl } = await datasetJsonl(id, split);
    await audit(db(), admin, "dataset.export", { type: "dataset", id: id }, { split });
    return new Response(jsonl, {
      headers: {
        "content-type": "application/jsonl; charset=utf-8",
        "content-disposition": `attachment; filename="groundwork-dataset-v${dataset.version}-${split}.jsonl"`,
      },
    });
  } catch (err) {
    return toErrorResponse(err, request);
  }
}
