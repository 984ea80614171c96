import type { BrowserContext, Locator, Page } from "@playwright/test";

/*
 * Tripwires for the output-handling specs: any dialog (alert/confirm/prompt), any request to a host
 * other than the app's, and the window.__xss flag planted payloads set when they run.
 */
export interface Tripwires {
  dialogs: string[];
  outsideRequests: string[];
  /** Payloads that ran, as far as seen by `look`. */
  ran: string[];
  /** Reads the window.__xss flag planted payloads set when they run; call after each visit. */
  look(where: string): Promise<void>;
}

export async function armTripwires(context: BrowserContext, page: Page, appOrigin: string): Promise<Tripwires> {
  const dialogs: string[] = [];
  const outsideRequests: string[] = [];
  const ran: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  // Recorded and refused: nothing leaves for another host, even if a test would otherwise fail late.
  await context.route(
    (url) => url.origin !== appOrigin && url.protocol !== "data:" && url.protocol !== "blob:",
    (route) => {
      outsideRequests.push(route.request().url());
      return route.abort();
    },
  );
  return {
    dialogs,
    outsideRequests,
    ran,
    async look(where) {
      const flag = await page.evaluate(() => (window as { __xss?: unknown }).__xss);
      if (flag) ran.push(`${where}: ${String(flag)}`);
    },
  };
}

/** Links and images in rendered content that point outside this application. */
export async function outsideLinksAndImages(scope: Locator): Promise<string[]> {
  return scope.evaluateAll((elements) =>
    elements.flatMap((root) => [
      ...[...root.querySelectorAll("img, image, iframe, object, embed, video, audio, source")].map((e) => `<${e.tagName.toLowerCase()}> ${e.getAttribute("src") ?? e.getAttribute("href") ?? ""}`),
      ...[...root.querySelectorAll("a[href]")]
        .map((a) => a.getAttribute("href")!)
        .filter((href) => !(href.startsWith("#") || (href.startsWith("/") && !href.startsWith("//") && !href.startsWith("/\\"))))
        .map((href) => `<a> ${href}`),
    ]),
  );
}
