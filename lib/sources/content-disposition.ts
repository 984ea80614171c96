/**
 * `attachment` with both filename forms of RFC 6266: an ASCII fallback for old clients (quotes,
 * backslashes, control and non-ASCII characters replaced) and the exact UTF-8 name in filename*
 * (RFC 8187 percent-encoding). Path separators never survive, so a name cannot point elsewhere.
 */
export function attachmentDisposition(filename: string): string {
  const base = filename.split(/[/\\]/).pop()?.trim() || "download";
  const fallback = base.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const encoded = encodeURIComponent(base).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
