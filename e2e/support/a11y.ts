import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/** The widths issue 19 asks every page to work at: a laptop and a phone. */
export const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 390, height: 844 },
] as const;
export const THEMES = ["light", "dark"] as const;

/** What one theme of a page got wrong; all empty (and 0) when it is fine. */
interface ThemeFindings {
  violations: { rule: string; impact: string | null | undefined; help: string; where: string[] }[];
  /** How many pixels wider than the window the page is (it scrolls sideways), 0 if it is not. */
  widerBy: number;
  /** Where the page gets wider than the window, to say what to fix. */
  tooWide: string[];
}

/**
 * Looks at the page as it stands in the light and then the dark theme, switched in place as the
 * system would switch them (the theme follows the system until a user picks one): axe's serious
 * and critical violations and any sideways scrolling in each, and any emoji once. Loading the page
 * once for both themes halves the sweep's page loads.
 */
export async function accessibilityFindings(page: Page) {
  const findings: Partial<Record<(typeof THEMES)[number], ThemeFindings>> = {};
  const backgrounds = new Set<string>();
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    // Colours fade between themes (Tailwind's transition classes): measure contrast once they end.
    await page.evaluate(() => Promise.all(document.getAnimations().filter((a) => a instanceof CSSTransition).map((a) => a.finished.catch(() => undefined))));
    backgrounds.add(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
    // Legacy mode runs axe in the page itself. The default collects each frame's partial results and
    // finishes them in a new blank page, which doubled the sweep's time (1.47 s an analysis against
    // 0.68 s) and serves only cross-origin frames, which the product has none of.
    const { violations } = await new AxeBuilder({ page }).setLegacyMode().analyze();
    findings[theme] = {
      violations: violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => ({ rule: v.id, impact: v.impact, help: v.help, where: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) })),
      ...(await page.evaluate(sidewaysScroll)),
    };
  }
  // Icons are drawn, never emoji: Debian's Chromium has no emoji font and shows empty boxes.
  const emoji = (await page.locator("body").innerText()).match(/[\u{1F300}-\u{1FAFF}]/gu) ?? [];
  // Both themes were really seen: a page that ignored the switch would be checked twice in light.
  return { ...findings, emoji, themeSwitched: backgrounds.size === THEMES.length };
}

/** What a page with nothing wrong gives `accessibilityFindings`. */
export const NOTHING_WRONG = {
  light: { violations: [], widerBy: 0, tooWide: [] },
  dark: { violations: [], widerBy: 0, tooWide: [] },
  emoji: [],
  themeSwitched: true,
};

/**
 * Where admin.setup.ts leaves what it found on the setup form, the one page that exists only
 * before the first administrator does, for a11y.spec.ts to judge: failing the setup project itself
 * would stop every other browser test.
 */
export const SETUP_FORM_FINDINGS = `${process.env.E2E_DATA_DIR}.setup-form-a11y.json`;

/** Runs in the page: whether the document scrolls sideways, and the outermost elements that make it. */
function sidewaysScroll(): Pick<ThemeFindings, "widerBy" | "tooWide"> {
  const root = document.scrollingElement ?? document.documentElement;
  // One pixel of slack for sub-pixel rounding.
  const widerBy = root.scrollWidth > root.clientWidth + 1 ? root.scrollWidth - root.clientWidth : 0;
  if (!widerBy) return { widerBy, tooWide: [] };
  const past = (el: Element | null) => !!el && el.getBoundingClientRect().right > root.clientWidth + 1;
  const describe = (el: Element) =>
    `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${typeof el.className === "string" && el.className ? `.${el.className.trim().split(/\s+/).slice(0, 6).join(".")}` : ""}`;
  const tooWide = [...document.body.querySelectorAll("*")].filter((el) => past(el) && !past(el.parentElement)).slice(0, 5).map(describe);
  return { widerBy, tooWide };
}
