/*
 * Liquid is the template language of Jekyll and GitHub Pages, where many handbooks live. Their
 * Markdown carries build instructions between the prose: a link's address written as
 * `{% page "/travel/" %}`, `{% comment %}` blocks, `{{ site.baseurl }}`. A site renders them away;
 * quoted as written they are noise, and a tag in a link's address (which may not hold spaces)
 * stopped the link being read at all, so `[text]({% page ... %})` showed whole.
 */

// One alternation so a raw block's content is kept as written: raw, comment, tag, output. A tag or
// output is at most 500 characters, so a stray "{%" costs a bounded look ahead, not the whole file.
const LIQUID =
  /\{%-?\s*raw\s*-?%\}([\s\S]*?)\{%-?\s*endraw\s*-?%\}|\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}|\{%-?\s*\w+((?:[^%]|%(?!\})){0,500}?)-?%\}|\{\{-?((?:[^}]|\}(?!\})){0,500}?)-?\}\}/g;
const FIRST_QUOTED = /^\s*(["'])(.*?)\1/;
// A quoted argument with no space that names a path or file ("/travel/", "downloads/form.pdf").
const PATH_LIKE = /^\S*(?:\/|\.[a-z0-9]{2,5}$)\S*$/i;

/**
 * Markdown as its site would show it: each Liquid tag and output replaced by the phrase it quotes
 * first (a channel's name, an alert's heading), or by nothing when that is a path or there is
 * none; comments dropped; raw blocks kept as written. Jekyll renders Liquid only in files that
 * open with front matter, so the caller applies this only to those.
 */
export function renderLiquidAway(source: string): string {
  if (!source.includes("{%") && !source.includes("{{")) return source;
  return source.replace(LIQUID, (_match, raw: string | undefined, tagArgs: string | undefined, output: string | undefined) => {
    if (raw !== undefined) return raw;
    const phrase = FIRST_QUOTED.exec(tagArgs ?? output ?? "")?.[2] ?? "";
    return PATH_LIKE.test(phrase) ? "" : phrase;
  });
}
