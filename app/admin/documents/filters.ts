import { z } from "zod";
import { DOCUMENT_SORTS } from "@/db/queries/documents";

/** The document list's filters and order, from the URL (page) or query string (polling API) alike. */
export const documentFiltersSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  status: z.enum(["queued", "processing", "ready", "failed"]).optional().catch(undefined),
  mime: z.string().max(200).optional().catch(undefined),
  groupId: z.uuid().optional().catch(undefined),
  sort: z.enum(DOCUMENT_SORTS).optional().catch(undefined),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
});
