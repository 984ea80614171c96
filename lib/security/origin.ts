import { AppError } from "../errors";

/**
 * State-changing route handlers accept only requests from the app's own pages, the check Next.js
 * makes for server actions. Browsers send Origin with every POST, PUT and DELETE, and Sec-Fetch-Site
 * with every request, so a page on another site that makes the browser send its cookie is told
 * apart; the session cookie's SameSite=Lax alone still lets a sibling subdomain through. A request
 * with neither header comes from no browser page (curl, a script): it carries no ambient cookie it
 * did not set itself, and the session check decides.
 */
export function requireSameOrigin(request: Request): void {
  const site = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const foreign = (site !== null && site !== "same-origin" && site !== "none") || (origin !== null && hostOf(origin) !== host);
  if (foreign) throw new AppError("forbidden", "Requests from other sites are not accepted. Use Groundwork's own pages.");
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null; // "null" (a sandboxed frame, a file) is no host of ours
  }
}
