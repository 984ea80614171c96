/**
 * Acronyms a text defines: "the Competitive Development Program (CDP)" makes "CDP" and the
 * program's name the same thing. Policies name a thing in full once and by its letters after
 * ("the CDP is only open to ..."), so a question in one form must find sentences in the other.
 */

/** Small words a name skips when it is abbreviated: "Office of Personnel Management", "Health and Human Services". */
const SKIPPED = new Set(["of", "and", "for", "the", "to", "on", "in", "at", "by", "with", "&"]);
const DEFINITION = /\(([A-Z][A-Za-z]{1,9})\)/g;
const WORDS_BEFORE = 12;

/** Acronym -> the words it stands for ("CDP" -> ["Competitive", "Development", "Program"]), for each one the text defines. */
export function acronymsIn(text: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const m of text.matchAll(DEFINITION)) {
    const acronym = m[1]!;
    // An acronym is written mostly in capitals ("CDP", "LWOP", "PhD" is not one).
    if ((acronym.match(/[A-Z]/g) ?? []).length < Math.max(2, acronym.length - 1)) continue;
    const before = wordsOf(text.slice(Math.max(0, m.index - 160), m.index)).slice(-WORDS_BEFORE);
    const expansion = expand(acronym.replace(/s$/, "").toLowerCase(), before);
    if (expansion) found.set(acronym.replace(/s$/, ""), expansion);
  }
  return found;
}

/** The words of `text` as an acronym spells them: split at spaces, hyphens and slashes, without the punctuation around them ("" for a lone mark). */
function wordsOf(text: string): string[] {
  return text.split(/[\s\-/]+/).filter(Boolean).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""));
}

/**
 * The words before a definition (`wordsOf`) whose initials spell the acronym, its last letter on the
 * last word, small words between them skipped ("Office of Personnel Management"); none when no run
 * of words does.
 */
function expand(letters: string, bare: string[]): string[] | undefined {
  // Letter i on word w, or a small word skipped first; a definition is short, so trying both is cheap.
  const spell = (i: number, w: number): string[] | undefined => {
    if (i < 0) return [];
    const word = bare[w];
    if (!word) return undefined;
    const lower = word.toLowerCase();
    if (SKIPPED.has(lower) && i < letters.length - 1) {
      const skipping = spell(i, w - 1);
      if (skipping) return [...skipping, word];
    }
    if (lower[0] !== letters[i]) return undefined;
    const rest = spell(i - 1, w - 1);
    return rest && [...rest, word];
  };
  return spell(letters.length - 1, bare.length - 1);
}

/**
 * A question's acronyms the sources never write but spell out: "HV switching" where a table says
 * "High-voltage switching", "my CE money" where a policy says "continuing education". Of `unknown`
 * (words no chunk holds), those written in capitals in `question`, of 2 to 5 letters, each read as
 * the words of `texts` whose initials spell it (small words between them skipped), the most often
 * written run when several do. Words of one letter or two never spell one: "HV" is not "he
 * visited". A word in lower case is not taken for one: "fr jacket" was read as the flame-resistant
 * clothing a policy names, and a question it does not answer was answered (without vowels as the
 * test, the development sets lost as many declines as they gained answers).
 */
export function acronymCorrections(question: string, unknown: Iterable<string>, texts: readonly string[]): Map<string, string> {
  const corrections = new Map<string, string>();
  let textWords: string[][] | undefined; // split once, and only when the question has an acronym
  for (const word of unknown) {
    const lower = word.toLowerCase();
    if (!/^[a-z]{2,5}$/.test(lower)) continue;
    if (!new RegExp(`(?<![\\p{L}\\p{N}])${lower.toUpperCase()}s?(?![\\p{L}\\p{N}])`, "u").test(question)) continue;
    const counts = new Map<string, number>();
    for (const words of (textWords ??= texts.map((text) => wordsOf(text).filter(Boolean)))) {
      for (let end = 0; end < words.length; end++) {
        // The run ends on a word starting with the acronym's last letter: most words are not tried.
        if (words[end]![0]!.toLowerCase() !== lower.at(-1)) continue;
        const run = expand(lower, words.slice(Math.max(0, end + 1 - 2 * lower.length), end + 1));
        if (!run || run.some((w) => !SKIPPED.has(w.toLowerCase()) && w.length < 3)) continue;
        const spelled = run.join(" ").toLowerCase();
        counts.set(spelled, (counts.get(spelled) ?? 0) + 1);
      }
    }
    const best = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    if (best) corrections.set(lower, best[0]);
  }
  return corrections;
}
