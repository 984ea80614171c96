import { describe, expect, it } from "vitest";
import { attachmentDisposition } from "./content-disposition";

describe("attachmentDisposition", () => {
  it("keeps a plain name as it is in both forms", () => {
    expect(attachmentDisposition("expenses-policy.pdf")).toBe(`attachment; filename="expenses-policy.pdf"; filename*=UTF-8''expenses-policy.pdf`);
  });

  it("gives non-ASCII names an ASCII fallback and the exact name percent-encoded", () => {
    const header = attachmentDisposition("Reisekostenrichtlinie für Übersee.docx");
    expect(header).toContain(`filename="Reisekostenrichtlinie f_r _bersee.docx"`);
    expect(header).toContain(`filename*=UTF-8''Reisekostenrichtlinie%20f%C3%BCr%20%C3%9Cbersee.docx`);
  });

  it("cannot be broken out of: quotes, backslashes, line breaks and folders are neutralized", () => {
    const header = attachmentDisposition(`policies/../evil"; filename=x.exe\r\nSet-Cookie: a=b.pdf`);
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toContain(`filename="evil_; filename=x.exe__Set-Cookie: a=b.pdf"`);
    expect(header).toContain(`filename*=UTF-8''evil%22%3B%20filename%3Dx.exe%0D%0ASet-Cookie%3A%20a%3Db.pdf`);
    expect(attachmentDisposition("a/b\\c's (1)*.txt")).toContain(`filename*=UTF-8''c%27s%20%281%29%2A.txt`);
  });
});
