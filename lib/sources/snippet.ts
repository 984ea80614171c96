const SNIPPET_CHARS = 280;

/** The start of a cited passage, short enough for a source list or a hover card. */
export function snippetOf(text: string): string {
  return text.length > SNIPPET_CHARS ? `${text.slice(0, SNIPPET_CHARS).trimEnd()}…` : text;
}
