// Short joining words stay lower case inside a title ("Guide to the Office"), as in English headlines.
const MINOR = new Set(["a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "via", "with"]);

/**
 * A title a person would write, from a file name, for documents that carry none of their own:
 * "benefits_guide_2027.pdf" becomes "Benefits Guide 2027". The extension goes; underscores, and
 * hyphens other than between digits (dates and ranges keep theirs), become spaces; lower-case
 * words are capitalised, minor ones inside the title excepted. Words with a capital letter in
 * them ("HR", "iPhone", "SPARSE") are kept as their author wrote them. Folders of a bulk import
 * ("leave/index.md") stay, as "Leave / Index": the folder is often the better half of the name.
 */
export function titleFromFilename(filename: string): string {
  const base = filename.replace(/\.[^./\\]+$/, "");
  const title = base
    .split(/[/\\]+/)
    .map((segment) => {
      const words = segment.replace(/_+/g, " ").replace(/(?<!\d)-+|-+(?!\d)/g, " ").split(/\s+/).filter(Boolean);
      return words.map((w, i) => (w !== w.toLowerCase() || (i > 0 && MINOR.has(w)) ? w : w.charAt(0).toUpperCase() + w.slice(1))).join(" ");
    })
    .filter(Boolean)
    .join(" / ");
  return title || filename;
}
