import { findCitationDetails } from "@/db/queries/citations";
import type { Asker } from "@/db/queries/access";
import { db } from "../db";
import { AppError } from "../errors";
import { snippetOf } from "./snippet";
import { viewerUrl } from "./urls";

export interface CitationDetails {
  title: string;
  section: string[];
  page: number | null;
  /** Empty once the document is deleted: its text is no longer handed out. */
  snippet: string;
  version: number;
  currentVersion: number | null;
  deleted: boolean;
  viewerUrl: string;
}

/** What [n] of a stored answer points at; not found unless the asker owns the answer and may read the source. */
export async function citationDetails(asker: Asker, messageId: string, n: number): Promise<CitationDetails> {
  const row = await findCitationDetails(db(), asker, messageId, n);
  if (!row) throw new AppError("not_found", "This citation does not exist or its source is not available to you.");
  return {
    title: row.title,
    section: row.deleted ? [] : row.headingPath,
    page: row.deleted ? null : row.page,
    snippet: row.deleted ? "" : snippetOf(row.text, { cited: row.spans?.[0], headings: [row.title, ...row.headingPath] }),
    version: row.versionNumber,
    currentVersion: row.currentVersionNumber,
    deleted: row.deleted,
    viewerUrl: viewerUrl(row.documentId, row.versionId, row.chunkId, row.spans ?? undefined),
  };
}
