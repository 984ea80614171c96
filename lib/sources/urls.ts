/** The source viewer at one version, scrolled to a chunk when given. */
export function viewerUrl(documentId: string, versionId: string, chunkId?: string): string {
  const base = `/sources/${documentId}/${versionId}`;
  return chunkId ? `${base}?chunk=${chunkId}` : base;
}

/** The uploaded file of one version (app/sources/[documentId]/[versionId]/file). */
export function fileUrl(documentId: string, versionId: string): string {
  return `/sources/${documentId}/${versionId}/file`;
}
