import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { requireSameOrigin } from "./origin";

const request = (headers: Record<string, string>) => new Request("http://groundwork.example.com/api/chat", { method: "POST", headers: { host: "groundwork.example.com", ...headers } });
const refused = (headers: Record<string, string>) => {
  try {
    requireSameOrigin(request(headers));
    return false;
  } catch (err) {
    return err instanceof AppError && err.status === 403;
  }
};

describe("requireSameOrigin", () => {
  it("accepts the app's own pages and clients that are no browser page", () => {
    expect(refused({ origin: "http://groundwork.example.com", "sec-fetch-site": "same-origin" })).toBe(false);
    expect(refused({})).toBe(false);
    // Behind a proxy the public host is the forwarded one.
    expect(refused({ origin: "https://kb.example.com", "x-forwarded-host": "kb.example.com" })).toBe(false);
  });

  it("refuses another site, a sibling subdomain, an opaque origin, and a cross-site fetch without Origin", () => {
    expect(refused({ origin: "https://evil.example", "sec-fetch-site": "cross-site" })).toBe(true);
    expect(refused({ origin: "http://other.example.com", "sec-fetch-site": "same-site" })).toBe(true);
    expect(refused({ origin: "null" })).toBe(true);
    expect(refused({ "sec-fetch-site": "cross-site" })).toBe(true);
    expect(refused({ origin: "http://groundwork.example.com:8080" })).toBe(true);
  });
});
