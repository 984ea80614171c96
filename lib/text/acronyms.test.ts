import { describe, expect, it } from "vitest";
import { acronymsIn } from "./acronyms";

describe("acronymsIn", () => {
  it("reads the words an acronym in brackets stands for", () => {
    const found = acronymsIn("Apply to the Competitive Development Program (CDP) by May. Federal Employees Group Life Insurance (FEGLI) is automatic.");
    expect(found.get("CDP")).toEqual(["Competitive", "Development", "Program"]);
    expect(found.get("FEGLI")).toEqual(["Federal", "Employees", "Group", "Life", "Insurance"]);
  });

  it("skips the small words of a name, but does not spell a letter with one", () => {
    const found = acronymsIn("Ask the Office of Personnel Management (OPM), or the Department of Health and Human Services (HHS).");
    expect(found.get("OPM")).toEqual(["Office", "of", "Personnel", "Management"]);
    expect(found.get("HHS")).toEqual(["Health", "and", "Human", "Services"]);
  });

  it("takes a plural acronym as its singular", () => {
    expect(acronymsIn("Book your Paid Time Off (PTOs) early.").get("PTO")).toEqual(["Paid", "Time", "Off"]);
  });

  it("ignores brackets whose letters the words before them do not spell", () => {
    expect([...acronymsIn("Leave Without Pay (LWOP) needs approval (see Section 4 (B)). A doctorate (PhD) counts.").keys()]).toEqual([]);
  });
});
