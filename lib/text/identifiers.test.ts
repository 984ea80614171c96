import { describe, expect, it } from "vitest";
import { identifiersIn } from "./identifiers";

describe("identifiers in a question", () => {
  it("finds policy numbers, form names and error codes", () => {
    expect(identifiersIn("What does HR-104 say about Form W-4?")).toEqual(["HR-104", "W-4"]);
    expect(identifiersIn("Why do I get ERR_CONN_RESET and E1234 on the VPN?")).toEqual(["ERR_CONN_RESET", "E1234"]);
    expect(identifiersIn("Is POL-2024-17 still valid?")).toEqual(["POL-2024-17"]);
  });

  it("leaves ordinary words, numbers and hyphenated words alone", () => {
    expect(identifiersIn("How many days of part-time leave do I get in 2024?")).toEqual([]);
    expect(identifiersIn("What is the per diem, e.g. for a 3-day trip?")).toEqual([]);
  });
});
