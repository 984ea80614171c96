/**
 * The upload size limit as the browser, the route and next.config see it. No imports: the upload
 * form (a client component) and next.config.ts load this without the server's modules.
 */

/** Room for the multipart envelope around the file: boundaries, headers, field names, groups. */
const MULTIPART_ALLOWANCE_BYTES = 1024 * 1024;

/** The largest upload request body: a file of `maxFileBytes` in its multipart form. */
export const uploadRequestMaxBytes = (maxFileBytes: number) => maxFileBytes + MULTIPART_ALLOWANCE_BYTES;

export function tooLargeMessage(filename: string | null, maxFileBytes: number): string {
  return `${filename ? `"${filename}"` : "The file"} is larger than the ${Math.round(maxFileBytes / 1024 / 1024)} MB limit.`;
}
