import { describe, expect, it } from "vitest";
import { DOWNLOAD_POLICY, headersFor } from "./headers";

const at = (url: string, headers: Record<string, string> = {}) => headersFor(new URL(url), new Headers(headers), "bm9uY2U=");

describe("security headers by route", () => {
  it("HSTS only when the client reached us over HTTPS, directly or through a TLS-terminating proxy", () => {
    expect(at("https://groundwork.example.com/")["Strict-Transport-Security"]).toMatch(/^max-age=\d{8}/);
    expect(at("http://10.0.0.5:3000/", { "x-forwarded-proto": "https" })["Strict-Transport-Security"]).toBeDefined();
    expect(at("http://localhost:3000/")["Strict-Transport-Security"]).toBeUndefined();
    expect(at("http://localhost:3000/", { "x-forwarded-proto": "http" })["Strict-Transport-Security"]).toBeUndefined();
  });

  it("the file download keeps its sandbox; pages get the nonce policy", () => {
    const id = "00000000-0000-4000-8000-000000000000";
    expect(at(`http://localhost/sources/${id}/${id}/file`)["Content-Security-Policy"]).toBe(DOWNLOAD_POLICY);
    expect(at(`http://localhost/sources/${id}/${id}`)["Content-Security-Policy"]).toContain("'nonce-bm9uY2U='");
  });

  it("API answers are never stored; pages are left to Next", () => {
    for (const path of ["/api/documents", "/api/chat", "/api/messages/x/feedback", "/api/citations/x/1", "/api/datasets/x/jsonl"]) {
      expect(at(`http://localhost${path}`)["Cache-Control"], path).toBe("private, no-store");
    }
    expect(at("http://localhost/")["Cache-Control"]).toBeUndefined();
  });
});
