/**
 * The source viewer at one version, scrolled to a chunk when given, with the cited sentences
 * (offsets into the chunk's text) marked inside it: the link carries them so opening a citation
 * costs no lookup of the answer.
 */
export function viewerUrl(documentId: string, versionId: string, chunkId?: string, marks?: [number, number][]): string {
  const base = `/sources/${documentId}/${versionId}`;
  if (!chunkId) return base;
  return marks?.length ? `${base}?chunk=${chunkId}&mark=${marks.map(([s, e]) => `${s}-${e}`).join(",")}` : `${base}?chunk=${chunkId}`;
}

/** The uploaded file of one version (app/sources/[documentId]/[versionId]/file). */
export function fileUrl(documentId: string, versionId: string): string {
  return `/sources/${documentId}/${versionId}/file`;
}
